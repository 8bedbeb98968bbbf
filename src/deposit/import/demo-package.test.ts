// SPDX-License-Identifier: EUPL-1.2
// The round trip: the demo municipality (screening, documents, remarks, cross-references, a period
// closed sharply so two series share one classification system) is exported, imported into an
// empty municipality and exported again, and the two packages are equivalent — the same units under
// the same systemIDs with the same values, the same documents byte for byte, the same journals and
// change log — once what must differ is set aside: the arkiv they hang in (another municipality's),
// and the successor series, which is imported closed. The municipality the package came from refuses
// it (its series are there already), writing nothing. Three documents carry the records that only
// grow: a conversion (konvertering), a deletion (sletting) and an executed disposal (utført
// kassasjon), each dated and signed in the past; they come back with the same elements and values.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeSeries, closeSeriesPeriod, recordConversion, recordDeletion, recordDisposal } from '../../archive/service.ts';
import { seedDemo } from '../../demo/seed.ts';
import { withoutTenant, withTenant } from '../../platform/db/transaction.ts';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';
import { findTenantBySlug, type Tenant } from '../../tenants/service.ts';
import { exportNoark5 } from '../export/package.ts';
import { progress } from '../export/progress.ts';
import { verifyNoark5 } from '../verify/verify.ts';
import { readTree, type XmlNode } from '../verify/xml.ts';
import { checkImport } from './import.ts';
import { loadPackage } from './load.ts';

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint) console.error('SKIPPED src/deposit/import/demo-package.test.ts: xmllint is not installed (apt-get install libxml2-utils)');

/** A canonical text of a tree: element names and values, siblings in sorted order (order is not what is compared). */
function canonical(n: XmlNode, skip: (n: XmlNode) => boolean = () => false): string {
  const children = n.children.filter((c) => !skip(c)).map((c) => canonical(c, skip)).sort();
  return children.length ? `${n.name}{${children.join(',')}}` : `${n.name}=${n.text}`;
}
const text = (n: XmlNode, name: string) => n.children.find((c) => c.name === name)?.text ?? '';
/** Every element of that name in the tree, as name=value lines of its children. */
const records = (n: XmlNode, name: string): string[] =>
  n.name === name ? [n.children.map((c) => `${c.name}=${c.text}`).join(';')] : n.children.flatMap((c) => records(c, name));

