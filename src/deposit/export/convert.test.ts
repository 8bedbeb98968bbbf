// SPDX-License-Identifier: EUPL-1.2
// A document without an archival format is converted to PDF/A by LibreOffice during the export,
// and the conversion is recorded in the extraction (issue 8 §2). The documents of a batch share one
// soffice run; a damaged one among them is named in a warning and stays as it is, the others convert. CI installs LibreOffice
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
    await writeFile(join(work, 'kart.txt'), 'Situasjonskart\nMålestokk 1:500\n');
    execFileSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'odt', '--outdir', work, join(work, 'soknad.txt'), join(work, 'kart.txt')], { stdio: 'ignore', timeout: 120_000 });
    const odt = await readFile(join(work, 'soknad.odt'));
    const map = await readFile(join(work, 'kart.odt'));
    // A zip that is no zip: LibreOffice cannot load it.
    const damaged = Buffer.from('PK\x03\x04this is not a real zip archive at all', 'latin1');

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
    for (const file of [
      { name: 'soknad.odt', type: 'application/vnd.oasis.opendocument.text', content: odt },
      { name: 'skadet.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: damaged },
      { name: 'kart.odt', type: 'application/vnd.oasis.opendocument.text', content: map },
    ]) {
      const form = multipartBody({ file });
      const uploaded = await radhus.app.inject({ method: 'POST', url: api(`/registry-entries/${entry.id}/documents`), headers: { ...auth, ...form.headers }, payload: form.body });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
    }
    // A deposit takes journal posts of closed case files.
    const closed = await radhus.app.inject({ method: 'POST', url: api(`/case-files/${caseFile.id}/close`), headers: auth });
    expect(closed.statusCode, closed.body).toBe(200);

    // soffice behind a script that notes each start, to count the runs.
    const wrapper = join(work, 'soffice');
    await writeFile(wrapper, `#!/bin/sh\necho "$*" >> '${join(work, 'runs.log')}'\nexec '${soffice}' "$@"\n`, { mode: 0o755 });
    const out = join(work, 'package');
    result = await exportNoark5(radhus.ctx, { tenant, series: 'all', out, actor: 'cli:test', progress: progress(() => {}), warn: (line) => warnings.push(line), soffice: wrapper });
  }, 300_000);
  afterAll(async () => {
    await radhus?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('puts a PDF/A of each readable document in the package, and names the damaged one', async () => {
    expect(result.converted).toBe(2);
    expect(result.unconverted).toEqual([expect.stringMatching(/dokument 2 versjon 1 \(skadet\.docx\)$/)]);
    expect(warnings.join('\n')).toMatch(/could not convert .*\(skadet\.docx\) to PDF\/A: soffice made no PDF of skadet\.docx/);
    expect(warnings.join('\n')).not.toMatch(/not installed|soknad|kart/);
    const files = (await readdir(join(result.out, 'dokumenter'))).sort();
    expect(files).toHaveLength(3);
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(2);
    for (const pdf of pdfs) {
      const bytes = await readFile(join(result.out, 'dokumenter', pdf));
      // PDF/A-2b (fmt/477) is what the export asks LibreOffice for.
      expect(detectFormat(bytes, 'application/pdf').format).toBe('fmt/477');
    }
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(1);
  });

  it('starts soffice once for the batch, once more for the damaged document alone, and once for its version', async () => {
    const runs = (await readFile(join(work, 'runs.log'), 'utf8')).trim().split('\n');
    expect(runs.filter((r) => r.includes('--convert-to')).map((r) => r.split(' ').filter((a) => a.includes('/in/')).length)).toEqual([3, 1]);
    expect(runs.filter((r) => r.includes('--version'))).toHaveLength(1);
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
