// SPDX-License-Identifier: EUPL-1.2
// The work lists through the real API: whose cases, which unit, status, sorting, counts, paging,
// letters awaiting follow-up and overdue by the municipality's clock, and nothing of another
// municipality.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutTenant } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import type { Role } from '../platform/http/auth.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createSession, SESSION_COOKIE } from '../identity/sessions.ts';
import { syncProviderRoles, upsertUser } from '../identity/users.ts';

type Json = Record<string, any>;
let radhus: TestRadhus;
let north: Tenant;
let other: Tenant;
let mine: string;
let colleague: string;
let ingrid: { id: string; headers: Record<string, string> };
let unit: string;
let otherUnit: string;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function person(tenant: Tenant, subject: string, roles: Role[]) {
  const at = radhus.clock.now();
  return withoutTenant(radhus.ctx.db, async (tx) => {
    const id = await upsertUser(tx, { issuer: 'https://idp.test', subject, name: subject, email: undefined, identityNumber: undefined }, at);
    await syncProviderRoles(tx, id, new Map([[tenant.id, roles]]), at);
    const { sessionId } = await createSession(tx, id, at);
    return { id, headers: { cookie: `${SESSION_COOKIE}=${radhus.app.signCookie(sessionId)}` } };
  });
}

async function call(headers: Record<string, string>, method: 'GET' | 'POST', url: string, payload?: object): Promise<Json> {
  const res = await radhus.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
  return res.json();
}

const api = (tenant: Tenant, path: string) => `/api/v1/${tenant.slug}${path}`;
const openCase = (token: string, title: string, tenant = north) => call(bearer(token), 'POST', api(tenant, '/case-files'), { title });
const letter = (token: string, caseId: string, title: string, extra: object = {}, tenant = north) =>
  call(bearer(token), 'POST', api(tenant, `/case-files/${caseId}/registry-entries`), {
    type: 'incoming',
    title,
    correspondents: [{ name: `Avsender ${title}`, kind: 'person', role: 'sender' }],
    ...extra,
  });
const list = (headers: Record<string, string>, query: string, tenant = north) => radhus.app.inject({ url: api(tenant, `/work-lists/cases?${query}`), headers });
const pending = (headers: Record<string, string>, query: string, tenant = north) => radhus.app.inject({ url: api(tenant, `/work-lists/follow-ups?${query}`), headers });
const titles = (body: Json) => body.items.map((i: Json) => i.title);

/** As the database owner: what the staff helper's API will set (responsible officer and unit by id). */
async function assign(table: 'case_files' | 'registry_entries', id: string, values: { officer?: string | null; unit?: string | null }) {
  if (values.officer !== undefined) await sql`update ${sql.table(table)} set responsible_officer_id = ${values.officer} where id = ${id}`.execute(radhus.ctx.db.kysely);
  if (values.unit !== undefined) await sql`update ${sql.table(table)} set responsible_unit_id = ${values.unit} where id = ${id}`.execute(radhus.ctx.db.kysely);
}

async function addUnit(tenant: Tenant, code: string): Promise<string> {
  const id = newId();
  await sql`insert into administrative_units (id, tenant_id, code, name, created_at, created_by) values (${id}, ${tenant.id}, ${code}, ${`Eining ${code}`}, now(), 'test')`.execute(radhus.ctx.db.kysely);
  return id;
}

beforeAll(async () => {
  radhus = await createTestRadhus({ RADHUS_DEMO_IDP: 'false' });
  north = await radhus.tenant({ country: 'NO' });
  other = await radhus.tenant({ country: 'NO' });
  mine = await radhus.token(north, 'case-officer');
  colleague = await radhus.token(north, 'case-officer');
  ingrid = await person(north, 'ingrid', ['case-officer']);
  unit = await addUnit(north, 'PLAN');
  otherUnit = await addUnit(other, 'PLAN');
});
afterAll(() => radhus?.close());

