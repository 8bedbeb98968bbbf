// SPDX-License-Identifier: EUPL-1.2
// Responsible unit and officer by id on case files and registry entries: checked against this
// municipality's units and staff, names kept beside the ids, the creator responsible by default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withoutTenant } from '../platform/db/transaction.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createSession, SESSION_COOKIE } from '../identity/sessions.ts';
import { grantLocalRole, upsertUser } from '../identity/users.ts';

let radhus: TestRadhus;
let north: Tenant;
let south: Tenant;
let system: string;
let officerId: string;
let colleagueId: string;
let unitId: string;
let southUnitId: string;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function staffMember(subject: string, name: string, tenant: Tenant, role: 'case-officer' | 'citizen'): Promise<string> {
  return withoutTenant(radhus.ctx.db, async (tx) => {
    const id = await upsertUser(tx, { issuer: 'https://idp.test', subject, name, email: undefined, identityNumber: undefined }, radhus.clock.now());
    await grantLocalRole(tx, tenant.id, id, role, radhus.clock.now());
    return id;
  });
}

beforeAll(async () => {
  radhus = await createTestRadhus({ RADHUS_DEMO_IDP: 'false' });
  north = await radhus.tenant({ country: 'NO' });
  south = await radhus.tenant({ country: 'SE', officialNumber: '0685' });
  system = await radhus.token(north, 'system');
  officerId = await staffMember('kari', 'Kari Nordmann', north, 'case-officer');
  colleagueId = await staffMember('ola', 'Ola Nordmann', north, 'case-officer');
  await staffMember('sven', 'Sven Svensson', south, 'case-officer');
  const admin = await radhus.token(north, 'tenant-admin');
  unitId = ((await radhus.app.inject({ method: 'POST', url: `/api/v1/${north.slug}/units`, headers: bearer(admin), payload: { code: 'PLAN', name: 'Plan og bygg' } })).json() as { id: string }).id;
  const southAdmin = await radhus.token(south, 'tenant-admin');
  southUnitId = ((await radhus.app.inject({ method: 'POST', url: `/api/v1/${south.slug}/units`, headers: bearer(southAdmin), payload: { code: 'BYGG', name: 'Bygg' } })).json() as { id: string }).id;
});

afterAll(async () => {
  await radhus?.close();
});

interface CaseBody {
  id: string;
  responsibleUnit: string | null;
  responsibleUnitId: string | null;
  responsibleOfficer: string | null;
  responsibleOfficerId: string | null;
}

const rowCounts = async () => (await sql<{ c: number; e: number }>`select (select count(*) from case_files)::int as c, (select count(*) from registry_entries)::int as e`.execute(radhus.ctx.db.kysely)).rows[0]!;

