// SPDX-License-Identifier: EUPL-1.2
// The extraction of the demo municipality: every XML file validates against its official XSD with
// xmllint (CI installs libxml2-utils; without it the validation tests say so loudly and skip), the
// ADDML checksums and counts match the files, every document referenced is there and no other.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';
import { withoutTenant, withTenant } from '../../platform/db/transaction.ts';
import { seedDemo } from '../../demo/seed.ts';
import { activeSeries, closeSeriesPeriod } from '../../archive/service.ts';
import { findTenantBySlug, type Tenant } from '../../tenants/service.ts';
import { exportNoark5, schemaFiles, type ExportResult } from './package.ts';
import { progress } from './progress.ts';
import { exportNoark5Command } from '../../cli/commands/export-noark5.ts';
import { noModules } from '../../platform/open-context.ts';
import { captureOutput } from '../../cli/io.ts';
import { verifyNoark5 } from '../verify/verify.ts';

const SLOW = 240_000;
const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasXmllint) console.error('\n*** xmllint is not installed: the XSD validation of the Noark 5 extraction is SKIPPED. Install libxml2-utils. ***\n');

const xsdOf: Record<string, string> = {
  'arkivstruktur.xml': 'arkivstruktur.xsd',
  'endringslogg.xml': 'endringslogg.xsd',
  'loependeJournal.xml': 'loependeJournal.xsd',
  'offentligJournal.xml': 'offentligJournal.xsd',
  'arkivuttrekk.xml': 'addml.xsd',
};

