// SPDX-License-Identifier: EUPL-1.2
// The Noark 5 model of 0014: existing rows migrate (backfills, code tables) with the freeze of 0010
// intact; periodisering closes a series sharply or softly; retention is always dated; formats come
// from the content; conversions, disposals and deletions are records that only grow.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { loadMigrations, migrate } from '../platform/db/migrate.ts';
import { createTestRadhus, freshDatabaseUrl, type TestRadhus } from '../test-support/app.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { addMunicipality } from '../tenants/service.ts';
import type { Tenant } from '../tenants/service.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { Readable } from 'node:stream';
import { multipartBody } from '../test-support/multipart.ts';
import { activeSeries, addDocument, createRegistryEntry, closeCaseFile, closeSeriesPeriod, createCaseFile, decideRetention, detectFormat, listArchiveCodes, recordConversion, type ArchiveCtx } from './service.ts';

const version0014 = loadMigrations().find((m) => m.name === 'noark5_model')!.version;

describe('migration noark5_model on existing data', () => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('backfills classes, retention and code tables, leaves frozen rows untouched and frozen', async () => {
    db = await openDatabase({ databaseUrl: await freshDatabaseUrl() });
    await migrate(db, () => {}, version0014 - 1);
    const t = '00000000-0000-7000-8000-000000000001';
    const at = '2025-03-01T10:00:00Z';
    await sql`select set_config('radhus.tenant_id', ${t}, false)`.execute(db.kysely);
    await sql.raw(`
      insert into tenants (id, slug, official_number, name, country, language) values ('${t}', 'gamleby', '9999', 'Gamleby kommune', 'NO', 'nb');
      insert into fonds values ('00000000-0000-7000-8000-000000000002', '${t}', 'Arkiv', null, 'open', '${at}', 'x');
      insert into classification_systems values ('00000000-0000-7000-8000-000000000003', '${t}', 'K-koder', 'Funksjonsbasert', '${at}');
      insert into classes values ('00000000-0000-7000-8000-000000000004', '${t}', '00000000-0000-7000-8000-000000000003', null, '000', 'Adm');
      insert into series values ('00000000-0000-7000-8000-000000000005', '${t}', '00000000-0000-7000-8000-000000000002', '00000000-0000-7000-8000-000000000003', 'Sakarkiv', 'active', '2025-01-01', null, '${at}', 'x');
      insert into case_files (id, tenant_id, series_id, class_id, case_year, case_sequence, title, public_title, status, case_date, created_at, created_by, updated_at)
        values ('00000000-0000-7000-8000-000000000006', '${t}', '00000000-0000-7000-8000-000000000005', '00000000-0000-7000-8000-000000000004', 2025, 1, 'Sak', 'Sak', 'in-progress', '2025-03-01', '${at}', 'x', '${at}');
      insert into registry_entries (id, tenant_id, case_file_id, entry_year, entry_sequence, number_in_case, type, status, title, public_title, journal_date, created_at, created_by, updated_at)
        values ('00000000-0000-7000-8000-000000000007', '${t}', '00000000-0000-7000-8000-000000000006', 2025, 1, 1, 'case-memo', 'registered', 'Notat', 'Notat', '2025-03-01', '${at}', 'x', '${at}');
      update registry_entries set status = 'archived', archived_at = '${at}' where id = '00000000-0000-7000-8000-000000000007';
      update case_files set status = 'closed', closed_at = '${at}', closed_by = 'x' where id = '00000000-0000-7000-8000-000000000006';
      insert into retention_decisions values ('00000000-0000-7000-8000-000000000008', '${t}', 'case-file', '00000000-0000-7000-8000-000000000006', 'keep', 'Plan', null, null, '${at}', 'x');
      insert into retention_decisions values ('00000000-0000-7000-8000-000000000009', '${t}', 'series', '00000000-0000-7000-8000-000000000005', 'dispose', 'Plan', 10, null, '${at}', 'x');
    `).execute(db.kysely);
    await migrate(db);
    const q = async <T>(text: string) => (await sql.raw<T>(text).execute(db!.kysely)).rows;
    // A class has the date and author of its classification system (the best that is known of it).
    expect(await q(`select created_at = '2025-03-01T10:00:00Z'::timestamptz as c, created_by from classes`)).toEqual([{ c: true, created_by: 'cli:setup:Rådhus' }]);
    expect(await q(`select type_code, created_by from classification_systems`)).toEqual([{ type_code: 'FH', created_by: 'cli:setup:Rådhus' }]);
    expect(await q(`select decision, preservation_years, disposal_date::text as d from retention_decisions order by id`)).toEqual([
      { decision: 'keep', preservation_years: 0, d: '9999-12-31' },
      { decision: 'dispose', preservation_years: 10, d: '2035-03-01' },
    ]);
    expect(await q(`select code from archive_codes where list = 'access-code' and is_default`)).toEqual([{ code: 'U' }]);
    // The frozen rows were not updated: systemID null means "the id", and the freeze still holds.
    expect(await q(`select system_id from registry_entries`)).toEqual([{ system_id: null }]);
    await expect(sql`update registry_entries set archived_by = 'someone'`.execute(db.kysely)).rejects.toThrow(/archived|closed/);
    await expect(sql`update case_files set system_id = 'other'`.execute(db.kysely)).rejects.toThrow(/closed/);
  });
});

