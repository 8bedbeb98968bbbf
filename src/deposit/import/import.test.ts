// SPDX-License-Identifier: EUPL-1.2
// `radhus import noark5` on packages built by the verifier's fixtures: a valid v5.0 package and the
// same package declared v4.0 load into a municipality with their numbers and systemIDs; a package with
// a wrong checksum, a missing or extra file, a broken reference, invalid XML, an unknown version, a
// wrong namespace or a case number used twice in one series is refused with file, element and line;
// one that fails halfway through writing is rolled back. Whenever a package is not loaded, nothing is
// written (rows, outbox, number series, files in the store or its staging area). Konvertering,
// sletting and utført kassasjon load with the package's own dates and persons; an unknown slettingstype
// or one of their dates that is no date refuses the package, naming file, element and line.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { appendFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNoark5Command } from '../../cli/commands/import-noark5.ts';
import { captureOutput } from '../../cli/io.ts';
import { withoutTenant, withPublic, withTenant } from '../../platform/db/transaction.ts';
import type { Tenant } from '../../tenants/service.ts';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';
import { bundledSchemaDir } from '../verify/structure.ts';
import { buildPackage, sid, type FixtureOptions } from '../verify/test-fixtures.ts';

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint) console.error('SKIPPED src/deposit/import/import.test.ts: xmllint is not installed (apt-get install libxml2-utils)');

const tables = ['series', 'classification_systems', 'classes', 'case_files', 'registry_entries', 'correspondents', 'follow_ups', 'documents', 'document_objects',
  'remarks', 'cross_references', 'retention_decisions', 'change_log', 'outbox', 'number_series', 'public_case_files', 'public_registry_entries',
  'conversions', 'deletions', 'executed_disposals'];

/** Inserts XML into the dokumentbeskrivelse with this systemID: before its first dokumentobjekt, or after the filstoerrelse of that object. */
function intoDocument(xml: string, documentSystemId: string, where: 'before-objects' | 'in-object', insert: string): string {
  const start = xml.indexOf(`<systemID>${documentSystemId}</systemID>`);
  const at = where === 'before-objects' ? xml.indexOf('<dokumentobjekt>', start) : xml.indexOf('</filstoerrelse>', start) + '</filstoerrelse>'.length;
  return xml.slice(0, at) + insert + xml.slice(at);
}
const editStructure = (change: (xml: string) => string) => (files: Map<string, string | Buffer>) => files.set('arkivstruktur.xml', change(files.get('arkivstruktur.xml')!.toString()));
const sletting = (type: string, date = '2024-01-20T12:00:00+01:00') =>
  `<sletting><slettingstype>${type}</slettingstype><slettetDato>${date}</slettetDato><slettetAv>Slettemann</slettetAv></sletting>\n`;
const konvertering = (date: string, from: string, tool?: string) =>
  `<konvertering><konvertertDato>${date}</konvertertDato><konvertertAv>Konverterer</konvertertAv><konvertertFraFormat>${from}</konvertertFraFormat><konvertertTilFormat>fmt/95</konvertertTilFormat>${tool ? `<konverteringsverktoey>${tool}</konverteringsverktoey><konverteringskommentar>Til PDF/A</konverteringskommentar>` : ''}</konvertering>`;

/** Every file under a folder, recursively (the file store with its staging area). */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (e.isDirectory()) out.push(...(await filesUnder(join(dir, e.name))));
    else out.push(join(dir, e.name));
  }
  return out.sort();
}