function validate(dir: string, xml: string): { ok: boolean; output: string } {
  try {
    const output = execFileSync('xmllint', ['--noout', '--nonet', '--schema', join(dir, xsdOf[xml]!), join(dir, xml)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, output };
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}`.slice(0, 4000) };
  }
}

describe('radhus export noark5', () => {
  let radhus: TestRadhus;
  let tenant: Tenant;
  let out: string;
  let result: ExportResult;
  const warnings: string[] = [];

  beforeAll(async () => {
    radhus = await createTestRadhus();
    await seedDemo(radhus.ctx);
    tenant = (await withoutTenant(radhus.ctx.db, (tx) => findTenantBySlug(tx, 'balsfjord')))!;
    // Close the period sharply, as a municipality does at new year: open case files move on.
    await withTenant(radhus.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) => {
      const series = (await activeSeries(tx))!;
      await closeSeriesPeriod(tx, { tenantId: tenant.id, actor: 'user:test:Arkivar', at: radhus.ctx.clock.now() }, series.id, { separation: 'sharp' });
    });
    out = await mkdtemp(join(tmpdir(), 'radhus-noark5-'));
    result = await exportNoark5(radhus.ctx, { tenant, series: 'all', out, actor: 'cli:test', progress: progress(() => {}), warn: (l) => warnings.push(l), soffice: null });
  }, SLOW);
  afterAll(async () => {
    await radhus?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('writes the five XML files, the official XSDs unmodified and the documents', async () => {
    const files = await readdir(out);
    expect(files.sort()).toEqual(['arkivstruktur.xml', 'arkivuttrekk.xml', 'dokumenter', 'endringslogg.xml', 'loependeJournal.xml', 'offentligJournal.xml', ...schemaFiles].sort());
    // The published schemas, byte for byte (SHA-256 prefixes of the files published by Arkivverket).
    const published: Record<string, string> = {
      'addml.xsd': '900d238446096154', 'arkivstruktur.xsd': '24e056c8ffb86c18', 'endringslogg.xsd': '3b3de5182efe95b9',
      'loependeJournal.xsd': '5474a898125b0696', 'metadatakatalog.xsd': 'd4f05aefa852b121', 'offentligJournal.xsd': '4b60e2c232b8d116',
    };
    for (const xsd of schemaFiles) expect(createHash('sha256').update(await readFile(join(out, xsd))).digest('hex').slice(0, 16), xsd).toBe(published[xsd]);
    expect(result.counts.mappe).toBeGreaterThan(0);
    expect(result.counts.registrering).toBeGreaterThan(0);
    expect(result.counts.files).toBeGreaterThan(0);
  });

  it.skipIf(!hasXmllint)('every XML file validates against its official XSD (xmllint --schema)', () => {
    for (const xml of Object.keys(xsdOf)) {
      const { ok, output } = validate(out, xml);
      expect(ok, `${xml}: ${output}`).toBe(true);
    }
  });

  it.skipIf(!hasXmllint)('passes verify after a sharp period close: the classification system the two series share is written once', async () => {
    // The closed series and its successor share one classification system; writing it under both
    // arkivdeler duplicated its systemID and those of its classes (N5.47).
    const structure = await readFile(join(out, 'arkivstruktur.xml'), 'utf8');
    expect(structure.split('<klassifikasjonssystem>').length - 1).toBe(1);
    const report = await verifyNoark5(out);
    const failed = report.checks.filter((c) => c.status === 'failed' || c.status === 'not-run');
    expect(failed.map((c) => `${c.id}: ${JSON.stringify(c.findings.slice(0, 3))}`)).toEqual([]);
    expect(report.exitCode).toBe(0);
  });

  it('the ADDML holds the SHA-256 of every XML and XSD file and the counts of the XML files', async () => {
    const addml = await readFile(join(out, 'arkivuttrekk.xml'), 'utf8');
    for (const name of [...Object.keys(xsdOf).filter((n) => n !== 'arkivuttrekk.xml'), ...schemaFiles.filter((n) => n !== 'addml.xsd')]) {
      const sum = createHash('sha256').update(await readFile(join(out, name))).digest('hex');
      expect(addml, name).toContain(`<value>${sum}</value>`);
    }
    const structure = await readFile(join(out, 'arkivstruktur.xml'), 'utf8');
    const count = (text: string, element: string) => text.split(`<${element} `).length - 1 + text.split(`<${element}>`).length - 1;
    expect(count(structure, 'mappe')).toBe(result.counts.mappe);
    expect(count(structure, 'registrering')).toBe(result.counts.registrering);
    expect(addml).toContain(`<value>${result.counts.mappe}</value>`);
    const journal = await readFile(join(out, 'loependeJournal.xml'), 'utf8');
    expect(count(journal, 'journalregistrering')).toBe(result.counts.journalposter);
    expect(result.counts.journalposter).toBe(result.counts.registrering);
  });

  it('every referenced document file is in the package with its checksum, and no other file', async () => {
    const structure = await readFile(join(out, 'arkivstruktur.xml'), 'utf8');
    const refs = [...structure.matchAll(/<referanseDokumentfil>([^<]+)<\/referanseDokumentfil>\s*<sjekksum>([0-9a-f]{64})<\/sjekksum>/g)];
    expect(refs.length).toBe(result.counts.dokumentobjekt);
    const present = (await readdir(join(out, 'dokumenter'))).map((f) => `dokumenter/${f}`).sort();
    expect([...new Set(refs.map((r) => r[1]!))].sort()).toEqual(present);
    expect(result.counts.files).toBe(present.length);
    for (const [, path, sum] of refs) expect(createHash('sha256').update(await readFile(join(out, path!))).digest('hex')).toBe(sum);
  });

  it('the public journal holds no screened text, and every journal post has a correspondence party', async () => {
    const [internal, open] = await Promise.all([readFile(join(out, 'loependeJournal.xml'), 'utf8'), readFile(join(out, 'offentligJournal.xml'), 'utf8')]);
    // Titles with screened words: the internal journal has both, the public one only the public title.
    const screened = [...internal.matchAll(/<tittel>([^<]+)<\/tittel>\s*<offentligTittel>([^<]+)<\/offentligTittel>/g)].filter((m) => m[1] !== m[2]);
    expect(screened.length).toBeGreaterThan(0);
    for (const [, title] of screened) expect(open).not.toContain(`>${title}<`);
    const posts = open.split('<journalpost>').slice(1);
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect(post).toContain('<korrespondansepart>');
    expect(internal.split('<journalpost>').length).toBe(open.split('<journalpost>').length);
  });

  it('says unconverted documents by name when LibreOffice is not there, and records PRONOM formats from the content', async () => {
    expect(result.unconverted.length).toBeGreaterThan(0);
    expect(warnings.join('\n')).toMatch(/LibreOffice \(soffice\) is not installed.*dokument 1/);
    const structure = await readFile(join(out, 'arkivstruktur.xml'), 'utf8');
    // The demo's letters are PDF 1.4: fmt/18, not the fmt/276 the MIME type used to give every PDF.
    expect(structure).toContain('<format>fmt/18</format>');
    expect(structure).toContain('<formatDetaljer>PDF 1.4</formatDetaljer>');
  });

  it('runs again over an interrupted package: a half-written file goes, a stray file goes, the result is the same', async () => {
    const before = await readFile(join(out, 'arkivuttrekk.xml'), 'utf8');
    const [firstDoc] = await readdir(join(out, 'dokumenter'));
    await writeFile(join(out, 'dokumenter', firstDoc!), 'cut short');
    await writeFile(join(out, 'dokumenter', 'stray.pdf'), 'not ours');
    await writeFile(join(out, 'arkivstruktur.xml.partial'), '<arkiv');
    const again = await exportNoark5(radhus.ctx, { tenant, series: 'all', out, actor: 'cli:test', progress: progress(() => {}), warn: () => {}, soffice: null });
    expect(again.counts).toEqual(result.counts);
    const present = await readdir(join(out, 'dokumenter'));
    expect(present).not.toContain('stray.pdf');
    expect(again.counts.files).toBe(present.length);
    expect(await readdir(out)).not.toContain('arkivstruktur.xml.partial');
    // Same content, so the same checksums (the XML has no timestamp of the run in it unless a series is open).
    expect((await readFile(join(out, 'arkivuttrekk.xml'), 'utf8')).length).toBe(before.length);
    const doc = await readFile(join(out, 'dokumenter', firstDoc!));
    expect(doc.toString()).not.toBe('cut short');
  });

  it('radhus export noark5 warns about a series still open, names what it leaves out, and reports what it wrote', async () => {
    const io = captureOutput();
    const dir = await mkdtemp(join(tmpdir(), 'radhus-noark5-cli-'));
    try {
      // As the command runs on its own: without the capabilities loaded, whose walk would throw.
      expect(exportNoark5Command.withoutModules).toBe(true);
      const ctx = { ...radhus.ctx, modules: noModules('export noark5') };
      const code = await exportNoark5Command.run({ ctx, values: { tenant: 'aneby', series: 'all', out: dir }, io, operator: 'cli:test', migrated: [] });
      expect(code).toBe(0);
      expect(io.stderr.join('\n')).toMatch(/warning: Series "Diarium \d{4}–" is still open \(active\).*open case file\(s\) are left out, e\.g\. \d{4}\/\d+/);
      expect(io.stdout.join('\n')).toMatch(/^Wrote .*: \d+ case file\(s\), \d+ registry entr\(ies\), \d+ document file\(s\), \d+ change\(s\)/);
      if (hasXmllint) for (const xml of Object.keys(xsdOf)) expect(validate(dir, xml).ok, xml).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}, SLOW);
