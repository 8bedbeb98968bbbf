// SPDX-License-Identifier: EUPL-1.2
// Administrative units over the API: kept by tenant administrators, read by those who file cases,
// each municipality's own; bad input names every field and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';

let radhus: TestRadhus;
let north: Tenant;
let south: Tenant;
let admin: string;
let officer: string;

beforeAll(async () => {
  radhus = await createTestRadhus({ RADHUS_DEMO_IDP: 'false' });
  north = await radhus.tenant({ country: 'NO' });
  south = await radhus.tenant({ country: 'SE', officialNumber: '0685' });
  admin = await radhus.token(north, 'tenant-admin');
  officer = await radhus.token(north, 'case-officer');
});

afterAll(async () => {
  await radhus?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
interface UnitBody {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  hiddenFromPublic: boolean;
  closedAt: string | null;
}
const create = (tenant: Tenant, token: string, payload: object) => radhus.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/units`, headers: bearer(token), payload });
const update = (tenant: Tenant, token: string, id: string, payload: object) => radhus.app.inject({ method: 'PATCH', url: `/api/v1/${tenant.slug}/units/${id}`, headers: bearer(token), payload });
const list = async (tenant: Tenant, token: string, query = '') => ((await radhus.app.inject({ url: `/api/v1/${tenant.slug}/units${query}`, headers: bearer(token) })).json() as { items: UnitBody[] }).items;
const unitCount = async () => (await sql<{ n: number }>`select count(*)::int as n from administrative_units`.execute(radhus.ctx.db.kysely)).rows[0]!.n;

describe('administrative units', () => {
  it('are created, nested, hidden, renamed, closed and reopened by a tenant administrator', async () => {
    const top = await create(north, admin, { code: 'HO', name: 'Helse og omsorg' });
    expect(top.statusCode).toBe(201);
    const parent = top.json() as UnitBody;
    expect(parent).toMatchObject({ code: 'HO', name: 'Helse og omsorg', parentId: null, hiddenFromPublic: false, closedAt: null });
    const child = (await create(north, admin, { code: 'HO-BV', name: 'Barnevern', parentId: parent.id, hiddenFromPublic: true })).json() as UnitBody;
    expect(child).toMatchObject({ parentId: parent.id, hiddenFromPublic: true });

    const renamed = await update(north, admin, child.id, { name: 'Barneverntjenesten' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Barneverntjenesten', code: 'HO-BV' });

    // A parent with open sub-units cannot close; a loop in the tree is refused.
    expect((await update(north, admin, parent.id, { closed: true })).statusCode).toBe(409);
    const loop = await update(north, admin, parent.id, { parentId: child.id });
    expect(loop.statusCode).toBe(400);
    expect((loop.json() as { errors: { field: string; code: string }[] }).errors).toEqual([expect.objectContaining({ field: 'parentId', code: 'refersToItself' })]);

    const closed = (await update(north, admin, child.id, { closed: true })).json() as UnitBody;
    expect(closed.closedAt).toBe(radhus.clock.now().toISOString());
    expect((await list(north, officer)).map((u) => u.code)).not.toContain('HO-BV');
    expect((await list(north, officer, '?includeClosed=true')).map((u) => u.code)).toContain('HO-BV');
    expect(((await update(north, admin, child.id, { closed: false })).json() as UnitBody).closedAt).toBeNull();
  });

  it('are read by case officers, written only by tenant administrators', async () => {
    expect((await radhus.app.inject({ url: `/api/v1/${north.slug}/units`, headers: bearer(officer) })).statusCode).toBe(200);
    expect((await create(north, officer, { code: 'X', name: 'X' })).statusCode).toBe(403);
    const citizen = await radhus.token(north, 'citizen');
    expect((await radhus.app.inject({ url: `/api/v1/${north.slug}/units`, headers: bearer(citizen) })).statusCode).toBe(403);
    expect((await radhus.app.inject({ url: `/api/v1/${north.slug}/units` })).statusCode).toBe(401);
  });

  it("keep to their municipality: another's unit is neither listed, changed nor usable as a parent", async () => {
    const southAdmin = await radhus.token(south, 'tenant-admin');
    const theirs = (await create(south, southAdmin, { code: 'KS', name: 'Kommunstyrelsen' })).json() as UnitBody;
    expect((await list(north, admin, '?includeClosed=true')).map((u) => u.id)).not.toContain(theirs.id);
    expect((await update(north, admin, theirs.id, { name: 'Taken over' })).statusCode).toBe(404);
    const before = await unitCount();
    const adopted = await create(north, admin, { code: 'ADOPT', name: 'Adopted', parentId: theirs.id });
    expect(adopted.statusCode).toBe(400);
    expect((adopted.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['parentId']);
    // The same code may be used in another municipality.
    expect((await create(north, admin, { code: 'KS', name: 'Kommunestyret' })).statusCode).toBe(201);
    expect(await unitCount()).toBe(before + 1);
  });

  it('name every wrong field and write nothing', async () => {
    const before = await unitCount();
    const bad = await create(north, admin, { code: 'has space', name: '', colour: 'red' });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'colour']));
    const badCode = await create(north, admin, { code: 'has space', name: 'Ok', parentId: '01900000-0000-7000-8000-000000000000' });
    expect((badCode.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['code', 'parentId']);
    const taken = await create(north, admin, { code: 'HO', name: 'Again' });
    expect(taken.statusCode).toBe(400);
    expect((taken.json() as { errors: { field: string; code: string }[] }).errors).toEqual([expect.objectContaining({ field: 'code', code: 'taken' })]);
    expect(await unitCount()).toBe(before);
  });
});