describe('the Noark 5 model at work', () => {
  let radhus: TestRadhus;
  let tenant: Tenant;
  let c: ArchiveCtx;
  const as = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(radhus.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, work);

  beforeAll(async () => {
    radhus = await createTestRadhus();
    tenant = await addMunicipality(radhus.ctx, { slug: 'nyby', officialNumber: '5501', name: 'Nyby kommune', country: 'NO', language: 'nb' });
    c = { tenantId: tenant.id, actor: 'user:test:Arkivar', at: radhus.ctx.clock.now() };
  });
  afterAll(() => radhus?.close());

  it('a new municipality gets its code tables, systemIDs and dated classes', async () => {
    const codes = await as((tx) => listArchiveCodes(tx, 'access-code'));
    expect(codes.filter((x) => x.isDefault).map((x) => x.code)).toEqual(['U']);
    const rows = await as(async (tx) => (await sql<{ n: number }>`select count(*)::int as n from classes where created_at is null or system_id is null`.execute(tx)).rows);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('files case files on leaf classes only', async () => {
    const parent = await as(async (tx) => (await sql<{ id: string; classification_system_id: string }>`select id, classification_system_id from classes order by class_id limit 1`.execute(tx)).rows[0]!);
    await as((tx) => sql`insert into classes (id, tenant_id, classification_system_id, parent_id, class_id, title, created_at, created_by)
      values (gen_random_uuid(), ${tenant.id}, ${parent.classification_system_id}, ${parent.id}, 'sub-1', 'Underklasse', ${c.at}, ${c.actor})`.execute(tx));
    const refused = await as((tx) => createCaseFile(tx, c, { title: 'On a branch', classId: parent.id })).catch((e: unknown) => e);
    expect((refused as ProblemError).errors).toEqual([expect.objectContaining({ field: 'classId', code: 'notAllowed' })]);
    const leaf = await as(async (tx) => (await sql<{ id: string }>`select id from classes where class_id = 'sub-1'`.execute(tx)).rows[0]!);
    expect((await as((tx) => createCaseFile(tx, c, { title: 'On a leaf', classId: leaf.id }))).class_id).toBe(leaf.id);
  });

  it('retention decisions always carry bevaringstid and kassasjonsdato', async () => {
    const caseFile = await as((tx) => createCaseFile(tx, c, { title: 'Retention' }));
    await as((tx) => decideRetention(tx, c, { type: 'case-file', id: caseFile.id }, { decision: 'keep', authority: 'Plan 1' }));
    await as((tx) => decideRetention(tx, c, { type: 'case-file', id: caseFile.id }, { decision: 'dispose', authority: 'Plan 2', preservationYears: 5 }));
    const rows = await as(async (tx) => (await sql<{ p: number; d: string }>`select preservation_years as p, disposal_date::text as d from retention_decisions where target_id = ${caseFile.id} order by created_at, id`.execute(tx)).rows);
    const year = Number(c.at.toISOString().slice(0, 4));
    expect(rows).toEqual([{ p: 0, d: '9999-12-31' }, { p: 5, d: `${year + 5}${c.at.toISOString().slice(4, 10)}` }]);
  });

  it('a sharp separation closes the series at once and moves the open case files to the successor', async () => {
    const old = (await as((tx) => activeSeries(tx)))!;
    const open = await as((tx) => createCaseFile(tx, c, { title: 'Still open' }));
    const closed = await as((tx) => createCaseFile(tx, c, { title: 'Done' }));
    await as((tx) => closeCaseFile(tx, c, closed.id));
    const result = await as((tx) => closeSeriesPeriod(tx, c, old.id, { separation: 'sharp', periodEnd: c.at.toISOString().slice(0, 10) }));
    expect(result.closed).toMatchObject({ status: 'closed', separation: 'sharp', successor_id: result.successor!.id, closed_by: c.actor });
    expect(result.movedCaseFiles).toContain(open.id);
    const rows = await as(async (tx) => (await sql<{ id: string; series_id: string }>`select id, series_id from case_files where id in (${open.id}, ${closed.id})`.execute(tx)).rows);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.series_id]))).toEqual({ [open.id]: result.successor!.id, [closed.id]: old.id });
    const successor = (await as((tx) => activeSeries(tx)))!;
    expect(successor).toMatchObject({ id: result.successor!.id, predecessor_id: old.id, status: 'active' });
    // New case files go to the successor.
    expect((await as((tx) => createCaseFile(tx, c, { title: 'New period' }))).series_id).toBe(successor.id);
    // Closed is closed.
    await expect(as((tx) => closeSeriesPeriod(tx, c, old.id, { separation: 'sharp' }))).rejects.toThrow(/closed already/);
  });

  it('a soft separation keeps open case files in the old series, in overlap until the last one is closed', async () => {
    const current = (await as((tx) => activeSeries(tx)))!;
    const open = (await sql<{ id: string }>`select id from case_files where series_id = ${current.id} and status = 'in-progress'`.execute(radhus.ctx.db.kysely)).rows;
    const later = new Date(c.at.getTime() + 400 * 86_400_000);
    const c2 = { ...c, at: later };
    const result = await as((tx) => closeSeriesPeriod(tx, c2, current.id, { separation: 'soft' }));
    expect(result.closed.status).toBe('overlap');
    expect(result.openCaseFiles).toBe(open.length);
    expect(result.movedCaseFiles).toEqual([]);
    // In overlap the old series takes no new case files; they go to the successor.
    const refused = await as((tx) => createCaseFile(tx, c2, { title: 'Too late', seriesId: current.id })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).errors).toEqual([expect.objectContaining({ field: 'seriesId', code: 'notOpen' })]);
    await expect(as((tx) => closeSeriesPeriod(tx, c2, current.id, { separation: 'soft' }))).rejects.toThrow(ProblemError);
    for (const { id } of open) await as((tx) => closeCaseFile(tx, c2, id));
    const finished = await as((tx) => closeSeriesPeriod(tx, c2, current.id, { separation: 'soft' }));
    expect(finished.closed).toMatchObject({ status: 'closed', closed_by: c.actor });
  });

  it('a conversion is a record that only grows: the application role can neither change nor delete it', async () => {
    const caseFile = await as((tx) => createCaseFile(tx, c, { title: 'Converted' }));
    const stored = await radhus.ctx.files.put(Readable.from([Buffer.from('%PDF-1.4\n%%EOF')]));
    const object = await as(async (tx) => {
      const { entry } = await createRegistryEntry(tx, { ...c, country: 'NO', isSystem: false }, caseFile.id, { type: 'case-memo', title: 'Notat' });
      return (await addDocument(tx, c, entry.id, {}, { ...stored, fileName: 'notat.pdf', mimeType: 'application/pdf' })).object;
    });
    const id = await as((tx) => recordConversion(tx, c, { fromObjectId: object.id, toChecksum: 'a'.repeat(64), toSize: 1, fromFormat: 'fmt/18', toFormat: 'fmt/477', tool: 'test' }));
    await expect(as((tx) => sql`update conversions set tool = 'x' where id = ${id}`.execute(tx))).rejects.toThrow();
    await expect(as((tx) => sql`delete from conversions where id = ${id}`.execute(tx))).rejects.toThrow();
  });
});

