// SPDX-License-Identifier: EUPL-1.2
// The archive writes of the import, at the database: an imported case file is inserted closed with
// its entries archived, and from then on the freeze triggers hold it like any closed case; imported
// numbers are unique per series (0019), so they may repeat numbers the municipality allocated itself
// or another imported series holds, but not within their own series.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { dateIn, findEntryForAccess, importFonds, insertCaseFile, insertSeries, type ImportedCase } from './service.ts';

let radhus: TestRadhus;
let tenant: Tenant;
let auth: { authorization: string };
const at = new Date('2019-06-01T10:00:00Z');
const ctx = () => ({ tenantId: tenant.id, actor: 'cli:import', at });
const inTenant = <T>(work: (tx: Tx) => Promise<T>) => withTenant(radhus.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, work);

function caseFile(seriesId: string, year: number, sequence: number, n: number): ImportedCase {
  return {
    id: newId(), systemId: `old-system-case-${n}`, seriesId, classId: null, year, sequence, title: `Sak ${n}`, publicTitle: `Sak ${n}`, description: null, status: 'closed',
    caseDate: `${year}-01-02`, unit: 'Plan', officer: 'Ola', screening: null, keywords: [], createdAt: at, createdBy: 'ola', closedAt: at, closedBy: 'ola', retention: null, remarks: [],
    entries: [{
      id: newId(), systemId: `old-system-entry-${n}`, year, sequence, numberInCase: 1, type: 'incoming', status: 'archived', title: 'Brev', publicTitle: 'Brev', description: null,
      documentDate: null, receivedDate: null, sentDate: null, dueDate: null, journalDate: `${year}-01-02`, publishedAt: null, unit: 'Plan', officer: 'Ola', screening: null,
      createdAt: at, createdBy: 'ola', archivedAt: at, archivedBy: 'arkivar', correspondents: [{ role: 'sender', name: 'Kari', address: null, postalCode: null, postalTown: null, country: null, email: null }],
      followUps: [], remarks: [], documents: [],
    }],
  };
}

async function series(n: number): Promise<string> {
  const id = newId();
  await inTenant(async (tx) =>
    insertSeries(tx, ctx(), await importFonds(tx), { id, systemId: `old-series-${n}`, title: `Gammel arkivdel ${n}`, status: 'closed', periodStart: '2019-01-01', periodEnd: '2019-12-31', createdAt: at, createdBy: 'arkivar', closedAt: at, closedBy: 'arkivar', classificationSystemId: null, separation: null }));
  return id;
}

beforeAll(async () => {
  radhus = await createTestRadhus();
  tenant = await radhus.tenant();
  auth = { authorization: `Bearer ${await radhus.token(tenant, 'archivist')}` };
});
afterAll(() => radhus?.close());

describe('import writes', () => {
  it('inserts a case file closed with its entries archived, and the freeze triggers then hold it', async () => {
    const k = caseFile(await series(1), 2019, 1, 1);
    await inTenant((tx) => insertCaseFile(tx, ctx(), k));
    const row = await inTenant(async (tx) => (await sql<{ status: string; entry: string; archived_by: string }>`
      select c.status, e.status as entry, e.archived_by from case_files c join registry_entries e on e.case_file_id = c.id where c.id = ${k.id}`.execute(tx)).rows[0]);
    expect(row).toEqual({ status: 'closed', entry: 'archived', archived_by: 'arkivar' });
    const refused = (statement: ReturnType<typeof sql>) => inTenant((tx) => statement.execute(tx)).then(() => 'written', (e: Error) => e.message);
    expect(await refused(sql`update case_files set title = 'Endret' where id = ${k.id}`)).toMatch(/closed/);
    expect(await refused(sql`update registry_entries set title = 'Endret' where id = ${k.entries[0]!.id}`)).toMatch(/archived|closed/);
    expect(await refused(sql`insert into registry_entries (id, tenant_id, case_file_id, entry_year, entry_sequence, number_in_case, type, status, title, public_title, journal_date, created_at, created_by, updated_at)
      values (${newId()}, ${tenant.id}, ${k.id}, 2019, 99, 2, 'incoming', 'registered', 'Nytt', 'Nytt', '2019-02-01', now(), 'x', now())`)).toMatch(/closed/);
  });

  it('keeps imported numbers unique per series: the same number in another series, or one the municipality allocated, is fine; twice in one series is not', async () => {
    // The municipality's own case file takes its first number of the year.
    const own = await radhus.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/case-files`, headers: auth, payload: { title: 'Egen sak' } });
    expect(own.statusCode, own.body).toBe(201);
    const year = Number(dateIn(radhus.ctx.clock.now()).slice(0, 4));
    const ownNumber = await inTenant(async (tx) => (await sql<{ case_sequence: number }>`select case_sequence from case_files where id = ${own.json().id}`.execute(tx)).rows[0]!.case_sequence);
    const [a, b] = [await series(2), await series(3)];
    await inTenant((tx) => insertCaseFile(tx, ctx(), caseFile(a, year, ownNumber, 2)));
    await inTenant((tx) => insertCaseFile(tx, ctx(), caseFile(b, year, ownNumber, 3)));
    const twice = await inTenant((tx) => insertCaseFile(tx, ctx(), caseFile(a, year, ownNumber, 4))).then(() => 'written', (e: Error) => e.message);
    expect(twice).toMatch(/duplicate key|unique/);
    const count = await inTenant(async (tx) => Number((await sql<{ n: string }>`select count(*) as n from case_files where case_year = ${year} and case_sequence = ${ownNumber}`.execute(tx)).rows[0]!.n));
    expect(count).toBe(3);
    // The municipality's next own number is still allocated as before, unique among its own.
    const next = await radhus.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/case-files`, headers: auth, payload: { title: 'Neste egne sak' } });
    expect(next.statusCode, next.body).toBe(201);
  });

  it('finds the municipality\'s own entry by a registry number an imported series repeats', async () => {
    // The imported entry first (so a lookup that ignores the difference would find it), with the
    // number the municipality will allocate next.
    const year = Number(dateIn(radhus.ctx.clock.now()).slice(0, 4));
    const next = 1 + (await inTenant(async (tx) => (await sql<{ last: number | null }>`select max(last_value) as last from number_series where kind = 'registry-entry' and year = ${year}`.execute(tx)).rows[0]!.last ?? 0));
    const imported = await series(5);
    await inTenant((tx) => insertCaseFile(tx, ctx(), caseFile(imported, year, next, 5)));
    const kase = await radhus.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/case-files`, headers: auth, payload: { title: 'Sak med brev' } });
    const entry = await radhus.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/case-files/${kase.json().id}/registry-entries`, headers: auth,
      payload: { type: 'incoming', title: 'Brev', correspondents: [{ name: 'Kari Nordmann', kind: 'person', role: 'sender' }] } });
    expect(entry.statusCode, entry.body).toBe(201);
    const own = await inTenant(async (tx) => (await sql<{ entry_sequence: number }>`select entry_sequence from registry_entries where id = ${entry.json().id}`.execute(tx)).rows[0]!);
    expect(own.entry_sequence).toBe(next);
    const found = await inTenant((tx) => findEntryForAccess(tx, { registryNumber: `${year}/${next}` }));
    expect(found?.id).toBe(entry.json().id);
  });
});
