// SPDX-License-Identifier: EUPL-1.2
// The whole login over real HTTP: Rådhus → the built-in demo provider → back, then the session
// used against tenant APIs, CSRF, logout, and the borders between municipalities.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { freePort, loginWithDemoProvider, TestBrowser } from './test-browser.ts';
import { demoUsers } from './demo-users.ts';
import { parseIdentityNumber } from '../common/idnumbers.ts';

let radhus: TestRadhus;
let origin: string;

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  radhus = await createTestRadhus({ PUBLIC_URL: origin, PORT: String(port) });
  await radhus.tenant({ slug: 'balsfjord', officialNumber: '5532', name: 'Balsfjord kommune', country: 'NO' });
  await radhus.tenant({ slug: 'aneby', officialNumber: '0604', name: 'Aneby kommun', country: 'SE' });
  await radhus.tenant({ slug: 'eksjo', officialNumber: '0686', name: 'Eksjö kommun', country: 'SE' });
  await radhus.tenant({ slug: 'nassjo', officialNumber: '0682', name: 'Nässjö kommun', country: 'SE' });
  await radhus.app.listen({ port, host: '127.0.0.1' });
});

afterAll(async () => {
  await radhus?.close();
});

interface SessionBody {
  user: { id: string; name: string } | null;
  csrfToken: string | null;
  tenants: { slug: string; name: string; roles: string[] }[];
}

const session = async (browser: TestBrowser): Promise<SessionBody> => (await browser.get('/api/v1/session')).json() as Promise<SessionBody>;