describe.skipIf(!hasXmllint)('radhus import noark5: loads a valid package, refuses a bad one writing nothing', { timeout: 120_000 }, () => {
  let radhus: TestRadhus;
  let before: Record<string, number | string[]>;
  let tenant: Tenant;

  /** Row counts over every municipality (row-level security shows each only its own), and the files in the store. */
  const counts = async () => {
    const out: Record<string, number | string[]> = Object.fromEntries(tables.map((t) => [t, 0]));
    const tenants = await withoutTenant(radhus.ctx.db, async (tx) => (await sql<{ id: string }>`select id from tenants`.execute(tx)).rows);
    for (const t of tenants)
      await withTenant(radhus.ctx.db, { tenantId: t.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) => {
        for (const table of tables) (out[table] as number) += Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(tx)).rows[0]!.n);
      });
    out.files = await filesUnder(join(radhus.config.dataDir, 'files'));
    return out;
  };

  async function run(dir: string, slug: string) {
    const io = captureOutput();
    const code = await importNoark5Command.run({ ctx: radhus.ctx, values: { tenant: slug, dir, lang: 'en' }, io, operator: 'cli:test', migrated: [] });
    return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
  }

  /** A package that must NOT load: whatever it says, everything stays as it was. */
  async function importPackage(options: FixtureOptions = {}, breakIt?: (dir: string) => Promise<void>) {
    const dir = await buildPackage(options);
    await breakIt?.(dir);
    const result = await run(dir, 'tomby');
    // The promise kept in every case: a package that is not loaded leaves everything as it was.
    expect(await counts()).toEqual(before);
    await rm(dir, { recursive: true, force: true });
    return result;
  }

  beforeAll(async () => {
    radhus = await createTestRadhus();
    tenant = await radhus.tenant({ slug: 'tomby' });
    before = await counts();
    // The counts must see something, or "nothing changed" would prove nothing.
    expect(before.series).toBeGreaterThan(0);
  }, 120_000);
  afterAll(async () => {
    await radhus?.close();
  });

  it('loads a valid v5.0 package into new series, keeping its numbers, systemIDs, screening, documents and change log', async () => {
    const other = await radhus.tenant({ slug: 'femby' });
    const dir = await buildPackage();
    const result = await run(dir, 'femby');
    expect(result.stderr, result.stderr).not.toContain('loading failed');
    expect(result.stdout).toMatch(/Noark 5 5\.0, 2 series, 4 class\(es\), 4 case file\(s\), 6 registry entr\(ies\), 6 document file\(s\)/);
    expect(result.stdout).toMatch(/Loaded into femby: 2 series .*4 case file\(s\), 6 registry entr\(ies\), 6 document\(s\), 6 file\(s\), 2 cross-reference\(s\)/);
    expect(result.code).toBe(0);
    await withTenant(radhus.ctx.db, { tenantId: other.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) => {
      const cases = (await sql<{ system_id: string; case_year: number; case_sequence: number; status: string; series: string; screened: boolean }>`
        select c.system_id, c.case_year, c.case_sequence, c.status, s.system_id as series, c.screening is not null as screened
        from case_files c join series s on s.id = c.series_id where s.system_id in (${sid(1000)}, ${sid(2000)}) order by c.case_year, c.case_sequence`.execute(tx)).rows;
      expect(cases.map((c) => [c.system_id, `${c.case_year}/${c.case_sequence}`, c.status, c.series])).toEqual([
        [sid(1100), '2023/4', 'closed', sid(1000)], [sid(2100), '2024/1', 'closed', sid(2000)], [sid(2200), '2024/2', 'closed', sid(2000)], [sid(2300), '2024/3', 'closed', sid(2000)],
      ]);
      expect(cases[1]!.screened).toBe(true);
      const entries = (await sql<{ system_id: string; status: string; journal_date: string }>`
        select e.system_id, e.status, e.journal_date::text from registry_entries e join case_files c on c.id = e.case_file_id
        join series s on s.id = c.series_id where s.system_id = ${sid(2000)} order by e.entry_year, e.entry_sequence`.execute(tx)).rows;
      expect(entries.map((e) => [e.system_id, e.status, e.journal_date])).toEqual([[sid(2110), 'archived', '2024-01-05'], [sid(2120), 'archived', '2024-02-01'], [sid(2210), 'archived', '2024-03-10'], [sid(2310), 'archived', '2024-12-30']]);
      // The documents' bytes are in the file store under their SHA-256.
      const objects = (await sql<{ checksum: string }>`select o.checksum from document_objects o join documents d on d.id = o.document_id
        join registry_entries e on e.id = d.registry_entry_id join case_files c on c.id = e.case_file_id join series s on s.id = c.series_id
        where s.system_id in (${sid(1000)}, ${sid(2000)})`.execute(tx)).rows;
      expect(objects.length).toBe(6);
      for (const o of objects) expect((await radhus.ctx.files.read(o.checksum)).toString()).toMatch(/^%PDF-1\.4/);
    });
    // The public journal follows from the outbox: one event per case file.
    const events = await withTenant(radhus.ctx.db, { tenantId: other.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) =>
      Number((await sql<{ n: string }>`select count(*) as n from outbox where event_type = 'case-file.created'`.execute(tx)).rows[0]!.n));
    expect(events).toBe(4);
    // …and once the events are handled the imported entries are in the public journal with their own
    // journal dates.
    await radhus.settle();
    const published = await withPublic(radhus.ctx.db, async (tx) =>
      (await sql<{ journal_date: string }>`select journal_date::text from public_registry_entries where tenant_id = ${other.id} order by journal_date`.execute(tx)).rows.map((r) => r.journal_date));
    expect(published).toEqual(['2023-03-01', '2023-11-20', '2024-01-05', '2024-02-01', '2024-03-10', '2024-12-30']);
    // The same package again into the same municipality: refused, its series are there.
    const again = await run(dir, 'femby');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('refused: alreadyLoaded');
    await rm(dir, { recursive: true, force: true });
    before = await counts();
  });

  it('takes an earlier Noark 5 version (v4.0) the same way', async () => {
    await radhus.tenant({ slug: 'fireby' });
    const dir = await buildPackage({ editAddml: (xml) => xml.replace('<value>5.0</value>', '<value>4.0</value>') });
    const result = await run(dir, 'fireby');
    expect(result.stdout).toContain('Noark 5 4.0,');
    expect(result.stdout).toContain('Loaded into fireby: 2 series');
    expect(result.code).toBe(0);
    await rm(dir, { recursive: true, force: true });
    before = await counts();
  });

  it('places a case file in the series its referanseArkivdel names, even one further on in the file', async () => {
    const forward = (files: Map<string, string | Buffer>) =>
      files.set('arkivstruktur.xml', files.get('arkivstruktur.xml')!.toString().replace(/(<mappe xsi:type="saksmappe">\s*<systemID>[^<]+<\/systemID>[\s\S]*?<avsluttetAv>[^<]+<\/avsluttetAv>)/, `$1\n          <referanseArkivdel>${sid(2000)}</referanseArkivdel>`));
    // With a sharp separation the 2023 case file's journal dates lie outside the 2024 series it now
    // names: verify checks that at the end of its pass (the series comes later) and refuses.
    const sharp = await importPackage({ edit: forward });
    expect(sharp.code).toBe(1);
    expect(sharp.stdout).toMatch(/XX RH\.01/);
    expect(sharp.stdout).toMatch(/element journaldato, line \d+/);
    // With a soft one the period check does not apply, and the case file goes into the 2024 series.
    const other = await radhus.tenant({ slug: 'framby' });
    const dir = await buildPackage({ edit: forward, editAddml: (xml) => xml.replaceAll('<value>skarpt</value>', '<value>mykt</value>') });
    const result = await run(dir, 'framby');
    expect(result.stderr, result.stdout + result.stderr).not.toContain('refused');
    expect(result.code).toBe(0);
    const series = await withTenant(radhus.ctx.db, { tenantId: other.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) =>
      (await sql<{ series: string }>`select s.system_id as series from case_files c join series s on s.id = c.series_id where c.system_id = ${sid(1100)}`.execute(tx)).rows[0]?.series);
    expect(series).toBe(sid(2000));
    await rm(dir, { recursive: true, force: true });
    before = await counts();
  });

  it('loads an arkivnotat (no journal number) numbered apart from the real numbers, and says so', async () => {
    const memo = (files: Map<string, string | Buffer>) => {
      const xml = files.get('arkivstruktur.xml')!.toString();
      const start = xml.indexOf('<registrering xsi:type="journalpost">', xml.indexOf(`<systemID>${sid(2200)}</systemID>`));
      const end = xml.indexOf('</registrering>', start);
      const post = xml.slice(start, end)
        .replace('xsi:type="journalpost"', 'xsi:type="arkivnotat"')
        .replace(/<korrespondansepart>[\s\S]*?<\/korrespondansepart>/, '')
        .replace(/<journalaar>[\s\S]*<\/journaldato>/, '<dokumentetsDato>2024-03-10</dokumentetsDato>');
      files.set('arkivstruktur.xml', xml.slice(0, start) + post + xml.slice(end));
    };
    const other = await radhus.tenant({ slug: 'notatby' });
    // Soft separation: the journals still list the post, which sharp separation would count against arkivstruktur.
    const dir = await buildPackage({ edit: memo, editAddml: (xml) => xml.replaceAll('<value>skarpt</value>', '<value>mykt</value>') });
    const result = await run(dir, 'notatby');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/note: registrering without journalsekvensnummer \(numbered from 1000001 in its series and year\), 1×/);
    const row = await withTenant(radhus.ctx.db, { tenantId: other.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) =>
      (await sql<{ entry_year: number; entry_sequence: number }>`select entry_year, entry_sequence from registry_entries where system_id = ${sid(2210)}`.execute(tx)).rows[0]);
    expect(row).toEqual({ entry_year: 2024, entry_sequence: 1_000_001 });
    await rm(dir, { recursive: true, force: true });
    before = await counts();
  });

  it('loads konvertering, sletting and utført kassasjon as the package dates and signs them, and says what it leaves out', async () => {
    const other = await radhus.tenant({ slug: 'kassby' });
    const dir = await buildPackage({
      edit: editStructure((xml) => {
        xml = intoDocument(xml, sid(2111), 'before-objects', sletting('Sletting av produksjonsformat'));
        xml = intoDocument(xml, sid(2111), 'in-object', konvertering('2024-01-06T08:00:00+01:00', 'fmt/412') + konvertering('2024-01-07T09:30:00Z', 'fmt/18', 'LibreOffice 7.4'));
        xml = intoDocument(xml, sid(2121), 'before-objects',
          '<kassasjon><kassasjonsvedtak>Kasseres</kassasjonsvedtak><bevaringstid>5</bevaringstid><kassasjonsdato>2030-01-01</kassasjonsdato></kassasjon>\n'
          + '<utfoertKassasjon><kassertDato>2024-06-01T10:00:00+02:00</kassertDato><kassertAv>Kassasjonsansvarlig</kassertAv></utfoertKassasjon>\n' + sletting('SV', '2024-03-01T00:00:00Z'));
        return intoDocument(xml, sid(2211), 'before-objects', sletting('Sletting av hele innholdet i arkivdelen'));
      }),
      // The package description says it holds a disposal decision and an executed disposal (N5.44, N5.45).
      editAddml: (xml) => xml.replace(/(name="(omfatterDokumenterSomErKassert|inneholderDokumenterSomSkalKasseres)">\s*<value>)false/g, '$1true'),
    });
    const result = await run(dir, 'kassby');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('note: dokumentbeskrivelse/kassasjon (not loaded), 1×');
    expect(result.stdout).toContain('note: dokumentbeskrivelse/sletting of type "Sletting av hele innholdet i arkivdelen" (not loaded), 1×');
    expect(result.stdout).not.toMatch(/konvertering|produksjonsformat/);
    await withTenant(radhus.ctx.db, { tenantId: other.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) => {
      const conversions = (await sql<{ converted_at: Date; converted_by: string; from_format: string; to_format: string; tool: string; comment: string | null; same: boolean; checksum: boolean }>`
        select k.converted_at, k.converted_by, k.from_format, k.to_format, k.tool, k.comment, k.from_object_id = k.to_object_id as same, k.to_checksum = o.checksum as checksum
        from conversions k join document_objects o on o.id = k.to_object_id where o.system_id = ${sid(2112)} order by k.converted_at`.execute(tx)).rows;
      expect(conversions).toEqual([
        { converted_at: new Date('2024-01-06T07:00:00Z'), converted_by: 'Konverterer', from_format: 'fmt/412', to_format: 'fmt/95', tool: '', comment: null, same: true, checksum: true },
        { converted_at: new Date('2024-01-07T09:30:00Z'), converted_by: 'Konverterer', from_format: 'fmt/18', to_format: 'fmt/95', tool: 'LibreOffice 7.4', comment: 'Til PDF/A', same: true, checksum: true },
      ]);
      // The deleted files: a row each, of the kind the package names, without bytes; the document's own file is untouched.
      const deleted = (await sql<{ document: string; kind: string; deleted_at: Date; deleted_by: string; version: number; variant: string; size: string }>`
        select d.system_id as document, x.kind, x.deleted_at, x.deleted_by, o.version, o.variant, o.size::text from deletions x
        join document_objects o on o.id = x.document_object_id join documents d on d.id = o.document_id order by d.system_id`.execute(tx)).rows;
      expect(deleted).toEqual([
        { document: sid(2111), kind: 'production-format', deleted_at: new Date('2024-01-20T11:00:00Z'), deleted_by: 'Slettemann', version: 1, variant: 'production', size: '0' },
        { document: sid(2121), kind: 'earlier-version', deleted_at: new Date('2024-03-01T00:00:00Z'), deleted_by: 'Slettemann', version: 1, variant: 'production', size: '0' },
      ]);
      // A download of either document (newest version, archival first) still gets its file, not the deleted row.
      const served = (await sql<{ document: string; size: string }>`
        select distinct on (d.id) d.system_id as document, o.size::text from documents d join document_objects o on o.document_id = d.id
        where d.system_id in (${sid(2111)}, ${sid(2121)}) order by d.id, o.version desc, array_position(array['archival', 'production', 'redacted'], o.variant)`.execute(tx)).rows;
      expect(served.length).toBe(2);
      for (const r of served) expect(r.size, r.document).not.toBe('0');
      const disposals = (await sql<{ target_type: string; executed_at: Date; executed_by: string }>`
        select x.target_type, x.executed_at, x.executed_by from executed_disposals x join documents d on d.id = x.target_id where d.system_id = ${sid(2121)}`.execute(tx)).rows;
      expect(disposals).toEqual([{ target_type: 'document', executed_at: new Date('2024-06-01T08:00:00Z'), executed_by: 'Kassasjonsansvarlig' }]);
    });
    await rm(dir, { recursive: true, force: true });
    before = await counts();
  });

  it('refuses an unknown slettingstype and a date of a conversion, deletion or disposal that is no date, naming file, element and line', async () => {
    const unknown = await importPackage({ edit: editStructure((xml) => intoDocument(xml, sid(2111), 'before-objects', sletting('Sletting av alt'))) });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/refused: invalidValue "Sletting av alt" \[file arkivstruktur\.xml, element slettingstype, line \d+\]/);
    // The v5 schemas take no such date: the verification refuses it, naming the element.
    const v5 = await importPackage({ edit: editStructure((xml) => intoDocument(xml, sid(2111), 'in-object', konvertering('2024-02-30T08:00:00Z', 'fmt/412'))) });
    expect(v5.code).toBe(1);
    expect(v5.stdout).toMatch(/konvertertDato/);
    // An earlier version's own schema may (here: its metadatakatalog.xsd says any text): the import refuses it itself.
    const lax = (files: Map<string, string | Buffer>) => {
      const catalogue = readFileSync(join(bundledSchemaDir, 'metadatakatalog.xsd'), 'utf8');
      files.set('metadatakatalog.xsd', catalogue.replace(/(<xs:simpleType name="(slettetDato|kassertDato|konvertertDato)">[\s\S]*?<xs:restriction base=")xs:dateTime/g, '$1xs:string'));
    };
    const v4 = (insert: (xml: string) => string, disposed = false) => importPackage({
      edit: (files) => { lax(files); editStructure(insert)(files); },
      editAddml: (xml) => xml.replace('<value>5.0</value>', '<value>4.0</value>').replace(/(name="omfatterDokumenterSomErKassert">\s*<value>)false/, `$1${disposed}`),
    });
    const noDate = await v4((xml) => intoDocument(xml, sid(2111), 'before-objects', sletting('SP', 'i fjor')));
    expect(noDate.code, noDate.stdout + noDate.stderr).toBe(1);
    expect(noDate.stderr).toMatch(/refused: invalidValue "i fjor" \[file arkivstruktur\.xml, element slettetDato, line \d+\]/);
    const noDay = await v4((xml) => intoDocument(xml, sid(2111), 'before-objects', '<utfoertKassasjon><kassertDato>2024-02-30</kassertDato><kassertAv>x</kassertAv></utfoertKassasjon>'), true);
    expect(noDay.stderr).toMatch(/refused: invalidValue "2024-02-30" \[file arkivstruktur\.xml, element kassertDato, line \d+\]/);
  });

  it('refuses a missing document file, an extra file, a broken reference and invalid XML, naming file and element', async () => {
    const missing = await importPackage({}, (dir) => rm(join(dir, 'DOKUMENT', '2024', '2110.pdf')));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/XX N5\.32/);
    expect(missing.stdout).toMatch(/\[file arkivstruktur\.xml, element referanseDokumentfil, line \d+/);
    const extra = await importPackage({}, (dir) => writeFile(join(dir, 'DOKUMENT', 'stray.pdf'), '%PDF-1.4 not listed'));
    expect(extra.code).toBe(1);
    expect(extra.stdout).toMatch(/XX N5\.(28|33)/);
    expect(extra.stdout).toContain('stray.pdf');
    const broken = await importPackage({
      edit: (files) => files.set('arkivstruktur.xml', files.get('arkivstruktur.xml')!.toString().replace(`<referanseTilMappe>${sid(2300)}</referanseTilMappe>`, `<referanseTilMappe>${sid(9999)}</referanseTilMappe>`)),
    });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/XX RH\.02/);
    expect(broken.stdout).toMatch(/element referanseTilMappe, line \d+/);
    const invalid = await importPackage({ edit: (files) => files.set('arkivstruktur.xml', files.get('arkivstruktur.xml')!.toString().replace('</arkiv>', '</arkivx>')) });
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/XX RH\.03/);
    expect(invalid.stdout).toContain('arkivstruktur.xml');
  });

  it('rolls back a package that fails halfway through writing: no rows, no files, no events', async () => {
    // Two classes of one system with the same klasseID: verify has no check for it, the database
    // refuses the second one — after the first series, its case file and its files were written and
    // staged, and the second series' first case files too. All of it must go.
    const result = await importPackage({
      edit: (files) => files.set('arkivstruktur.xml', files.get('arkivstruktur.xml')!.toString().replace('<klasseID>612</klasseID>', '<klasseID>611</klasseID>')),
    });
    expect(result.stderr).toMatch(/loading failed, nothing was written to tomby: .*(duplicate|unique)/);
    expect(result.code).toBe(1);
    expect(await readdir(join(radhus.config.dataDir, 'files', 'tmp')).catch(() => [])).toEqual([]);
  });

  it('refuses a version it does not know, naming arkivuttrekk.xml and the element', async () => {
    const result = await importPackage({ editAddml: (xml) => xml.replace('<value>5.0</value>', '<value>2.0</value>') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused: unsupportedVersion 2\.0 .*\[file arkivuttrekk\.xml, element version\]/);
  });

  it('refuses a wrong checksum with the verification report naming the file and element', async () => {
    const result = await importPackage({}, (dir) => appendFile(join(dir, 'endringslogg.xml'), '<!-- changed after packing -->\n'));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('XX N5.02');
    expect(result.stdout).toMatch(/The checksum of endringslogg\.xml does not match.*\[file arkivuttrekk\.xml, element checksum, line \d+\]/);
    expect(result.stderr).toContain('failed verification');
  });

  it('refuses a wrong namespace', async () => {
    const result = await importPackage({
      edit: (files) => files.set('arkivstruktur.xml', files.get('arkivstruktur.xml')!.toString().replace('noark5/arkivstruktur"', 'noark4/arkivstruktur"')),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/XX /);
    expect(result.stdout).toContain('arkivstruktur.xml');
  });

  it('refuses a case number used twice in one series, naming the mappe and its line', async () => {
    const result = await importPackage({
      edit: (files) => files.set('arkivstruktur.xml', files.get('arkivstruktur.xml')!.toString().replace('<sakssekvensnummer>2</sakssekvensnummer>', '<sakssekvensnummer>1</sakssekvensnummer>')),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused: duplicateCaseNumber 2024\/1 \[file arkivstruktur\.xml, element mappe, line \d+, systemID /);
  });

  it('refuses a series whose systemID this municipality already has (loaded before), naming it', async () => {
    const existing = await withTenant(radhus.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) =>
      (await sql<{ system_id: string }>`select system_id from series limit 1`.execute(tx)).rows[0]!.system_id);
    const result = await importPackage({
      edit: (files) => files.set('arkivstruktur.xml', files.get('arkivstruktur.xml')!.toString().replace(`<systemID>${sid(1000)}</systemID>`, `<systemID>${existing}</systemID>`)),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`refused: alreadyLoaded "`);
    expect(result.stderr).toContain(`[file arkivstruktur.xml, element arkivdel, systemID ${existing}]`);
  });
});
