// SPDX-License-Identifier: EUPL-1.2
// Staff and roles: a tenant administrator lists people, grants and revokes roles (also before a
// person's first login); a login applies the provider's roles and keeps those granted here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withoutTenant } from '../platform/db/transaction.ts';
import { parseRoleMap } from '../platform/role-map.ts';
import { loadConfig, ConfigError } from '../platform/config.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { upsertUser, type LoginIdentity } from './users.ts';
import { applyLoginRoles } from './login-roles.ts';

let radhus: TestRadhus;
let north: Tenant;
let south: Tenant;
let admin: string;

beforeAll(async () => {
  radhus = await createTestRadhus({ RADHUS_DEMO_IDP: 'false' });
  north = await radhus.tenant({ country: 'NO', slug: 'nordby' });
  south = await radhus.tenant({ country: 'SE', officialNumber: '0685', slug: 'sydby' });
  admin = await radhus.token(north, 'tenant-admin');
});

afterAll(async () => {
  await radhus?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
interface UsersBody {
  items: { id: string; name: string; roles: { role: string; source: string }[] }[];
  pending: { email: string | null; subject: string | null; role: string }[];
}
const users = async (tenant: Tenant = north, token = admin) => (await radhus.app.inject({ url: `/api/v1/${tenant.slug}/users`, headers: bearer(token) })).json() as UsersBody;
const grant = (payload: object, tenant: Tenant = north, token = admin) => radhus.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/role-grants`, headers: bearer(token), payload });
const revoke = (payload: object, tenant: Tenant = north, token = admin) => radhus.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/role-grants/revoke`, headers: bearer(token), payload });

const roleMap = parseRoleMap('a1b2c3d4-0000-4000-8000-000000000001=nordby:case-officer, radhus-archivists=nordby:archivist,radhus-archivists=sydby:archivist').map;
const oidc = { issuer: 'https://idp.test', clientId: 'radhus', clientSecret: undefined, rolesClaim: 'groups', roleMap, trustEmail: false, scopes: 'openid profile' };

/** A login as the callback does it, with the given claims. */
async function login(subject: string, claims: Record<string, unknown>, extra: Partial<LoginIdentity> = {}): Promise<string> {
  const identity: LoginIdentity = { issuer: 'https://idp.test', subject, name: `Person ${subject}`, email: undefined, identityNumber: undefined, ...extra };
  return withoutTenant(radhus.ctx.db, async (tx) => {
    const userId = await upsertUser(tx, identity, radhus.clock.now());
    await applyLoginRoles(tx, { userId, identity, claims: { sub: subject, ...claims }, demo: false, oidc, tenantSlug: 'nordby', at: radhus.clock.now() });
    return userId;
  });
}
const rolesOf = (body: UsersBody, id: string) => body.items.find((u) => u.id === id)?.roles ?? [];