describe('detectFormat', () => {
  const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}\n%%EOF`, 'latin1');
  it('tells PDF/A from PDF by the XMP marker, and PDF versions apart', () => {
    expect(detectFormat(pdf('<pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>'), 'application/pdf')).toEqual({ format: 'fmt/354', details: 'PDF/A-1b', archival: true });
    expect(detectFormat(pdf('pdfaid:part="2" pdfaid:conformance="B"'), 'application/pdf')).toEqual({ format: 'fmt/477', details: 'PDF/A-2b', archival: true });
    expect(detectFormat(pdf(''), 'application/pdf')).toEqual({ format: 'fmt/276', details: 'PDF 1.7', archival: false });
    expect(detectFormat(Buffer.from('%PDF-1.4\n', 'latin1'), 'application/octet-stream').format).toBe('fmt/18');
  });
  it('goes by the bytes, not by the claimed MIME type', () => {
    expect(detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'application/pdf').format).toBe('fmt/11');
    expect(detectFormat(Buffer.from('hello'), 'text/plain').format).toBe('x-fmt/111');
    expect(detectFormat(Buffer.from('hello'), 'application/x-unknown')).toEqual({ format: 'application/x-unknown', details: null, archival: false });
  });
});

describe('POST /api/v1/{tenant}/series/{id}/close-period (closeSeriesPeriod)', () => {
  let radhus: TestRadhus;
  let tenant: Tenant;
  beforeAll(async () => {
    radhus = await createTestRadhus();
    tenant = await radhus.tenant({ country: 'NO' });
  });
  afterAll(() => radhus?.close());
  const call = async (role: 'archivist' | 'case-officer', id: string, payload: object) =>
    radhus.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/series/${id}/close-period`, headers: { authorization: `Bearer ${await radhus.token(tenant, role)}` }, payload });
  const seriesRows = async () => (await sql<{ id: string; status: string }>`select id, status from series where tenant_id = ${tenant.id} order by created_at`.execute(radhus.ctx.db.kysely)).rows;

  it('is for archivists, refuses a bad body naming the field, and writes nothing then', async () => {
    const [series] = await seriesRows();
    expect((await call('case-officer', series!.id, { separation: 'sharp' })).statusCode).toBe(403);
    const bad = await call('archivist', series!.id, { separation: 'sideways' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('separation');
    const early = await call('archivist', series!.id, { separation: 'sharp', periodEnd: '1999-12-31' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'periodEnd' });
    expect((await call('archivist', '00000000-0000-7000-8000-000000000000', { separation: 'sharp' })).statusCode).toBe(404);
    expect(await seriesRows()).toEqual([{ id: series!.id, status: 'active' }]);
  });

  it('closes the series and opens the successor', async () => {
    const [series] = await seriesRows();
    const res = await call('archivist', series!.id, { separation: 'sharp', successorTitle: 'Sakarkiv neste periode' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ closed: { id: series!.id, status: 'closed' }, successor: { title: 'Sakarkiv neste periode', status: 'active' }, movedCaseFiles: 0 });
    expect((await seriesRows()).map((s) => s.status)).toEqual(['closed', 'active']);
    expect((await call('archivist', series!.id, { separation: 'sharp' })).statusCode).toBe(409);
  });
});

