// SPDX-License-Identifier: EUPL-1.2
// Rådhus against a provider it does not trust for roles (as with ID-porten or Entra ID): here the
// built-in provider configured through OIDC_ISSUER, so its `radhus_roles` claim must be ignored
// and a person logging in to a municipality becomes a citizen there.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { freePort, loginWithDemoProvider, TestBrowser } from './test-browser.ts';
import { findDemoUser } from './demo-users.ts';
import { safeReturnTo } from './oidc-login.ts';

const SESSION_SECRET = 'a test secret that is long enough to sign cookies';
let radhus: TestRadhus;
let origin: string;

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  radhus = await createTestRadhus({
    PUBLIC_URL: origin,
    PORT: String(port),
    SESSION_SECRET,
    RADHUS_DEMO_IDP: 'true',
    OIDC_ISSUER: `${origin}/demo-idp`,
    OIDC_CLIENT_ID: 'radhus',
    OIDC_CLIENT_SECRET: createHmac('sha256', SESSION_SECRET).update('demo-idp client secret').digest('base64url'),
    // The demo provider sends no groups; its subjects stand in for group values here.
    OIDC_ROLES_CLAIM: 'sub',
    OIDC_ROLE_MAP: 'aneby-archivist=aneby:archivist',
  });
  await radhus.tenant({ slug: 'balsfjord', officialNumber: '5532', name: 'Balsfjord kommune', country: 'NO' });
  await radhus.tenant({ slug: 'aneby', officialNumber: '0604', name: 'Aneby kommun', country: 'SE' });
  await radhus.app.listen({ port, host: '127.0.0.1' });
});

afterAll(async () => {
  await radhus?.close();
});

describe('login with a configured provider', () => {
  it('makes a newcomer a citizen of the municipality, ignoring role claims, and keeps the identity number', async () => {
    const browser = new TestBrowser(origin);
    const login = await loginWithDemoProvider(browser, 'balsfjord-tenant-admin', { tenant: 'balsfjord', returnTo: '/balsfjord' });
    expect(login.landedOn).toBe(`${origin}/balsfjord`);
    const me = (await (await browser.get('/api/v1/session')).json()) as { user: { id: string; name: string }; tenants: unknown[] };
    expect(me.user.name).toBe('Kristoffer Berg');
    expect(me.tenants).toEqual([{ slug: 'balsfjord', name: 'Balsfjord kommune', roles: ['citizen'] }]);
    expect((await browser.get('/api/v1/balsfjord/tokens')).status).toBe(403);

    const stored = await sql<{ issuer: string; identity_number: string }>`select issuer, identity_number from users where id = ${me.user.id}`.execute(radhus.ctx.db.kysely);
    expect(stored.rows[0]).toEqual({ issuer: `${origin}/demo-idp`, identity_number: findDemoUser('balsfjord-tenant-admin')!.identityNumber });
  });

  it('logging in again keeps one person and adds citizenship only where they log in', async () => {
    await loginWithDemoProvider(new TestBrowser(origin), 'aneby-citizen', { tenant: 'aneby' });
    // A fresh browser: the provider would otherwise remember the person and skip its login page.
    const browser = new TestBrowser(origin);
    await loginWithDemoProvider(browser, 'aneby-citizen', {});
    const me = (await (await browser.get('/api/v1/session')).json()) as { user: { id: string }; tenants: { slug: string }[] };
    expect(me.tenants.map((t) => t.slug)).toEqual(['aneby']);
    const rows = await sql<{ n: number }>`select count(*)::int as n from users where subject = 'aneby-citizen'`.execute(radhus.ctx.db.kysely);
    expect(rows.rows[0]!.n).toBe(1);
  });
});

describe('roles from a configured provider', () => {
  it('grants what the claim mapping says and what was granted before the first login', async () => {
    const admin = await radhus.token((await radhus.tenant({ slug: 'eksjo', officialNumber: '0686', name: 'Eksjö kommun', country: 'SE' })), 'tenant-admin');
    const granted = await radhus.app.inject({ method: 'POST', url: '/api/v1/eksjo/role-grants', headers: { authorization: `Bearer ${admin}` }, payload: { subject: 'aneby-archivist', role: 'case-officer' } });
    expect(granted.json()).toMatchObject({ status: 'pending' });
    const browser = new TestBrowser(origin);
    await loginWithDemoProvider(browser, 'aneby-archivist', { tenant: 'aneby' });
    const me = (await (await browser.get('/api/v1/session')).json()) as { tenants: { slug: string; roles: string[] }[] };
    expect(me.tenants.map((t) => [t.slug, t.roles])).toEqual([
      ['aneby', ['archivist']],
      ['eksjo', ['case-officer']],
    ]);
    expect((await browser.get('/api/v1/aneby/case-files')).status).toBe(200);
  });
});

describe('safeReturnTo', () => {
  it('keeps paths on this site and refuses everything that could leave it', () => {
    expect(safeReturnTo(undefined)).toBe('/');
    expect(safeReturnTo('/aneby/cases?q=bygg#top')).toBe('/aneby/cases?q=bygg#top');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'evil.example', 'javascript:alert(1)', '/a\nb', '/\t/evil.example'])
      expect(safeReturnTo(bad), bad).toBeUndefined();
  });
});
