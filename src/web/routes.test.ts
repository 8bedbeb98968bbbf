// SPDX-License-Identifier: EUPL-1.2
// The web module on the real app plumbing (buildApp) and an in-memory database, serving a small
// dist folder made here: files, SPA fallback, cache headers, and the 503 before a build exists.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { buildApp, type App } from '../platform/http/app.ts';
import { openContext } from '../radhus.ts';
import type { AppContext } from '../platform/context.ts';
import { cacheControlFor, createWebModule, resolveInside } from './routes.ts';

let dir: string;
let ctx: AppContext;
let app: App;
let bare: App;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'radhus-web-'));
  const dist = join(dir, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>Rådhus</title><div id="root"></div>');
  await writeFile(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(join(dist, 'favicon.svg'), '<svg/>');
  await writeFile(join(dist, 'sw.js'), "self.addEventListener('fetch', () => {});");
  await writeFile(join(dir, 'secret.txt'), 'outside');
  ctx = await openContext(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }), { db: await openDatabase({}) });
  app = await buildApp({ ...ctx, modules: [createWebModule(dist)] }, { logger: false });
  bare = await buildApp({ ...ctx, modules: [createWebModule(join(dir, 'not-built'))] }, { logger: false });
});

afterAll(async () => {
  await app.close();
  await bare.close();
  await ctx.db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('web module', () => {
  it('leaves / to the public site', async () => {
    expect((await app.inject({ url: '/' })).statusCode).toBe(404);
  });

  it('serves index.html for /app/ and for any client-side route, never cached stale', async () => {
    for (const url of ['/app/', '/app/balsfjord/cases', '/app/balsfjord/cases/0190-abc?x=1']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets as immutable and other files briefly cached', async () => {
    const asset = await app.inject({ url: '/app/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('console.log(1)');
    const icon = await app.inject({ url: '/app/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('answers 404 for a missing asset instead of the app shell', async () => {
    expect((await app.inject({ url: '/app/assets/index-old.js' })).statusCode).toBe(404);
  });

  it('never serves files outside the build folder', async () => {
    for (const url of ['/app/../secret.txt', '/app/%2e%2e/secret.txt', '/app/..%2fsecret.txt']) {
      const response = await app.inject({ url });
      expect(response.body, url).not.toContain('outside');
    }
    expect(resolveInside('/srv/dist', '../secret.txt')).toBeUndefined();
    expect(resolveInside('/srv/dist', 'assets/a.js')).toBe('/srv/dist/assets/a.js');
  });

  it('says how to build the UI when web/dist is missing', async () => {
    const response = await bare.inject({ url: '/app/' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build:web');
    expect((await bare.inject({ url: '/app/balsfjord/cases' })).statusCode).toBe(503);
  });

  it('serves the workspace service worker revalidated, allowed by the CSP, with no cookie', async () => {
    const worker = await app.inject({ url: '/app/sw.js' });
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    // no-cache: the browser asks for a new build's worker at once instead of keeping the old one a day.
    expect(worker.headers['cache-control']).toBe('no-cache');
    // Its scope is /app/ because it lives there: no Service-Worker-Allowed widening the scope.
    expect(worker.headers['service-worker-allowed']).toBeUndefined();
    expect(String(worker.headers['content-security-policy'])).toContain("worker-src 'self'");
    // The worker keeps index.html and the assets: they must never carry a session cookie.
    for (const url of ['/app/sw.js', '/app/', '/app/balsfjord/workspace/meetings/x', '/app/assets/index-abc123.js']) {
      expect((await app.inject({ url })).headers['set-cookie'], url).toBeUndefined();
    }
    expect(String((await app.inject({ url: '/app/' })).headers['content-security-policy'])).toContain("worker-src 'self'");
    // A build without a worker answers 404, not index.html (a registration would fail on its type anyway).
    const none = await bare.inject({ url: '/app/sw.js' });
    expect(none.statusCode).toBe(404);
  });

  it('picks cache headers by path', () => {
    expect(cacheControlFor('sw.js')).toBe('no-cache');
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('assets/x-1.css')).toContain('immutable');
  });
});
