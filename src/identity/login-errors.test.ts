// SPDX-License-Identifier: EUPL-1.2
// Every way the login round trip can fail ends on an HTML page in the person's language with a
// link on: the back button after login, an expired login, a provider error, a callback without code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { freePort, loginWithDemoProvider, TestBrowser } from './test-browser.ts';

let radhus: TestRadhus;
let origin: string;

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  radhus = await createTestRadhus({ PUBLIC_URL: origin, PORT: String(port) });
  await radhus.tenant({ slug: 'balsfjord', officialNumber: '5532', name: 'Balsfjord kommune', country: 'NO' });
  await radhus.app.listen({ port, host: '127.0.0.1' });
});
afterAll(() => radhus?.close());

async function page(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const html = await response.text();
  return { html, lang: /<html lang="([a-z]+)">/.exec(html)?.[1], h1: /<h1>([^<]*)<\/h1>/.exec(html)?.[1], link: /<a class="button" href="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') };
}

describe('login errors', () => {
  it('the back button after login: a page saying you are logged in, with the way on', async () => {
    const browser = new TestBrowser(origin);
    const login = await loginWithDemoProvider(browser, 'balsfjord-case-officer', { tenant: 'balsfjord', returnTo: '/app/balsfjord' });
    expect(login.callback.status).toBe(303);
    const replay = await browser.get(login.callback.url, { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' });
    expect(replay.status).toBe(200);
    expect(await page(replay)).toMatchObject({ lang: 'sv', h1: 'Du är redan inloggad', link: '/app/' });
  });

  it('an expired login (the state cookie is gone): 400 in the language of the workspace cookie', async () => {
    const res = await fetch(`${origin}/auth/callback?code=abc&state=def`, { headers: { cookie: 'radhus_lang=nn', 'accept-language': 'en' } });
    expect(res.status).toBe(400);
    const p = await page(res);
    expect(p).toMatchObject({ lang: 'nn', h1: 'Innlogginga har gått ut' });
    expect(p.link).toBe('/auth/login?returnTo=%2Fapp%2F&lang=nn');
  });

  it('a provider error: 401 with the provider’s code escaped and a link back to the same login', async () => {
    const browser = new TestBrowser(origin);
    await browser.get('/auth/login?tenant=balsfjord&returnTo=/app/balsfjord');
    const res = await browser.get('/auth/callback?error=access_denied&state=x', { 'accept-language': 'en-GB,en;q=0.8' });
    expect(res.status).toBe(401);
    const p = await page(res);
    expect(p).toMatchObject({ lang: 'en', h1: 'The login was cancelled', link: '/auth/login?returnTo=%2Fapp%2Fbalsfjord&tenant=balsfjord&lang=en' });
    expect(p.html).toContain('<code>access_denied</code>');
    const hostile = await fetch(`${origin}/auth/callback?error=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(hostile.status).toBe(401);
    const h = await page(hostile);
    expect(h.html).not.toContain('<script>');
    expect(h.html).toContain('&lt;script&gt;');
    expect(h.lang).toBe('nb');
  });

  it('a callback without a code: 400 in bokmål when nothing says otherwise', async () => {
    const browser = new TestBrowser(origin);
    await browser.get('/auth/login?returnTo=/app/');
    const res = await browser.get('/auth/callback?state=only');
    expect(res.status).toBe(400);
    expect(await page(res)).toMatchObject({ lang: 'nb', h1: 'Innloggingen ble ikke fullført' });
    // The pending login is used up either way.
    expect(browser.cookies.has('radhus_login')).toBe(false);
  });

  it('a code that cannot be exchanged: 401 page, not JSON', async () => {
    const browser = new TestBrowser(origin);
    await browser.get('/auth/login?returnTo=/app/');
    const res = await browser.get('/auth/callback?code=forged&state=forged', { 'accept-language': 'da, sv;q=0.7' });
    expect(res.status).toBe(401);
    expect(await page(res)).toMatchObject({ lang: 'sv', h1: 'Inloggningen misslyckades' });
  });

  it('an identity provider that does not answer: 503 page in the municipality\'s language with a way to try again, not a 500', async () => {
    const nowhere = await freePort();
    const other = await createTestRadhus({ OIDC_ISSUER: `http://127.0.0.1:${nowhere}/realms/kommune`, OIDC_CLIENT_ID: 'radhus', OIDC_CLIENT_SECRET: 'x' });
    try {
      await other.tenant({ slug: 'aneby', officialNumber: '0604', name: 'Aneby kommun', country: 'SE' });
      const res = await other.app.inject({ method: 'GET', url: '/auth/login?tenant=aneby&returnTo=/app/aneby&lang=sv' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
      expect(res.body).toContain('<html lang="sv">');
      expect(res.body).toContain('Inloggningstjänsten svarar inte');
      expect(res.body).toContain('href="/auth/login?tenant=aneby&amp;returnTo=/app/aneby&amp;lang=sv"');
      expect(res.headers['set-cookie']).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