describe('responsible unit and officer', () => {
  it('make the creator responsible unless another is chosen, with the names at the time', async () => {
    const { sessionId, csrfToken } = await withoutTenant(radhus.ctx.db, (tx) => createSession(tx, officerId, radhus.clock.now()));
    const headers = { cookie: `${SESSION_COOKIE}=${radhus.app.signCookie(sessionId)}`, 'x-csrf-token': csrfToken };
    const mine = await radhus.app.inject({ method: 'POST', url: `/api/v1/${north.slug}/case-files`, headers, payload: { title: 'Søknad om bruksendring', responsibleUnitId: unitId } });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ responsibleUnitId: unitId, responsibleUnit: 'Plan og bygg', responsibleOfficerId: officerId, responsibleOfficer: 'Kari Nordmann' });
    const theirs = await radhus.app.inject({ method: 'POST', url: `/api/v1/${north.slug}/case-files`, headers, payload: { title: 'Klage', responsibleOfficerId: colleagueId } });
    expect(theirs.json()).toMatchObject({ responsibleOfficerId: colleagueId, responsibleOfficer: 'Ola Nordmann', responsibleUnitId: null });

    // A system token opening a case has no person to default to.
    const bySystem = (await radhus.app.inject({ method: 'POST', url: `/api/v1/${north.slug}/case-files`, headers: bearer(system), payload: { title: 'Fra fagsystem' } })).json() as CaseBody;
    expect(bySystem).toMatchObject({ responsibleOfficerId: null, responsibleOfficer: null });

    // Entries inherit the case's unit and officer, or name their own.
    const caseId = (mine.json() as CaseBody).id;
    const entry = await radhus.app.inject({ method: 'POST', url: `/api/v1/${north.slug}/case-files/${caseId}/registry-entries`, headers: bearer(system), payload: { type: 'case-memo', title: 'Notat' } });
    expect(entry.json()).toMatchObject({ responsibleUnitId: unitId, responsibleUnit: 'Plan og bygg', responsibleOfficerId: officerId });
    const other = await radhus.app.inject({ method: 'POST', url: `/api/v1/${north.slug}/case-files/${caseId}/registry-entries`, headers: bearer(system), payload: { type: 'case-memo', title: 'Notat 2', responsibleOfficerId: colleagueId } });
    expect(other.json()).toMatchObject({ responsibleOfficerId: colleagueId, responsibleOfficer: 'Ola Nordmann' });

    // The name at the time stays when the unit is renamed later; a change of officer is logged.
    const admin = await radhus.token(north, 'tenant-admin');
    await radhus.app.inject({ method: 'PATCH', url: `/api/v1/${north.slug}/units/${unitId}`, headers: bearer(admin), payload: { name: 'Plan, bygg og geodata' } });
    const changed = await radhus.app.inject({ method: 'PATCH', url: `/api/v1/${north.slug}/case-files/${caseId}`, headers: bearer(system), payload: { responsibleOfficerId: colleagueId } });
    expect(changed.json()).toMatchObject({ responsibleUnit: 'Plan og bygg', responsibleOfficerId: colleagueId, responsibleOfficer: 'Ola Nordmann' });
    const log = await sql<{ field: string }>`select field from change_log where entity_id = ${caseId} and operation = 'update'`.execute(radhus.ctx.db.kysely);
    expect(log.rows.map((r) => r.field)).toEqual(expect.arrayContaining(['responsible_officer', 'responsible_officer_id']));
  });

  it("refuse an unknown or another municipality's unit or officer with field errors, writing nothing", async () => {
    const before = await rowCounts();
    const southOfficer = (await sql<{ id: string }>`select id from users where subject = 'sven'`.execute(radhus.ctx.db.kysely)).rows[0]!.id;
    const citizen = await staffMember('citizen-1', 'Innbygger', north, 'citizen');
    for (const payload of [
      { responsibleUnitId: southUnitId, responsibleOfficerId: southOfficer },
      { responsibleUnitId: '01900000-0000-7000-8000-000000000000', responsibleOfficerId: citizen },
    ]) {
      const bad = await radhus.app.inject({ method: 'POST', url: `/api/v1/${north.slug}/case-files`, headers: bearer(system), payload: { title: 'Nei', ...payload } });
      expect(bad.statusCode).toBe(400);
      expect((bad.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['responsibleOfficerId', 'responsibleUnitId']);
    }
    const caseId = (await sql<{ id: string }>`select id from case_files limit 1`.execute(radhus.ctx.db.kysely)).rows[0]!.id;
    const badEntry = await radhus.app.inject({ method: 'POST', url: `/api/v1/${north.slug}/case-files/${caseId}/registry-entries`, headers: bearer(system), payload: { type: 'case-memo', title: 'X', responsibleUnitId: southUnitId } });
    expect((badEntry.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['responsibleUnitId']);
    const badPatch = await radhus.app.inject({ method: 'PATCH', url: `/api/v1/${north.slug}/case-files/${caseId}`, headers: bearer(system), payload: { responsibleUnitId: southUnitId } });
    expect(badPatch.statusCode).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });
});
