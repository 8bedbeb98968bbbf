// SPDX-License-Identifier: EUPL-1.2
// The last tenant administrator keeps the role: revoking it is refused (409) through the API, by
// the administrator themself or by a token, and nothing changes; with a second one it works.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createSession, CSRF_HEADER, SESSION_COOKIE } from './sessions.ts';
import { grantLocalRole, upsertUser } from './users.ts';

let t: TestRadhus;
let tenant: Tenant;

async function admin(subject: string) {
  return withoutTenant(t.ctx.db, async (tx) => {
    const id = await upsertUser(tx, { issuer: 'https://idp.test', subject, name: `Admin ${subject}`, email: undefined, identityNumber: undefined }, t.clock.now());
    await grantLocalRole(tx, tenant.id, id, 'tenant-admin', t.clock.now());
    const { sessionId, csrfToken } = await createSession(tx, id, t.clock.now());
    return { id, headers: { cookie: `${SESSION_COOKIE}=${t.app.signCookie(sessionId)}`, [CSRF_HEADER]: csrfToken } };
  });
}

const revoke = (headers: Record<string, string>, userId: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/role-grants/revoke`, headers, payload: { userId, role: 'tenant-admin' } });
const admins = async () =>
  (await sql<{ user_id: string }>`select user_id from role_assignments where tenant_id = ${tenant.id} and role = 'tenant-admin' order by user_id`.execute(t.ctx.db.kysely)).rows.map((r) => r.user_id);

beforeAll(async () => {
  t = await createTestRadhus({ RADHUS_DEMO_IDP: 'false' });
  tenant = await t.tenant();
}, 120_000);
afterAll(() => t?.close());

describe(`the last tenant administrator (${testEngine()})`, () => {
  it('cannot revoke their own tenant-admin role; with a second administrator they can', async () => {
    const first = await admin('first');
    const alone = await revoke(first.headers, first.id);
    expect(alone.statusCode, alone.body).toBe(409);
    expect(alone.headers['content-type']).toMatch(/problem\+json/);
    expect(alone.json()).toMatchObject({ code: 'conflict', detail: expect.stringContaining('last tenant administrator'), errors: [{ field: 'role', code: 'lastTenantAdmin' }] });
    // Nor can a tenant-admin token take it from them.
    const token = { authorization: `Bearer ${await t.token(tenant, 'tenant-admin')}` };
    expect((await revoke(token, first.id)).statusCode).toBe(409);
    expect(await admins()).toEqual([first.id]);

    const second = await admin('second');
    const handedOver = await revoke(first.headers, first.id);
    expect(handedOver.statusCode, handedOver.body).toBe(200);
    expect(await admins()).toEqual([second.id]);
    expect((await revoke(second.headers, second.id)).statusCode).toBe(409);
    expect(await admins()).toEqual([second.id]);
  });
});