describe('roles from the identity provider', () => {
  it('maps group values to roles per municipality at login, and takes them away when the group is gone', async () => {
    const id = await login('entra-1', { groups: ['a1b2c3d4-0000-4000-8000-000000000001', 'radhus-archivists', 'unrelated'] });
    expect(rolesOf(await users(), id)).toEqual([
      { role: 'archivist', source: 'idp' },
      { role: 'case-officer', source: 'idp' },
    ]);
    expect(rolesOf(await users(south, await radhus.token(south, 'tenant-admin')), id)).toEqual([{ role: 'archivist', source: 'idp' }]);

    // A role granted here outlives the provider's word; the provider's own go when it stops saying so.
    expect((await grant({ userId: id, role: 'tenant-admin' })).json()).toMatchObject({ status: 'granted', user: { id } });
    await login('entra-1', { groups: ['radhus-archivists'] });
    expect(rolesOf(await users(), id)).toEqual([
      { role: 'archivist', source: 'idp' },
      { role: 'tenant-admin', source: 'local' },
    ]);
    await login('entra-1', { groups: [] });
    expect(rolesOf(await users(), id)).toEqual([{ role: 'tenant-admin', source: 'local' }]);
  });

  it('reads nested claims by dotted path (Keycloak realm_access.roles) and single strings', async () => {
    const { claimValues, mapRoles } = await import('../platform/role-map.ts');
    expect(claimValues({ realm_access: { roles: ['a', 'b'] } }, 'realm_access.roles')).toEqual(['a', 'b']);
    expect(claimValues({ 'https://id.example/claim/group': 'x' }, 'https://id.example/claim/group')).toEqual(['x']);
    expect(claimValues({ roles: 42 }, 'roles')).toEqual([]);
    expect(mapRoles({ realm_access: { roles: ['radhus-archivists'] } }, 'realm_access.roles', roleMap)).toEqual(
      new Map([
        ['nordby', ['archivist']],
        ['sydby', ['archivist']],
      ]),
    );
  });

  it('refuses a broken mapping at start with a ConfigError naming the entries', () => {
    const env = { OIDC_ISSUER: 'https://idp.test', OIDC_CLIENT_ID: 'radhus' };
    expect(loadConfig({ ...env, OIDC_ROLE_MAP: 'g1=nordby:case-officer' }).oidc?.roleMap.get('g1')).toEqual([{ tenant: 'nordby', role: 'case-officer' }]);
    expect(loadConfig({ ...env, OIDC_ROLE_MAP: '{"CN=Staff,OU=Radhus": ["nordby:archivist"]}' }).oidc?.roleMap.get('CN=Staff,OU=Radhus')).toEqual([{ tenant: 'nordby', role: 'archivist' }]);
    expect(loadConfig({ ...env, OIDC_ROLES_CLAIM: 'realm_access.roles' }).oidc?.rolesClaim).toBe('realm_access.roles');
    expect(loadConfig(env).oidc?.rolesClaim).toBe('roles');
    expect(() => loadConfig({ ...env, OIDC_ROLE_MAP: 'g1=nordby:king,g2:nordby' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, OIDC_ROLE_MAP: 'g1=nordby:king,g2:nordby' })).toThrow(/entry 1: "king" is not a role.*entry 2 "g2:nordby" must be/);
    expect(() => loadConfig({ ...env, OIDC_ROLE_MAP: 'g1=nordby:system' })).toThrow(/system/);
    expect(() => loadConfig({ ...env, OIDC_ROLE_MAP: '{not json' })).toThrow(/not valid JSON/);
    expect(() => loadConfig({ ...env, OIDC_ROLE_MAP_FILE: '/nonexistent/roles.json' })).toThrow(/cannot be read/);
  });
});