describe('work list of cases', () => {
  let cases: Json[];
  beforeAll(async () => {
    cases = [];
    for (const title of ['Bygg', 'Avløp', 'Concession', 'Dispensasjon']) cases.push(await openCase(mine, title));
    cases.push(await openCase(colleague, 'Kollegas sak'));
    await openCase(await radhus.token(other, 'case-officer'), 'Nabokommunens sak', other);
  });

  it('lists the cases I created, not a colleague’s, and names its count', async () => {
    const res = await list(bearer(mine), 'mine=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 4, nextCursor: null, today: '2026-03-02' });
    expect(titles(res.json())).toEqual(['Bygg', 'Avløp', 'Concession', 'Dispensasjon']);
    expect(res.json().items[0]).toMatchObject({ caseNumber: cases[0]!.caseNumber, status: 'in-progress', pendingFollowUps: 0, nextDueDate: null });
    expect(titles((await list(bearer(colleague), 'mine=true')).json())).toEqual(['Kollegas sak']);
  });

  it('follows the responsible officer by id before the creator', async () => {
    await assign('case_files', cases[1]!.id, { officer: ingrid.id });
    const hers = (await list(ingrid.headers, 'mine=true')).json();
    expect(titles(hers)).toEqual(['Avløp']);
    // The creator no longer counts once an officer is named.
    expect(titles((await list(bearer(mine), 'mine=true')).json())).toEqual(['Bygg', 'Concession', 'Dispensasjon']);
    await assign('case_files', cases[1]!.id, { officer: null });
  });

  it('sorts by case number, title, date and status, both ways', async () => {
    expect(titles((await list(bearer(mine), 'mine=true&sort=caseNumber&order=desc')).json())).toEqual(['Dispensasjon', 'Concession', 'Avløp', 'Bygg']);
    expect(titles((await list(bearer(mine), 'mine=true&sort=title')).json())).toEqual(['Avløp', 'Bygg', 'Concession', 'Dispensasjon']);
    expect(titles((await list(bearer(mine), 'mine=true&sort=title&order=desc')).json())).toEqual(['Dispensasjon', 'Concession', 'Bygg', 'Avløp']);
    expect((await list(bearer(mine), 'mine=true&sort=date')).statusCode).toBe(200);
    expect((await list(bearer(mine), 'mine=true&sort=status')).statusCode).toBe(200);
    const bad = await list(bearer(mine), 'sort=title;drop table case_files');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: Json) => e.field)).toContain('sort');
  });

  it('pages with a cursor and keeps the total', async () => {
    const first = (await list(bearer(mine), 'mine=true&limit=3')).json();
    expect(first).toMatchObject({ total: 4 });
    expect(first.items).toHaveLength(3);
    const second = (await list(bearer(mine), `mine=true&limit=3&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ total: 4, nextCursor: null });
    expect([...titles(first), ...titles(second)]).toEqual(['Bygg', 'Avløp', 'Concession', 'Dispensasjon']);
    const bad = await list(bearer(mine), 'cursor=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it("lists a unit's cases and refuses a unit that is not this municipality's", async () => {
    await assign('case_files', cases[2]!.id, { unit });
    await assign('case_files', cases[4]!.id, { unit });
    expect(titles((await list(bearer(mine), `unitId=${unit}`)).json())).toEqual(['Concession', 'Kollegas sak']);
    expect(titles((await list(bearer(mine), `unitId=${unit}&mine=true`)).json())).toEqual(['Concession']);
    for (const id of [otherUnit, newId()]) {
      const res = await list(bearer(mine), `unitId=${id}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'unitId', code: 'notFound' })]);
    }
  });

  it('shows open cases by default and closed ones on request', async () => {
    await call(bearer(mine), 'POST', api(north, `/case-files/${cases[3]!.id}/close`));
    expect(titles((await list(bearer(mine), 'mine=true')).json())).not.toContain('Dispensasjon');
    expect(titles((await list(bearer(mine), 'mine=true&status=closed')).json())).toEqual(['Dispensasjon']);
    expect((await list(bearer(mine), 'mine=true&status=all')).json().total).toBe(4);
  });

  it('never shows another municipality’s cases, whatever the filter', async () => {
    const all = (await list(bearer(mine), 'status=all&limit=200')).json();
    expect(all.total).toBe(5);
    expect(titles(all)).not.toContain('Nabokommunens sak');
  });

  it('is for case officers and archivists only', async () => {
    expect((await list(bearer(await radhus.token(north, 'archivist')), '')).statusCode).toBe(200);
    for (const role of ['politician', 'citizen', 'tenant-admin', 'system'] as const) {
      expect((await list(bearer(await radhus.token(north, role)), '')).statusCode, role).toBe(403);
      expect((await pending(bearer(await radhus.token(north, role)), '')).statusCode, role).toBe(403);
    }
    expect((await radhus.app.inject({ url: api(north, '/work-lists/cases') })).statusCode).toBe(401);
  });
});

