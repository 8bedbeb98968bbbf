// SPDX-License-Identifier: EUPL-1.2
// Compression for the whole app: pages, JSON and the staff UI's files go out compressed to clients
// that accept it; document downloads go out as stored, with the headers that name those bytes;
// request bodies are never inflated.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../conformance/fixtures.ts';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';
import { multipartBody } from '../../test-support/multipart.ts';
import type { Tenant } from '../../tenants/tenant.ts';
import { createWebModule } from '../../web/routes.ts';
import { buildApp, type App } from './app.ts';

let radhus: TestRadhus;
let tenant: Tenant;
let token: string;
let staffUi: App;
let dist: string;

beforeAll(async () => {
  radhus = await createTestRadhus();
  tenant = await radhus.tenant({ name: 'Pakkvik kommune' });
  token = await radhus.token(tenant, 'case-officer');
  dist = await mkdtemp(join(tmpdir(), 'radhus-compress-'));
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>Rådhus</title><div id="root"></div>');
  await writeFile(join(dist, 'assets', 'index-abc123.js'), 'console.log("Rådhus");\n'.repeat(400));
  staffUi = await buildApp({ ...radhus.ctx, modules: [createWebModule(dist)] }, { logger: false });
}, 120_000);

afterAll(async () => {
  await staffUi?.close();
  await radhus?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
});

describe('compression', () => {
  it('compresses pages, the stylesheet and API JSON for clients that accept it', async () => {
    const plain = await radhus.app.inject({ url: '/', headers: { accept: 'text/html' } });
    const gzip = await radhus.app.inject({ url: '/', headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gzip.rawPayload).toString('utf8')).toBe(plain.body);

    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(plain.body)![1]!;
    const css = await radhus.app.inject({ url: href, headers: { 'accept-encoding': 'br, gzip' } });
    expect(css.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(css.rawPayload).length).toBeGreaterThan(css.rawPayload.length * 3);

    const classes = await radhus.app.inject({ url: `/api/v1/${tenant.slug}/classes`, headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } });
    expect(classes.statusCode).toBe(200);
    expect(classes.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(classes.rawPayload).toString('utf8')).items.length).toBeGreaterThan(0);
  });

  it('sends document downloads as stored, with their length, ETag and digest', async () => {
    const caseFile = await call(radhus, token, 'POST', `/api/v1/${tenant.slug}/case-files`, { title: 'Sak med tekstvedlegg' });
    const entry = await call(radhus, token, 'POST', `/api/v1/${tenant.slug}/case-files/${caseFile.id}/registry-entries`, { type: 'incoming', title: 'Brev med tekst', correspondents: [{ name: 'Kari Nordmann', kind: 'person', role: 'sender' }] });
    const content = Buffer.from('Dette er et brev som komprimeres godt. '.repeat(300));
    const form = multipartBody({ file: { name: 'brev.txt', type: 'text/plain', content } });
    const uploaded = await radhus.app.inject({
      method: 'POST',
      url: `/api/v1/${tenant.slug}/registry-entries/${entry.id}/documents`,
      headers: { authorization: `Bearer ${token}`, ...form.headers },
      payload: form.body,
    });
    expect(uploaded.statusCode).toBe(201);
    const download = await radhus.app.inject({ url: String(uploaded.headers.location), headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip, deflate' } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-encoding']).toBeUndefined();
    expect(download.headers['content-length']).toBe(String(content.length));
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers['repr-digest']).toBeTruthy();
  });

  it("compresses the staff UI's files", async () => {
    const asset = await staffUi.inject({ url: '/app/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(asset.rawPayload).toString('utf8')).toBe('console.log("Rådhus");\n'.repeat(400));
  });

  it('never inflates a request body: a gzip body is not JSON', async () => {
    const before = await call(radhus, token, 'GET', `/api/v1/${tenant.slug}/case-files`);
    const { gzipSync } = await import('node:zlib');
    const response = await radhus.app.inject({
      method: 'POST',
      url: `/api/v1/${tenant.slug}/case-files`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify({ title: 'Pakket sak' })),
    });
    expect(response.statusCode).toBe(400);
    expect(await call(radhus, token, 'GET', `/api/v1/${tenant.slug}/case-files`)).toEqual(before);
  });
});