describe('roles granted in Rådhus', () => {
  it('wait for a person who has not logged in, by subject or verified e-mail, and are claimed at the first login', async () => {
    expect((await grant({ subject: 'newcomer-1', role: 'case-officer' })).json()).toMatchObject({ status: 'pending', user: null, pending: { subject: 'newcomer-1', role: 'case-officer' } });
    expect((await grant({ email: 'Ny.Saksbehandler@Nordby.Kommune.no', role: 'archivist' })).json()).toMatchObject({ status: 'pending', pending: { email: 'ny.saksbehandler@nordby.kommune.no' } });
    expect((await users()).pending.map((p) => p.role).sort()).toEqual(['archivist', 'case-officer']);

    const bySubject = await login('newcomer-1', {});
    expect(rolesOf(await users(), bySubject)).toEqual([{ role: 'case-officer', source: 'local' }]);
    // An address the provider does not vouch for claims nothing.
    const unverified = await login('newcomer-2', {}, { email: 'ny.saksbehandler@nordby.kommune.no', emailVerified: false });
    expect(rolesOf(await users(), unverified)).toEqual([{ role: 'citizen', source: 'local' }]);
    const verified = await login('newcomer-3', {}, { email: 'ny.saksbehandler@nordby.kommune.no', emailVerified: true });
    expect(rolesOf(await users(), verified)).toEqual([{ role: 'archivist', source: 'local' }]);
    expect((await users()).pending).toEqual([]);
  });

  it('are revoked, and a pending one withdrawn', async () => {
    const id = await login('leaving-1', {});
    await grant({ userId: id, role: 'case-officer' });
    expect((await revoke({ userId: id, role: 'case-officer' })).json()).toEqual({ status: 'revoked' });
    expect(rolesOf(await users(), id).map((r) => r.role)).toEqual(['citizen']);
    expect((await revoke({ userId: id, role: 'case-officer' })).statusCode).toBe(404);
    await grant({ email: 'later@nordby.kommune.no', role: 'politician' });
    expect((await revoke({ email: 'later@nordby.kommune.no', role: 'politician' })).json()).toEqual({ status: 'withdrawn' });
    expect((await users()).pending).toEqual([]);
  });

  it("are for tenant administrators only, within their municipality, and bad input changes nothing", async () => {
    const officer = await radhus.token(north, 'case-officer');
    expect((await radhus.app.inject({ url: `/api/v1/${north.slug}/users`, headers: bearer(officer) })).statusCode).toBe(403);
    expect((await grant({ subject: 'x', role: 'tenant-admin' }, north, officer)).statusCode).toBe(403);
    // Someone known only in the other municipality cannot be named by id here.
    const southOnly = await withoutTenant(radhus.ctx.db, (tx) => upsertUser(tx, { issuer: 'https://idp.test', subject: 'south-only', name: 'Sven', email: undefined, identityNumber: undefined }, radhus.clock.now()));
    expect((await grant({ userId: southOnly, role: 'case-officer' })).statusCode).toBe(404);

    const count = async () => (await sql<{ n: number }>`select (select count(*) from role_assignments) + (select count(*) from pending_role_grants) as n`.execute(radhus.ctx.db.kysely)).rows[0]!.n;
    const before = await count();
    const bad = await grant({ email: 'not-an-address', subject: 'both', role: 'system' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(expect.arrayContaining(['role']));
    const both = await grant({ email: 'not-an-address', subject: 'both', role: 'archivist' });
    expect((both.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['email', 'userId']);
    expect(await count()).toBe(before);
  });

  it("keeps pending grants to their municipality in the database, and shows a login only its own", async () => {
    const southAdmin = await radhus.token(south, 'tenant-admin');
    await grant({ subject: 'db-north', role: 'archivist' });
    await grant({ subject: 'db-south', role: 'archivist' }, south, southAdmin);
    const seen = (tenantId: string | undefined, subject = '') =>
      radhus.ctx.db.kysely.transaction().execute(async (tx) => {
        await sql`select set_config('role', 'radhus_app', true), set_config('radhus.tenant_id', ${tenantId ?? ''}, true), set_config('radhus.login_subject', ${subject}, true)`.execute(tx);
        return (await sql<{ subject: string }>`select subject from pending_role_grants where claimed_at is null and subject like 'db-%' order by subject`.execute(tx)).rows.map((r) => r.subject);
      });
    expect(await seen(north.id)).toEqual(['db-north']);
    expect(await seen(south.id)).toEqual(['db-south']);
    expect(await seen(undefined)).toEqual([]);
    expect(await seen(undefined, 'db-south')).toEqual(['db-south']);
    // Writing another municipality's grant is refused by row-level security itself.
    const smuggle = radhus.ctx.db.kysely.transaction().execute(async (tx) => {
      await sql`select set_config('role', 'radhus_app', true), set_config('radhus.tenant_id', ${north.id}, true)`.execute(tx);
      await sql`insert into pending_role_grants (id, tenant_id, subject, role, created_at, created_by) values (gen_random_uuid(), ${south.id}, 'x', 'tenant-admin', now(), 'test')`.execute(tx);
    });
    await expect(smuggle).rejects.toThrow(/row-level security/);
  });

  it('lists case officers and archivists for those who assign cases', async () => {
    const officer = await radhus.token(north, 'case-officer');
    const listed = (await radhus.app.inject({ url: `/api/v1/${north.slug}/officers`, headers: bearer(officer) })).json() as { items: { name: string }[] };
    expect(listed.items.map((u) => u.name)).toEqual(expect.arrayContaining(['Person newcomer-1', 'Person newcomer-3']));
    expect(listed.items.map((u) => u.name)).not.toContain('Person leaving-1');
  });
});
