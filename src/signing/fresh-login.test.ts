// SPDX-License-Identifier: EUPL-1.2
// Signing asks for a fresh login at the form's level (issue 9 §2), over real HTTP with the demo
// identity provider: /auth/login?level=high sends the person through the provider again
// (prompt=login, max_age=0, acr_values), the ID token's `acr` gives the level, and the signature
// records it with the time of that login. A login older than a few minutes is refused (401) and
// changes nothing; logging in again makes the signature go through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { freePort, loginWithDemoProvider, TestBrowser } from '../identity/test-browser.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import { grantLocalRole, upsertUser } from '../identity/users.ts';
import { createSession, CSRF_HEADER, SESSION_COOKIE } from '../identity/sessions.ts';
import { installationSnapshot } from '../conformance/fixtures.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { buildingApplication } from '../forms/demo-forms.ts';
import { FRESH_LOGIN_MS } from './service.ts';

type Json = Record<string, any>;
let radhus: TestRadhus;
let origin: string;
let tenant: Tenant;

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  radhus = await createTestRadhus({ PUBLIC_URL: origin, PORT: String(port) });
  tenant = await radhus.tenant({ slug: 'balsfjord', officialNumber: '5532', name: 'Balsfjord kommune', country: 'NO' });
  await radhus.app.listen({ port, host: '127.0.0.1' });
});
afterAll(() => radhus?.close());

const csrf = async (browser: TestBrowser) => ({ [CSRF_HEADER]: ((await (await browser.get('/api/v1/session')).json()) as Json).csrfToken as string });

describe('signing after a fresh login', () => {
  it('asks the provider for a new login at the level, and signs with it only while it is fresh', async () => {
    // Kari asks, logged in with e-ID a moment ago (an ID token of level high), and invites the demo citizen.
    const admin = { authorization: `Bearer ${await radhus.token(tenant, 'tenant-admin')}` };
    const form = ((await radhus.app.inject({ method: 'POST', url: '/api/v1/balsfjord/forms', headers: admin, payload: { definition: buildingApplication } })).json()) as Json;
    await radhus.app.inject({ method: 'POST', url: `/api/v1/balsfjord/forms/${form.id}/publish`, headers: admin, payload: { published: true } });
    const kari = await withoutTenant(radhus.ctx.db, async (tx) => {
      const id = await upsertUser(tx, { issuer: 'https://idp.test', subject: 'kari', name: 'Kari', email: undefined, identityNumber: '15076500565' }, radhus.clock.now());
      await grantLocalRole(tx, tenant.id, id, 'citizen', radhus.clock.now());
      const token = `e30.${Buffer.from(JSON.stringify({ acr: 'idporten-loa-high' })).toString('base64url')}.sig`;
      const { sessionId, csrfToken } = await createSession(tx, id, radhus.clock.now(), token);
      return { cookie: `${SESSION_COOKIE}=${radhus.app.signCookie(sessionId)}`, [CSRF_HEADER]: csrfToken };
    });
    const answers = { gnr: 12, bnr: 34, measure: 'extension', description: 'Tilbygg', coApplicants: [{ name: 'Medsøker', email: 'med@example.no' }] };
    await radhus.app.inject({ method: 'PUT', url: `/api/v1/balsfjord/forms/${form.id}/draft`, headers: kari, payload: { answers } });
    const started = (await radhus.app.inject({ method: 'POST', url: `/api/v1/balsfjord/forms/${form.id}/draft/signing`, headers: kari })).json() as Json;
    expect(started.signingId).toEqual(expect.any(String));
    const invite = await sql<{ payload: Json }>`select payload from jobs where type = 'mail.send' and payload->'mail'->>'to' = 'med@example.no'`.execute(radhus.ctx.db.kysely);
    const token = /token=([A-Za-z0-9_-]+)/.exec(invite.rows[0]!.payload.mail.text)![1]!;
    const sign = async (browser: TestBrowser) => browser.postJson(`/api/v1/balsfjord/signings/${started.signingId}/sign`, { token, contentSha256: started.contentSha256 }, await csrf(browser));

    // The login for signing: the provider is asked to authenticate again, at level high.
    const browser = new TestBrowser(origin);
    const toProvider = await browser.get('/auth/login?tenant=balsfjord&level=high&returnTo=/app/balsfjord/signing/x');
    const authorize = new URL(toProvider.headers.get('location')!);
    expect(Object.fromEntries(['prompt', 'max_age', 'acr_values'].map((k) => [k, authorize.searchParams.get(k)]))).toEqual({ prompt: 'login', max_age: '0', acr_values: 'idporten-loa-high' });
    const loggedInAt = radhus.clock.now();
    await loginWithDemoProvider(browser, 'balsfjord-citizen', { tenant: 'balsfjord', level: 'high', returnTo: '/app/' });

    // Minutes later that login is too old to sign with: 401, nothing written.
    radhus.clock.advance(FRESH_LOGIN_MS + 60_000);
    const before = await installationSnapshot(radhus);
    const stale = await sign(browser);
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as Json).detail).toMatch(/log in again/);
    expect(await installationSnapshot(radhus)).toEqual(before);

    // A fresh login at the provider, and the signature holds its level and time.
    const freshAt = radhus.clock.now();
    await loginWithDemoProvider(browser, 'balsfjord-citizen', { tenant: 'balsfjord', level: 'high', returnTo: '/app/' });
    radhus.clock.advance(30_000);
    const signed = await sign(browser);
    expect(signed.status, await signed.clone().text()).toBe(200);
    const body = (await signed.json()) as Json;
    expect(body.complete).toBe(true);
    expect(body.signatures[1]).toMatchObject({ level: 'high', authenticatedAt: freshAt.toISOString() });
    expect(freshAt.getTime()).toBeGreaterThan(loggedInAt.getTime());
    const rows = await sql<{ level: string; authenticated_at: Date }>`select level, authenticated_at from signatures order by signed_at`.execute(radhus.ctx.db.kysely);
    expect(rows.rows.map((r) => [r.level, r.authenticated_at.toISOString()])).toEqual([['high', loggedInAt.toISOString()], ['high', freshAt.toISOString()]]);
  });
});
