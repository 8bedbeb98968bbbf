// SPDX-License-Identifier: EUPL-1.2
// Errors on pages are pages: 404, 400 and 500 in the visitor's language for browsers, while the API
// and scripts keep their problem+json. Hostile addresses get a 400, never a 500. And the look the
// pages load — stylesheet, Inter, icon — comes from this server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App, type Module } from '../platform/http/app.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { siteModule } from './manifest.ts';

let radhus: TestRadhus;
let swedish: Tenant;
let failing: App;

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const titleOf = (body: string) => /<title>([^<]*)<\/title>/.exec(body)?.[1];
const langOf = (body: string) => /<html lang="([^"]+)"/.exec(body)?.[1];

beforeAll(async () => {
  radhus = await createTestRadhus();
  swedish = await radhus.tenant({ name: 'Sjöby kommun', country: 'SE' });
  // A page and an API route that fail, on the real plumbing with the site's error pages.
  const broken: Module = {
    name: 'broken',
    async register(app) {
      app.get('/broken/page', { config: { authentication: false, access: 'public' } }, async () => {
        throw new Error('the database fell over');
      });
      app.get('/api/v1/broken', { config: { authentication: false, access: 'public' } }, async () => {
        throw new Error('the database fell over');
      });
    },
  };
  failing = await buildApp({ ...radhus.ctx, modules: [siteModule, broken] }, { logger: false });
}, 120_000);

afterAll(async () => {
  await failing?.close();
  await radhus?.close();
});

describe('not found', () => {
  it("is a page in the browser's language, or the municipality's in its addresses", async () => {
    const cases: [string, Record<string, string>, string, string][] = [
      ['/ingen-slik-kommune', {}, 'nb', 'Fant ikke siden – Rådhus'],
      ['/ingen-slik-kommune', { 'accept-language': 'sv-SE' }, 'sv', 'Sidan hittades inte – Rådhus'],
      ['/no/such/page', { 'accept-language': 'en-GB' }, 'en', 'Page not found – Rådhus'],
      [`/${swedish.slug}/no-such-page`, { 'accept-language': 'nb' }, 'sv', 'Sidan hittades inte – Rådhus'],
      [`/${swedish.slug}/no-such-page`, { cookie: 'radhus_lang=nn' }, 'nn', 'Fann ikkje sida – Rådhus'],
      ['/ingen-slik-kommune?lang=en', {}, 'en', 'Page not found – Rådhus'],
    ];
    for (const [url, headers, language, title] of cases) {
      const response = await radhus.app.inject({ url, headers: { ...html, ...headers } });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control'], url).toBe('no-store');
      expect(langOf(response.body), url).toBe(language);
      expect(titleOf(response.body), url).toBe(title);
      expect(response.body, url).toContain('<main id="main"');
      // An error page does not change the remembered language.
      expect(response.headers['set-cookie'], url).toBeUndefined();
    }
  });

  it('stays problem+json for the API, for scripts, and for other methods', async () => {
    const cases: [string, string, Record<string, string>][] = [
      ['GET', '/api/v1/no-such-route', html],
      ['GET', `/api/v1/${swedish.slug}/case-files/01900000-0000-7000-8000-000000000000`, html],
      ['GET', '/ingen-slik-kommune', { accept: 'application/json' }],
      ['GET', '/ingen-slik-kommune', {}],
      ['POST', '/', html],
    ];
    for (const [method, url, headers] of cases) {
      const response = await radhus.app.inject({ method: method as 'GET', url, headers });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.headers['content-type'], `${method} ${url}`).toBe('application/problem+json; charset=utf-8');
    }
  });
});

describe('hostile addresses', () => {
  it('get a 400 page, never a 500', async () => {
    for (const url of ['/%ff', '/%E0%A4%A', `/${swedish.slug}%00`, `/${swedish.slug}?lang=%00`, `/${swedish.slug}?lang=%ff`, '/?q=%ED%A0%80', `/${swedish.slug}?x=a%01b`, '/?%ff=1']) {
      const response = await radhus.app.inject({ url, headers: { ...html, 'accept-language': 'en' } });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
      // In a municipality's address, its language; elsewhere the browser's.
      expect(titleOf(response.body), url).toBe(url.startsWith(`/${swedish.slug}?`) ? 'Ogiltig adress – Rådhus' : 'Invalid address – Rådhus');
      // The language links of a refused address lead somewhere sound.
      expect(response.body, url).toContain('href="/?lang=nb"');
    }
  });

  it('are problem+json for callers that do not ask for HTML', async () => {
    const response = await radhus.app.inject({ url: '/%ff', headers: { accept: 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status: 400, code: 'validation' });
  });
});

describe('server errors', () => {
  it('are a page in the visitor\'s language on page routes and problem+json on the API', async () => {
    const pageError = await failing.inject({ url: '/broken/page', headers: { ...html, 'accept-language': 'sv' } });
    expect(pageError.statusCode).toBe(500);
    expect(titleOf(pageError.body)).toBe('Något gick fel – Rådhus');
    expect(pageError.body).not.toContain('fell over');

    const apiError = await failing.inject({ url: '/api/v1/broken', headers: html });
    expect(apiError.statusCode).toBe(500);
    expect(apiError.json()).toMatchObject({ status: 500, code: 'internal' });
    expect(apiError.body).not.toContain('fell over');
  });
});

describe('the look of the pages', () => {
  it('loads its stylesheet, fonts and icon from this server, cached for good where named by version', async () => {
    const front = await radhus.app.inject({ url: '/', headers: html });
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(front.body)?.[1];
    expect(href).toMatch(/^\/static\/site\/site-[0-9a-f]{16}\.css$/);
    const css = await radhus.app.inject({ url: href! });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Designsystemet's theme and components, our layout, and Inter with no other font's files.
    expect(css.body).toContain('--ds-color-accent-base-default');
    expect(css.body).toContain('.ds-skip-link');
    expect(css.body).toContain('.site-header');
    const fonts = [...css.body.matchAll(/url\((\/static\/site\/fonts\/[^)]+\.woff2)\)/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThanOrEqual(8);
    expect(css.body).not.toMatch(/url\((?!\/static\/|"data:|'data:)/);
    for (const font of fonts.filter((f) => /-latin-(ext-)?[4-7]00-normal/.test(f))) {
      const file = await radhus.app.inject({ url: font });
      expect(file.statusCode, font).toBe(200);
      expect(file.headers['content-type'], font).toBe('font/woff2');
      expect(file.headers['cache-control'], font).toBe('public, max-age=31536000, immutable');
    }
    const fontFolder = fonts[0]!.slice(0, fonts[0]!.lastIndexOf('/'));
    for (const bad of ['../package.json', '..%2Fpackage.json', 'inter-latin-400-normal.ttf', 'LICENSE']) {
      expect((await radhus.app.inject({ url: `${fontFolder}/${bad}` })).statusCode, bad).toBe(404);
    }
    expect((await radhus.app.inject({ url: '/static/site/site-0000000000000000.css' })).statusCode).toBe(404);
    const icon = await radhus.app.inject({ url: '/static/site/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
  });

  it('answers HEAD for pages', async () => {
    const response = await radhus.app.inject({ method: 'HEAD', url: `/${swedish.slug}`, headers: html });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    expect(response.headers.etag).toBeTruthy();
  });
});
