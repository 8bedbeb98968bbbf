// SPDX-License-Identifier: EUPL-1.2
// Sessions without the OpenID round trip: a person with roles, a session cookie signed as the
// server signs it, and the clock moved past its end.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutTenant } from '../platform/db/transaction.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createSession, SESSION_COOKIE, SESSION_HOURS } from './sessions.ts';
import { syncProviderRoles, upsertUser } from './users.ts';

let radhus: TestRadhus;
let north: Tenant;
let south: Tenant;
let userId: string;

beforeAll(async () => {
  radhus = await createTestRadhus({ RADHUS_DEMO_IDP: 'false' });
  north = await radhus.tenant({ country: 'NO' });
  south = await radhus.tenant({ country: 'SE' });
  userId = await withoutTenant(radhus.ctx.db, async (tx) => {
    const id = await upsertUser(tx, { issuer: 'https://idp.test', subject: 'kari', name: 'Kari Nordmann', email: undefined, identityNumber: undefined }, radhus.clock.now());
    await syncProviderRoles(tx, id, new Map([[north.id, ['case-officer']]]), radhus.clock.now());
    return id;
  });
});

afterAll(async () => {
  await radhus?.close();
});

const login = () => withoutTenant(radhus.ctx.db, (tx) => createSession(tx, userId, radhus.clock.now(), 'an-id-token'));
const cookie = (sessionId: string) => ({ cookie: `${SESSION_COOKIE}=${radhus.app.signCookie(sessionId)}` });
const sessionCount = async () => (await sql<{ n: number }>`select count(*)::int as n from sessions`.execute(radhus.ctx.db.kysely)).rows[0]!.n;

describe('a cookie session', () => {
  it("carries the person's roles in the municipality of the request, and only there", async () => {
    const { sessionId, csrfToken } = await login();
    expect((await radhus.app.inject({ url: `/api/v1/${north.slug}/case-files`, headers: cookie(sessionId) })).statusCode).toBe(200);
    const elsewhere = await radhus.app.inject({ url: `/api/v1/${south.slug}/case-files`, headers: cookie(sessionId) });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json()).toMatchObject({ detail: expect.stringContaining('you have none here') });
    const post = (headers: Record<string, string>) =>
      radhus.app.inject({ method: 'POST', url: `/api/v1/${north.slug}/case-files`, headers: { ...cookie(sessionId), ...headers }, payload: { title: 'Søknad' } });
    expect((await post({})).statusCode).toBe(403);
    expect((await post({ 'x-csrf-token': 'a guess' })).statusCode).toBe(403);
    expect((await post({ 'x-csrf-token': csrfToken })).statusCode).toBe(201);
  });

  it('ends after its hours, and the next login clears it away with its ID token', async () => {
    const old = await login();
    radhus.clock.advance(SESSION_HOURS * 3600_000 + 1000);
    expect((await radhus.app.inject({ url: `/api/v1/${north.slug}/case-files`, headers: cookie(old.sessionId) })).statusCode).toBe(401);
    expect(await sessionCount()).toBeGreaterThanOrEqual(2);
    const fresh = await login();
    expect(await sessionCount()).toBe(1);
    expect((await radhus.app.inject({ url: `/api/v1/${north.slug}/case-files`, headers: cookie(fresh.sessionId) })).statusCode).toBe(200);
  });

  it('is not accepted with a cookie the server did not sign', async () => {
    const { sessionId } = await login();
    const forged = await radhus.app.inject({ url: `/api/v1/${north.slug}/case-files`, headers: { cookie: `${SESSION_COOKIE}=${sessionId}.forged` } });
    expect(forged.statusCode).toBe(401);
  });
});