describe('the demo identity provider', () => {
  it('publishes discovery under its issuer', async () => {
    const response = await fetch(`${origin}/demo-idp/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, string>;
    expect(metadata.issuer).toBe(`${origin}/demo-idp`);
    expect(metadata.authorization_endpoint).toBe(`${origin}/demo-idp/auth`);
    expect(metadata.token_endpoint).toBe(`${origin}/demo-idp/token`);
  });

  it('has synthetic people for every role in every demo municipality, and one working for two', () => {
    for (const slug of ['balsfjord', 'aneby', 'eksjo', 'nassjo', 'savsjo', 'vetlanda'])
      for (const role of ['case-officer', 'archivist', 'politician', 'tenant-admin', 'citizen'] as const)
        expect(demoUsers.some((u) => u.roles[slug]?.includes(role)), `${slug} ${role}`).toBe(true);
    expect(demoUsers.some((u) => Object.keys(u.roles).length >= 2)).toBe(true);
    for (const user of demoUsers) {
      const parsed = parseIdentityNumber(user.identityNumber, user.country);
      expect(parsed).toMatchObject({ ok: true, synthetic: true, birthDate: user.birthDate });
    }
    expect(new Set(demoUsers.map((u) => u.identityNumber)).size).toBe(demoUsers.length);
  });
});

describe('logging in', () => {
  it('walks the code flow, lands on returnTo and gives a session that works on the tenant API', async () => {
    const browser = new TestBrowser(origin);
    const login = await loginWithDemoProvider(browser, 'balsfjord-case-officer', { tenant: 'balsfjord', returnTo: '/balsfjord/cases?page=2' });
    expect(login.loginPage).toContain('<html lang="nb">');
    expect(login.loginPage).toContain('<label for="user-balsfjord-case-officer">');
    expect(login.callback.status).toBe(303);
    expect(login.landedOn).toBe(`${origin}/balsfjord/cases?page=2`);
    const setCookie = login.callback.headers.getSetCookie().find((c) => c.startsWith('radhus_session='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);

    const me = await session(browser);
    expect(me.user?.name).toBe('Ingrid Johansen');
    expect(me.csrfToken).toEqual(expect.any(String));
    expect(me.tenants).toEqual([{ slug: 'balsfjord', name: 'Balsfjord kommune', roles: ['case-officer'] }]);

    expect((await browser.get('/api/v1/balsfjord/case-files')).status).toBe(200);
    const withoutCsrf = await browser.postJson('/api/v1/balsfjord/case-files', { title: 'Søknad om ny veilys' });
    expect(withoutCsrf.status).toBe(403);
    expect(((await withoutCsrf.json()) as { detail: string }).detail).toContain('x-csrf-token');
    const withCsrf = await browser.postJson('/api/v1/balsfjord/case-files', { title: 'Søknad om ny veilys' }, { 'x-csrf-token': me.csrfToken! });
    expect(withCsrf.status).toBe(201);
  });

  it('gives a person of one municipality no roles in another', async () => {
    const browser = new TestBrowser(origin);
    await loginWithDemoProvider(browser, 'balsfjord-case-officer', { tenant: 'balsfjord' });
    const me = await session(browser);
    expect(me.tenants.map((t) => t.slug)).toEqual(['balsfjord']);
    const other = await browser.get('/api/v1/aneby/case-files');
    expect(other.status).toBe(403);
    expect(((await other.json()) as { detail: string }).detail).toContain('you have none here');
    const write = await browser.postJson('/api/v1/aneby/case-files', { title: 'Intrång' }, { 'x-csrf-token': me.csrfToken! });
    expect(write.status).toBe(403);
  });

  it('gives a person working for two municipalities their roles in both', async () => {
    const browser = new TestBrowser(origin);
    await loginWithDemoProvider(browser, 'hoglandet-case-officer', { tenant: 'eksjo' });
    const me = await session(browser);
    expect(me.user?.name).toBe('Kerstin Lundgren');
    expect(me.tenants).toEqual([
      { slug: 'eksjo', name: 'Eksjö kommun', roles: ['case-officer'] },
      { slug: 'nassjo', name: 'Nässjö kommun', roles: ['case-officer'] },
    ]);
    expect((await browser.get('/api/v1/eksjo/case-files')).status).toBe(200);
    expect((await browser.get('/api/v1/nassjo/case-files')).status).toBe(200);
    expect((await browser.get('/api/v1/aneby/case-files')).status).toBe(403);
  });

  it("shows the login page in the municipality's language, or the one asked for", async () => {
    const swedish = await loginWithDemoProvider(new TestBrowser(origin), 'aneby-citizen', { tenant: 'aneby' });
    expect(swedish.loginPage).toContain('<html lang="sv">');
    expect(swedish.loginPage).toContain('Logga in');
    const english = await loginWithDemoProvider(new TestBrowser(origin), 'aneby-citizen', { tenant: 'aneby', lang: 'en' });
    expect(english.loginPage).toContain('<html lang="en">');
    const nynorsk = await loginWithDemoProvider(new TestBrowser(origin), 'balsfjord-citizen', { lang: 'nn' });
    expect(nynorsk.loginPage).toContain('Vel kven du vil logge inn som');
  });

  it('returns without a session when the person cancels at the provider', async () => {
    const browser = new TestBrowser(origin);
    const start = await browser.get('/auth/login?returnTo=/aneby');
    const page = await browser.follow(start, '/auth/login');
    const action = /<form method="post" action="([^"]+)"/.exec(await page.response.text())![1]!;
    const cancelled = await browser.postForm(action.replace(/\/login$/, '/abort'), {});
    expect(cancelled.status).toBe(303);
    // The provider's access_denied comes back as a page with a way to try again (login-errors.test.ts).
    const back = await browser.follow(cancelled, action);
    expect(new URL(back.url).pathname).toBe('/auth/callback');
    expect(back.response.status).toBe(401);
    expect(await back.response.text()).toContain('href="/auth/login?returnTo=%2Faneby');
    expect((await session(browser)).user).toBeNull();
  });

  it('refuses to redirect anywhere but this site', async () => {
    const browser = new TestBrowser(origin);
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '/%0d%0aSet-Cookie:x=1'.replace('%0d%0a', '\r\n')]) {
      const response = await browser.get(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
      expect(response.status, returnTo).toBe(400);
      const problem = (await response.json()) as { errors: { field: string }[] };
      expect(problem.errors[0]!.field).toBe('returnTo');
    }
    expect(browser.cookies.has('radhus_login')).toBe(false);
  });

  it('rejects a callback whose state does not match, and one without a pending login', async () => {
    const browser = new TestBrowser(origin);
    expect((await browser.get('/auth/callback?code=x&state=y')).status).toBe(400);
    await browser.get('/auth/login?returnTo=/');
    expect(browser.cookies.has('radhus_login')).toBe(true);
    const forged = await browser.get('/auth/callback?code=x&state=forged');
    expect(forged.status).toBe(401);
    expect((await session(browser)).user).toBeNull();
  });
});

describe('logging in again', () => {
  it('as someone else ends the first session', async () => {
    const browser = new TestBrowser(origin);
    await loginWithDemoProvider(browser, 'balsfjord-politician', { tenant: 'balsfjord' });
    const first = browser.cookieHeader(new URL('/api/v1/session', origin));
    await loginWithDemoProvider(browser, 'balsfjord-citizen', { tenant: 'balsfjord' });
    expect((await session(browser)).user?.name).toBe('Sigrid Pedersen');
    const old = (await (await fetch(`${origin}/api/v1/session`, { headers: { cookie: first } })).json()) as SessionBody;
    expect(old.user).toBeNull();
  });
});

describe('logging out', () => {
  it('needs the CSRF token, ends the session, and the old cookie no longer works', async () => {
    const browser = new TestBrowser(origin);
    await loginWithDemoProvider(browser, 'balsfjord-archivist', { tenant: 'balsfjord' });
    const me = await session(browser);
    const stolenCookie = browser.cookieHeader(new URL('/api/v1/session', origin));
    expect((await browser.request('POST', '/auth/logout')).status).toBe(403);
    const out = await browser.request('POST', '/auth/logout', { headers: { 'x-csrf-token': me.csrfToken! } });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ endSessionUrl: null });
    expect(browser.cookies.has('radhus_session')).toBe(false);
    expect((await session(browser)).user).toBeNull();
    const replay = await fetch(`${origin}/api/v1/balsfjord/case-files`, { headers: { cookie: stolenCookie } });
    expect(replay.status).toBe(401);
  });
});
