// SPDX-License-Identifier: EUPL-1.2
// "My unit's cases": the work lists and the start page use the units the caller is a member of
// (all of them, or one picked with unitId); someone in no unit, or a token, has none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createSession, SESSION_COOKIE } from '../identity/sessions.ts';
import { grantLocalRole, upsertUser } from '../identity/users.ts';

type Json = Record<string, any>;
let t: TestRadhus;
let tenant: Tenant;
let admin: { authorization: string };
let archivist: { authorization: string };

const api = (path: string) => `/api/v1/${tenant.slug}${path}`;

async function call(headers: Record<string, string>, method: 'GET' | 'POST', path: string, payload?: object): Promise<Json> {
  const res = await t.app.inject({ method, url: api(path), headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${path} → ${res.statusCode}: ${res.body}`);
  return res.json();
}

async function officer(subject: string) {
  return withoutTenant(t.ctx.db, async (tx) => {
    const id = await upsertUser(tx, { issuer: 'https://idp.test', subject, name: subject, email: undefined, identityNumber: undefined }, t.clock.now());
    await grantLocalRole(tx, tenant.id, id, 'case-officer', t.clock.now());
    const { sessionId } = await createSession(tx, id, t.clock.now());
    return { id, headers: { cookie: `${SESSION_COOKIE}=${t.app.signCookie(sessionId)}` } };
  });
}

beforeAll(async () => {
  t = await createTestRadhus({ RADHUS_DEMO_IDP: 'false' });
  tenant = await t.tenant();
  admin = { authorization: `Bearer ${await t.token(tenant, 'tenant-admin')}` };
  archivist = { authorization: `Bearer ${await t.token(tenant, 'archivist')}` };
}, 120_000);
afterAll(() => t?.close());

describe(`my unit's cases (${testEngine()})`, () => {
  it('are the cases of the units I am in, all of them or one, counted on the start page', async () => {
    const unit = (code: string) => call(admin, 'POST', '/units', { code, name: `Eining ${code}` });
    const plan = await unit('PLAN');
    const tech = await unit('TEK');
    const other = await unit('KULT');
    const ingrid = await officer('ingrid');
    const nobody = await officer('nobody');
    for (const u of [plan, tech]) await call(admin, 'POST', '/unit-members', { unitId: u.id, userId: ingrid.id });
    const planCase = await call(archivist, 'POST', '/case-files', { title: 'Byggesak', responsibleUnitId: plan.id });
    const techCase = await call(archivist, 'POST', '/case-files', { title: 'Vegsak', responsibleUnitId: tech.id });
    await call(archivist, 'POST', '/case-files', { title: 'Kultursak', responsibleUnitId: other.id });
    await call(archivist, 'POST', '/case-files', { title: 'Uten eining' });
    await call(archivist, 'POST', `/case-files/${techCase.id}/registry-entries`, {
      type: 'incoming',
      title: 'Brev om vegen',
      correspondents: [{ name: 'Per Veg', kind: 'person', role: 'sender' }],
    });

    const all = await call(ingrid.headers, 'GET', '/work-lists/cases?myUnits=true');
    expect(all.items.map((i: Json) => i.id).sort()).toEqual([planCase.id, techCase.id].sort());
    expect(all.total).toBe(2);
    const one = await call(ingrid.headers, 'GET', `/work-lists/cases?myUnits=true&unitId=${plan.id}`);
    expect(one.items.map((i: Json) => i.id)).toEqual([planCase.id]);
    // unitId alone stays an explicit filter, for any unit.
    expect((await call(ingrid.headers, 'GET', `/work-lists/cases?unitId=${other.id}`)).total).toBe(1);
    expect((await call(ingrid.headers, 'GET', '/work-lists/follow-ups?myUnits=true')).items.map((i: Json) => i.title)).toEqual(['Brev om vegen']);

    const overview = await call(ingrid.headers, 'GET', '/work-lists');
    expect(overview).toMatchObject({ myUnitCases: 2, myUnits: [{ id: plan.id, code: 'PLAN' }, { id: tech.id, code: 'TEK' }] });
    expect(overview.units.map((u: Json) => u.code)).toEqual(['KULT', 'PLAN', 'TEK']);

    // Leaving a unit takes its cases out of my list; someone in no unit has none.
    await call(admin, 'POST', '/unit-members/remove', { unitId: tech.id, userId: ingrid.id });
    expect((await call(ingrid.headers, 'GET', '/work-lists/cases?myUnits=true')).items.map((i: Json) => i.id)).toEqual([planCase.id]);
    expect(await call(nobody.headers, 'GET', '/work-lists/cases?myUnits=true')).toMatchObject({ items: [], total: 0 });
    expect(await call(nobody.headers, 'GET', '/work-lists')).toMatchObject({ myUnitCases: 0, myUnits: [] });
    const token = { authorization: `Bearer ${await t.token(tenant, 'case-officer')}` };
    expect((await call(token, 'GET', '/work-lists/cases?myUnits=true')).total).toBe(0);
  });
});
