// SPDX-License-Identifier: EUPL-1.2
// Unit membership through the real API: a tenant administrator puts staff into the municipality's
// open units and takes them out again; a citizen, another municipality's person or unit, or a
// closed unit is refused field by field with nothing written; the database itself keeps a
// membership inside one municipality. And a unit's rename or hiding reaches the public projection.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withoutTenant, withTenant } from '../platform/db/transaction.ts';
import { grantLocalRole, upsertUser } from '../identity/users.ts';
import type { Role } from '../platform/http/auth.ts';
import type { Tenant } from '../tenants/tenant.ts';

type Json = Record<string, any>;
let t: TestRadhus;
let north: Tenant;
let south: Tenant;
let admin: string;
let southAdmin: string;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const api = (tenant: Tenant, path: string) => `/api/v1/${tenant.slug}${path}`;

async function person(tenant: Tenant, subject: string, roles: Role[]): Promise<string> {
  return withoutTenant(t.ctx.db, async (tx) => {
    const id = await upsertUser(tx, { issuer: 'https://idp.test', subject, name: `Person ${subject}`, email: undefined, identityNumber: undefined }, t.clock.now());
    for (const role of roles) await grantLocalRole(tx, tenant.id, id, role, t.clock.now());
    return id;
  });
}

async function unit(tenant: Tenant, token: string, code: string, name = `Eining ${code}`, extra: object = {}): Promise<Json> {
  const res = await t.app.inject({ method: 'POST', url: api(tenant, '/units'), headers: bearer(token), payload: { code, name, ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const add = (payload: object, tenant = north, token = admin) => t.app.inject({ method: 'POST', url: api(tenant, '/unit-members'), headers: bearer(token), payload });
const remove = (payload: object, tenant = north, token = admin) => t.app.inject({ method: 'POST', url: api(tenant, '/unit-members/remove'), headers: bearer(token), payload });
const members = async (query = '', tenant = north, token = admin) => ((await t.app.inject({ url: api(tenant, `/unit-members${query}`), headers: bearer(token) })).json() as { items: Json[] }).items;
const memberCount = async () => (await sql<{ n: number }>`select count(*)::int as n from unit_members`.execute(t.ctx.db.kysely)).rows[0]!.n;
const fields = (res: { json(): unknown }) => ((res.json() as { errors: { field: string; code: string }[] }).errors ?? []).map((e) => `${e.field}:${e.code}`).sort();

beforeAll(async () => {
  t = await createTestRadhus({ RADHUS_DEMO_IDP: 'false' });
  north = await t.tenant({ country: 'NO' });
  south = await t.tenant({ country: 'SE', officialNumber: '0686' });
  admin = await t.token(north, 'tenant-admin');
  southAdmin = await t.token(south, 'tenant-admin');
}, 120_000);
afterAll(() => t?.close());

describe(`unit members (${testEngine()})`, () => {
  it('are added, listed by unit and by person, and removed by a tenant administrator', async () => {
    const plan = await unit(north, admin, 'PLAN', 'Plan og bygg');
    const tech = await unit(north, admin, 'TEK', 'Teknisk drift');
    const kari = await person(north, 'kari', ['case-officer']);
    const ola = await person(north, 'ola', ['archivist']);

    const added = await add({ unitId: plan.id, userId: kari });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ status: 'added', member: { unitId: plan.id, userId: kari, name: 'Person kari' } });
    expect((await add({ unitId: plan.id, userId: kari })).json()).toMatchObject({ status: 'already' });
    expect((await add({ unitId: tech.id, userId: kari })).statusCode).toBe(200);
    expect((await add({ unitId: plan.id, userId: ola })).statusCode).toBe(200);

    expect((await members(`?unitId=${plan.id}`)).map((m) => m.name)).toEqual(['Person kari', 'Person ola']);
    expect((await members(`?userId=${kari}`)).map((m) => m.unitId).sort()).toEqual([plan.id, tech.id].sort());
    expect(await members()).toHaveLength(3);
    // Case officers read them (who is in my unit); only tenant administrators change them.
    const officer = await t.token(north, 'case-officer');
    expect(await members('', north, officer)).toHaveLength(3);
    expect((await add({ unitId: tech.id, userId: ola }, north, officer)).statusCode).toBe(403);

    expect((await remove({ unitId: tech.id, userId: kari })).json()).toEqual({ status: 'removed' });
    expect((await remove({ unitId: tech.id, userId: kari })).json()).toEqual({ status: 'not-a-member' });
    expect((await members(`?userId=${kari}`)).map((m) => m.unitId)).toEqual([plan.id]);
  });

  it('refuse a citizen, an unknown person, a closed unit and another municipality’s unit or person, naming each field and writing nothing', async () => {
    const open = await unit(north, admin, 'OPEN');
    const closed = await unit(north, admin, 'SHUT');
    expect((await t.app.inject({ method: 'PATCH', url: api(north, `/units/${closed.id}`), headers: bearer(admin), payload: { closed: true } })).statusCode).toBe(200);
    const theirs = await unit(south, southAdmin, 'KS', 'Kommunstyrelsen');
    const citizen = await person(north, 'medborgar', ['citizen']);
    const southOfficer = await person(south, 'svensson', ['case-officer']);
    const staff = await person(north, 'staff', ['case-officer']);
    const before = await memberCount();

    expect(fields(await add({ unitId: open.id, userId: citizen }))).toEqual(['userId:notStaff']);
    expect(fields(await add({ unitId: open.id, userId: southOfficer }))).toEqual(['userId:notStaff']);
    expect(fields(await add({ unitId: open.id, userId: '01900000-0000-7000-8000-000000000000' }))).toEqual(['userId:notStaff']);
    expect(fields(await add({ unitId: closed.id, userId: staff }))).toEqual(['unitId:notOpen']);
    expect(fields(await add({ unitId: theirs.id, userId: southOfficer }))).toEqual(['unitId:notFound', 'userId:notStaff']);
    const bad = await add({ unitId: 'not-a-uuid', userId: staff, extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(fields(await remove({ unitId: theirs.id, userId: staff }))).toEqual(['unitId:notFound']);
    expect(fields(await remove({ unitId: open.id, userId: southOfficer }))).toEqual(['userId:notStaff']);
    for (const res of [await add({ unitId: closed.id, userId: citizen })]) expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(await memberCount()).toBe(before);
    // Another municipality sees none of these memberships, and a filter by another's id is refused.
    expect(await members('', south, southAdmin)).toEqual([]);
    const filtered = await t.app.inject({ url: api(north, `/unit-members?unitId=${theirs.id}&userId=${southOfficer}`), headers: bearer(admin) });
    expect(fields(filtered)).toEqual(['unitId:notFound', 'userId:notStaff']);
  });

  it('are kept inside one municipality by the database itself (as radhus_app)', async () => {
    const mine = await unit(north, admin, 'DB');
    const theirs = await unit(south, southAdmin, 'DB');
    const kari = await person(north, 'kari-db', ['case-officer']);
    const actor = { kind: 'cli' as const, id: 'test', name: 'test' };
    const insert = (tenantId: string, unitId: string) => sql`insert into unit_members (tenant_id, unit_id, user_id, created_at, created_by) values (${tenantId}, ${unitId}, ${kari}, now(), 'test')`;
    // Another municipality's unit, under this municipality's id: no such (municipality, unit) pair.
    await expect(withTenant(t.ctx.db, { tenantId: north.id, actor }, (tx) => insert(north.id, theirs.id).execute(tx))).rejects.toThrow(/foreign key/);
    // A row for another municipality: refused by row-level security.
    await expect(withTenant(t.ctx.db, { tenantId: north.id, actor }, (tx) => insert(south.id, theirs.id).execute(tx))).rejects.toThrow(/row-level security/);
    await withTenant(t.ctx.db, { tenantId: north.id, actor }, (tx) => insert(north.id, mine.id).execute(tx));
    const seenBySouth = await withTenant(t.ctx.db, { tenantId: south.id, actor }, async (tx) => (await sql`select * from unit_members`.execute(tx)).rows);
    expect(seenBySouth).toEqual([]);
  });
});

describe(`a unit on public pages (${testEngine()})`, () => {
  it('follows the unit: hidden, shown again and renamed, after the dispatcher has run', async () => {
    const archivist = await t.token(north, 'archivist');
    const office = await unit(north, admin, 'FAM', 'Familiesenteret');
    const post = async (path: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url: api(north, path), headers: bearer(archivist), payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const kase = await post('/case-files', { title: 'Søknad om avlastning', responsibleUnitId: office.id });
    const entry = await post(`/case-files/${kase.id}/registry-entries`, { type: 'incoming', title: 'Søknad', responsibleUnitId: office.id, correspondents: [{ name: 'Per Søker', kind: 'person', role: 'sender' }] });
    const other = await post('/case-files', { title: 'Annen sak' });
    await t.settle();
    const rows = async () => {
      const cases = (await sql<Json>`select id, responsible_unit from public_case_files where id in (${kase.id}, ${other.id})`.execute(t.ctx.db.kysely)).rows;
      const entries = (await sql<Json>`select id, responsible_unit from public_registry_entries where id = ${entry.id}`.execute(t.ctx.db.kysely)).rows;
      return { cases, entries, text: JSON.stringify({ cases, entries }) };
    };
    const patch = async (payload: object) => expect((await t.app.inject({ method: 'PATCH', url: api(north, `/units/${office.id}`), headers: bearer(admin), payload })).statusCode).toBe(200);

    expect((await rows()).text).toContain('Familiesenteret');
    await patch({ hiddenFromPublic: true });
    await t.settle();
    const hidden = await rows();
    expect(hidden.text).not.toContain('Familiesenteret');
    expect(hidden.cases.find((c) => c.id === kase.id)).toMatchObject({ responsible_unit: null });
    expect(hidden.entries).toEqual([{ id: entry.id, responsible_unit: null }]);

    await patch({ hiddenFromPublic: false });
    await t.settle();
    expect((await rows()).entries).toEqual([{ id: entry.id, responsible_unit: 'Familiesenteret' }]);

    await patch({ name: 'Familie og helse' });
    await t.settle();
    const renamed = await rows();
    expect(renamed.cases.find((c) => c.id === kase.id)).toMatchObject({ responsible_unit: 'Familie og helse' });
    expect(renamed.entries).toEqual([{ id: entry.id, responsible_unit: 'Familie og helse' }]);
    expect(renamed.text).not.toContain('Familiesenteret');
    // A change the public cannot see (its code) writes no event.
    const events = async () => (await sql<{ n: number }>`select count(*)::int as n from outbox where event_type = 'unit.updated'`.execute(t.ctx.db.kysely)).rows[0]!.n;
    const before = await events();
    await patch({ code: 'FAM2' });
    expect(await events()).toBe(before);
  });
});