describe.skipIf(!hasXmllint)('import noark5: the round trip of the demo municipality', { timeout: 300_000 }, () => {
  let radhus: TestRadhus;
  let demo: Tenant;
  let first: string;
  let second: string;
  const fresh = () => mkdtemp(join(tmpdir(), 'radhus-roundtrip-'));

  beforeAll(async () => {
    radhus = await createTestRadhus();
    await seedDemo(radhus.ctx);
    demo = (await withoutTenant(radhus.ctx.db, (tx) => findTenantBySlug(tx, 'balsfjord')))!;
    await withTenant(radhus.ctx.db, { tenantId: demo.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) => {
      const series = (await activeSeries(tx))!;
      await closeSeriesPeriod(tx, { tenantId: demo.id, actor: 'user:test:Arkivar', at: radhus.ctx.clock.now() }, series.id, { separation: 'sharp' });
      // Three documents of the closed series with a file each: one converted, one with its file
      // deleted, one disposed of — in the past, by someone else than whoever records it.
      const docs = (await sql<{ id: string; object_id: string; format: string }>`
        select d.id, o.id as object_id, o.format from documents d
        join document_objects o on o.document_id = d.id and o.version = 1
        join registry_entries e on e.id = d.registry_entry_id join case_files c on c.id = e.case_file_id
        where c.series_id = ${series.id} order by e.entry_year, e.entry_sequence, d.document_number, o.variant limit 3`.execute(tx)).rows;
      expect(new Set(docs.map((d) => d.id)).size).toBe(3);
      const c = { tenantId: demo.id, actor: 'user:test:Arkivar', at: radhus.ctx.clock.now() };
      const pdf = await radhus.ctx.files.put(Readable.from([Buffer.from('%PDF-1.4\n% converted for the round trip\n')]));
      await recordConversion(tx, c, { fromObjectId: docs[0]!.object_id, toChecksum: pdf.checksum, toSize: pdf.size, fromFormat: docs[0]!.format, toFormat: 'fmt/18', tool: 'Konverterer 2.1', comment: 'Til arkivformat' },
        { at: new Date('2021-03-04T05:06:07Z'), by: 'Konverteringsansvarlig' });
      await recordDeletion(tx, c, docs[1]!.object_id, 'production-format', { at: new Date('2021-04-05T06:07:08Z'), by: 'Slettemann' });
      await recordDisposal(tx, c, { type: 'document', id: docs[2]!.id }, { at: new Date('2022-05-06T07:08:09Z'), by: 'Kassasjonsansvarlig' });
    });
    first = await fresh();
    await exportNoark5(radhus.ctx, { tenant: demo, series: 'all', out: first, actor: 'cli:test', progress: progress(() => {}), warn: () => {}, soffice: null });
  }, 300_000);
  afterAll(async () => {
    await radhus?.close();
    for (const dir of [first, second]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('export → import into an empty municipality → export gives an equivalent package', async () => {
    const empty = await radhus.tenant({ slug: 'tomby' });
    const checked = await checkImport(first, { ctx: radhus.ctx, tenant: empty });
    expect(checked.report.checks.filter((c) => c.status === 'failed' || c.status === 'not-run').map((c) => [c.id, c.findings.slice(0, 2)])).toEqual([]);
    expect(checked.plan?.errors).toEqual([]);
    expect(checked.plan?.unmapped).toEqual([]);
    expect(checked.status).toBe('accepted');
    const loaded = await loadPackage(checked.report.dir, checked.plan!, { ctx: radhus.ctx, tenant: empty, actor: 'cli:test', progress: progress(() => {}) });
    expect(loaded.counts.caseFiles).toBe(checked.plan!.counts.mappe);
    expect(loaded.counts.entries).toBe(checked.plan!.counts.registrering);
    expect(loaded.counts.files).toBe(checked.plan!.counts.dokumentobjekt);
    // Only the change log's rows about the fonds (another municipality's arkiv) have no place here.
    expect([...loaded.unmapped.keys()].filter((k) => !k.startsWith('endring') && !k.startsWith('arkivdel/arkivdelstatus'))).toEqual([]);

    second = await fresh();
    await exportNoark5(radhus.ctx, { tenant: empty, series: 'all', out: second, actor: 'cli:test', progress: progress(() => {}), warn: () => {}, soffice: null });
    const again = await verifyNoark5(second);
    expect(again.checks.filter((c) => c.status === 'failed' || c.status === 'not-run').map((c) => [c.id, c.findings.slice(0, 2)])).toEqual([]);

    // arkivstruktur.xml: every arkivdel of the first package, equal in the second (the municipality's
    // own empty series there is not part of it); the successor series is imported closed.
    const [a, b] = await Promise.all([readTree(join(first, 'arkivstruktur.xml')), readTree(join(second, 'arkivstruktur.xml'))]);
    // The records that only grow, as they were recorded (not the time of the import), in both packages.
    expect(records(a, 'konvertering')).toEqual([
      `konvertertDato=2021-03-04T05:06:07Z;konvertertAv=Konverteringsansvarlig;konvertertFraFormat=${records(a, 'konvertering')[0]?.match(/FraFormat=([^;]*)/)?.[1]};konvertertTilFormat=fmt/18;konverteringsverktoey=Konverterer 2.1;konverteringskommentar=Til arkivformat`,
    ]);
    expect(records(a, 'sletting')).toEqual(['slettingstype=Sletting av produksjonsformat;slettetDato=2021-04-05T06:07:08Z;slettetAv=Slettemann']);
    expect(records(a, 'utfoertKassasjon')).toEqual(['kassertDato=2022-05-06T07:08:09Z;kassertAv=Kassasjonsansvarlig']);
    for (const element of ['konvertering', 'sletting', 'utfoertKassasjon']) expect(records(b, element), element).toEqual(records(a, element));
    const series = (root: XmlNode) => new Map(root.children.filter((c) => c.name === 'arkivdel').map((s) => [text(s, 'systemID'), s]));
    const [sa, sb] = [series(a), series(b)];
    expect(sa.size).toBe(2);
    const status = (n: XmlNode) => n.name === 'arkivdelstatus';
    for (const [id, s] of sa) expect(canonical(sb.get(id)!, status), `arkivdel ${id}`).toBe(canonical(s, status));

    // The documents, byte for byte under the same names.
    const docs = async (dir: string) => {
      const out: Record<string, string> = {};
      for (const f of await readdir(join(dir, 'dokumenter'))) out[f] = createHash('sha256').update(await readFile(join(dir, 'dokumenter', f))).digest('hex');
      return out;
    };
    expect(await docs(second)).toEqual(await docs(first));

    // The journals: the same journal posts with the same values.
    for (const journal of ['loependeJournal.xml', 'offentligJournal.xml']) {
      const [ja, jb] = await Promise.all([readTree(join(first, journal)), readTree(join(second, journal))]);
      const posts = (root: XmlNode) => root.children.filter((c) => c.name !== 'journalhode').map((c) => canonical(c)).sort();
      expect(posts(jb), journal).toEqual(posts(ja));
    }

    // The change log: the same changes, but for those about the fonds.
    const fonds = text(a, 'systemID');
    const changes = async (dir: string) =>
      (await readTree(join(dir, 'endringslogg.xml'))).children.filter((c) => c.name === 'endring' && text(c, 'referanseArkivenhet') !== fonds && text(c, 'referanseArkivenhet') !== text(b, 'systemID')).map((c) => canonical(c)).sort();
    const before = await changes(first);
    expect(before.length).toBeGreaterThan(0);
    expect(await changes(second)).toEqual(before);

    // The package description: the same counts and flags.
    const addml = async (dir: string) => (await readFile(join(dir, 'arkivuttrekk.xml'), 'utf8')).replace(/<value>[0-9a-f]{64}<\/value>/g, '').match(/<property name="(antall\w*|numberOfOccurrences|inneholder\w+|omfatter\w+)">[\s\S]*?<\/property>/g);
    expect(await addml(second)).toEqual(await addml(first));
  });

  it('is refused by the municipality it came from, naming each series already there', async () => {
    const checked = await checkImport(first, { ctx: radhus.ctx, tenant: demo });
    expect(checked.status).toBe('refused');
    expect(checked.plan!.errors.length).toBe(checked.plan!.seriesSystemIds.length);
    expect(checked.plan!.errors.every((e) => e.message === 'alreadyLoaded' && e.element === 'arkivdel')).toBe(true);
  });
});
