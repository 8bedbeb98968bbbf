// SPDX-License-Identifier: EUPL-1.2
// A document without an archival format is converted to PDF/A by LibreOffice during the export,
// and the conversion is recorded in the extraction (issue 8 §2). CI installs LibreOffice
// (libreoffice-writer-nogui in .ci/run); without it this test says so loudly and skips, and
// export.test.ts covers the message that names the documents left unconverted.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';
import { multipartBody } from '../../test-support/multipart.ts';
import { detectFormat } from '../../archive/service.ts';
import type { Tenant } from '../../tenants/tenant.ts';
import { findSoffice } from './documents.ts';
import { exportNoark5, type ExportResult } from './package.ts';
import { progress } from './progress.ts';

const soffice = await findSoffice();
if (!soffice) console.error('\n*** LibreOffice (soffice) is not installed: the PDF/A conversion of the export is SKIPPED. Install libreoffice-writer-nogui. ***\n');

describe.skipIf(!soffice)('radhus export noark5 converts to PDF/A with LibreOffice', { timeout: 300_000 }, () => {
  let radhus: TestRadhus;
  let tenant: Tenant;
  let work: string;
  let result: ExportResult;
  const warnings: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'radhus-convert-test-'));
    // An OpenDocument text, made by LibreOffice itself from a plain text letter.
    await writeFile(join(work, 'soknad.txt'), 'Søknad om byggeløyve\nGnr 12 bnr 34, Storsteinnes\n');
    execFileSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'odt', '--outdir', work, join(work, 'soknad.txt')], { stdio: 'ignore', timeout: 120_000 });
    const odt = await readFile(join(work, 'soknad.odt'));

    radhus = await createTestRadhus();
    tenant = await radhus.tenant();
    const auth = { authorization: `Bearer ${await radhus.token(tenant, 'archivist')}` };
    const api = (path: string) => `/api/v1/${tenant.slug}${path}`;
    const caseFile = (await radhus.app.inject({ method: 'POST', url: api('/case-files'), headers: auth, payload: { title: 'Byggesak gnr 12 bnr 34' } })).json();
    const entry = (
      await radhus.app.inject({
        method: 'POST',
        url: api(`/case-files/${caseFile.id}/registry-entries`),
        headers: auth,
        payload: { type: 'outgoing', title: 'Vedtak om byggeløyve', correspondents: [{ name: 'Kari Nordmann', kind: 'person', role: 'recipient' }] },
      })
    ).json();
    const form = multipartBody({ file: { name: 'soknad.odt', type: 'application/vnd.oasis.opendocument.text', content: odt } });
    const uploaded = await radhus.app.inject({ method: 'POST', url: api(`/registry-entries/${entry.id}/documents`), headers: { ...auth, ...form.headers }, payload: form.body });
    expect(uploaded.statusCode).toBe(201);
    // A deposit takes journal posts of closed case files.
    const closed = await radhus.app.inject({ method: 'POST', url: api(`/case-files/${caseFile.id}/close`), headers: auth });
    expect(closed.statusCode, closed.body).toBe(200);

    const out = join(work, 'package');
    result = await exportNoark5(radhus.ctx, { tenant, series: 'all', out, actor: 'cli:test', progress: progress(() => {}), warn: (line) => warnings.push(line), soffice });
  }, 300_000);
  afterAll(async () => {
    await radhus?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('leaves no document unconverted and puts a PDF/A in the package', async () => {
    expect(result.unconverted).toEqual([]);
    expect(result.converted).toBe(1);
    expect(warnings.join('\n')).not.toMatch(/not installed/);
    const files = await readdir(join(result.out, 'dokumenter'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.pdf$/);
    const bytes = await readFile(join(result.out, 'dokumenter', files[0]!));
    const detected = detectFormat(bytes, 'application/pdf');
    // PDF/A-2b (fmt/477) is what the export asks LibreOffice for.
    expect(detected.format).toBe('fmt/477');
  });

  it('records the conversion in arkivstruktur.xml: from the production format, by which tool', async () => {
    const structure = await readFile(join(result.out, 'arkivstruktur.xml'), 'utf8');
    const conversion = /<konvertering>[\s\S]*?<\/konvertering>/.exec(structure)?.[0] ?? '';
    expect(conversion).toMatch(/<konvertertFraFormat>fmt\/\d+<\/konvertertFraFormat>/);
    expect(conversion).toMatch(/<konvertertTilFormat>fmt\/477<\/konvertertTilFormat>/);
    expect(conversion).toMatch(/<konverteringsverktoey>LibreOffice[^<]*<\/konverteringsverktoey>/);
    expect(structure).toMatch(/<variantformat>A<\/variantformat>|<variantformat>Arkivformat<\/variantformat>/);
  });
});