describe('letters awaiting follow-up', () => {
  let officer: string;
  let caseFile: Json;
  const entries: Record<string, Json> = {};
  beforeAll(async () => {
    officer = await radhus.token(north, 'case-officer');
    caseFile = await openCase(officer, 'Tilsyn');
    entries.due = await letter(officer, caseFile.id, 'Frist i dag', { dueDate: '2026-03-02' });
    entries.late = await letter(officer, caseFile.id, 'For sent', { dueDate: '2026-02-20' });
    entries.none = await letter(officer, caseFile.id, 'Uten frist');
    entries.answered = await letter(officer, caseFile.id, 'Besvart');
    await call(bearer(officer), 'POST', api(north, `/case-files/${caseFile.id}/registry-entries`), {
      type: 'outgoing',
      title: 'Svar',
      correspondents: [{ name: 'Mottaker', kind: 'person', role: 'recipient' }],
      followsUp: [entries.answered.id],
    });
    await call(bearer(officer), 'POST', api(north, `/case-files/${caseFile.id}/registry-entries`), { type: 'internal-without-followup', title: 'Notat' });
    entries.memo = await call(bearer(officer), 'POST', api(north, `/case-files/${caseFile.id}/registry-entries`), { type: 'internal-with-followup', title: 'Internt notat', dueDate: '2026-03-10' });
  });

  it('lists unanswered incoming letters and notes for follow-up, with document numbers, by due date', async () => {
    const res = await pending(bearer(officer), 'mine=true');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(4);
    expect(titles(body)).toEqual(['For sent', 'Frist i dag', 'Internt notat', 'Uten frist']);
    expect(body.items[0]).toMatchObject({
      documentNumber: `${caseFile.caseNumber}-2`,
      caseNumber: caseFile.caseNumber,
      caseTitle: 'Tilsyn',
      dueDate: '2026-02-20',
      overdue: true,
      correspondents: 'Avsender For sent',
    });
    expect(body.items[1]).toMatchObject({ dueDate: '2026-03-02', overdue: false });
    expect(titles((await pending(bearer(officer), 'mine=true&sort=documentNumber&order=desc')).json())).toEqual(['Internt notat', 'Uten frist', 'For sent', 'Frist i dag']);
    // The case list carries the same counts.
    const inList = (await list(bearer(officer), 'mine=true')).json().items[0];
    expect(inList).toMatchObject({ title: 'Tilsyn', pendingFollowUps: 4, overdueFollowUps: 1, nextDueDate: '2026-02-20' });
  });

  it('counts as overdue by the date in the municipality, not in UTC', async () => {
    expect(titles((await pending(bearer(officer), 'mine=true&overdue=true')).json())).toEqual(['For sent']);
    // 23:30 UTC on 2 March is already 3 March in Norway: "Frist i dag" is now late.
    radhus.clock.set('2026-03-02T23:30:00Z');
    const late = (await pending(bearer(officer), 'mine=true&overdue=true')).json();
    expect(late).toMatchObject({ total: 2, today: '2026-03-03' });
    expect(titles(late)).toEqual(['For sent', 'Frist i dag']);
    radhus.clock.set('2026-03-02T09:00:00Z');
  });

  it('gives the start page its counts in one answer', async () => {
    const overview = await call(bearer(officer), 'GET', api(north, '/work-lists'));
    expect(overview).toMatchObject({ myCases: 1, myPendingFollowUps: 4, myOverdue: 1, today: '2026-03-02' });
    expect(overview.units).toEqual([{ id: unit, code: 'PLAN', name: 'Eining PLAN' }]);
  });

  it('follows an entry’s own officer and unit before its case’s', async () => {
    await assign('registry_entries', entries.none!.id, { officer: ingrid.id, unit });
    expect(titles((await pending(ingrid.headers, 'mine=true')).json())).toEqual(['Uten frist']);
    expect(titles((await pending(bearer(officer), 'mine=true')).json())).not.toContain('Uten frist');
    expect(titles((await pending(bearer(officer), `unitId=${unit}`)).json())).toEqual(['Uten frist']);
  });

  it('drops a letter once it is followed up, and shows nothing of another municipality', async () => {
    await call(bearer(officer), 'POST', api(north, `/registry-entries/${entries.late!.id}/follow-ups`), { method: 'noted' });
    const none = await pending(bearer(officer), 'mine=true&overdue=true');
    expect(none.json()).toMatchObject({ total: 0, items: [] });
    const theirs = await radhus.token(other, 'case-officer');
    const theirCase = await openCase(theirs, 'Deres sak', other);
    await letter(theirs, theirCase.id, 'Deres brev', { dueDate: '2026-01-01' }, other);
    const all = (await pending(bearer(officer), 'limit=200')).json();
    expect(titles(all)).not.toContain('Deres brev');
    expect(titles((await pending(bearer(theirs), '', other)).json())).toEqual(['Deres brev']);
  });
});