describe('an uploaded file is described by its content', () => {
  let radhus: TestRadhus;
  beforeAll(async () => {
    radhus = await createTestRadhus();
  });
  afterAll(() => radhus?.close());

  it('records the PRONOM id and formatDetaljer of a PDF/A sent as application/octet-stream', async () => {
    const tenant = await radhus.tenant({ country: 'NO' });
    const headers = { authorization: `Bearer ${await radhus.token(tenant, 'case-officer')}` };
    const api = (path: string) => `/api/v1/${tenant.slug}${path}`;
    const caseFile = (await radhus.app.inject({ method: 'POST', url: api('/case-files'), headers, payload: { title: 'Format' } })).json();
    const entry = (await radhus.app.inject({ method: 'POST', url: api(`/case-files/${caseFile.id}/registry-entries`), headers, payload: { type: 'case-memo', title: 'Notat' } })).json();
    const content = Buffer.from('%PDF-1.4\n<x:xmpmeta><pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></x:xmpmeta>\n%%EOF\n', 'latin1');
    const form = multipartBody({ file: { name: 'notat.pdf', type: 'application/octet-stream', content }, title: 'Notat' });
    const upload = await radhus.app.inject({ method: 'POST', url: api(`/registry-entries/${entry.id}/documents`), headers: { ...headers, ...form.headers }, payload: form.body });
    expect(upload.statusCode, upload.body).toBe(201);
    const rows = (await sql<{ format: string; format_details: string }>`select format, format_details from document_objects where tenant_id = ${tenant.id}`.execute(radhus.ctx.db.kysely)).rows;
    expect(rows).toEqual([{ format: 'fmt/477', format_details: 'PDF/A-2b' }]);
  });
});
