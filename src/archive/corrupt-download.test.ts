// SPDX-License-Identifier: EUPL-1.2
// A stored file whose bytes no longer match their checksum is never delivered, at any size: the
// download answers 503 storedFileCorrupt before its first byte, and says so in the log.
import { createHash, randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { multipartBody } from '../test-support/multipart.ts';
import type { Tenant } from '../tenants/tenant.ts';

let radhus: TestRadhus;
let tenant: Tenant;
let auth: { authorization: string };
let entryId: string;
const api = (path: string) => `/api/v1/${tenant.slug}${path}`;
const MiB = 1024 * 1024;

async function stored(size: number): Promise<{ id: string; checksum: string; content: Buffer; path: string }> {
  const content = randomBytes(size);
  const form = multipartBody({ file: { name: 'stor.bin', type: 'application/octet-stream', content } });
  const res = await radhus.app.inject({ method: 'POST', url: api(`/registry-entries/${entryId}/documents`), headers: { ...auth, ...form.headers }, payload: form.body });
  expect(res.statusCode, res.body).toBe(201);
  const { id, checksum } = res.json();
  return { id, checksum, content, path: join(radhus.config.dataDir, 'files', checksum.slice(0, 2), checksum.slice(2, 4), checksum) };
}

async function flipByte(path: string, position: number): Promise<void> {
  const handle = await open(path, 'r+');
  const one = Buffer.alloc(1);
  await handle.read(one, 0, 1, position);
  one[0] = one[0]! ^ 0xff;
  await handle.write(one, 0, 1, position);
  await handle.close();
}

beforeAll(async () => {
  radhus = await createTestRadhus();
  tenant = await radhus.tenant();
  auth = { authorization: `Bearer ${await radhus.token(tenant, 'archivist')}` };
  const caseFile = (await radhus.app.inject({ method: 'POST', url: api('/case-files'), headers: auth, payload: { title: 'Store filer' } })).json();
  entryId = (await radhus.app.inject({ method: 'POST', url: api(`/case-files/${caseFile.id}/registry-entries`), headers: auth, payload: { type: 'case-memo', title: 'Kart' } })).json().id;
});
afterAll(() => radhus?.close());

describe('downloading a stored file', () => {
  it('serves an intact 17 MiB file in full with its digest', async () => {
    const file = await stored(17 * MiB);
    const res = await radhus.app.inject({ method: 'GET', url: api(`/documents/${file.id}/content`), headers: auth });
    expect(res.statusCode).toBe(200);
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(file.checksum);
  });

  it.each([
    ['17 MiB, one byte flipped near the end', 17 * MiB, -10],
    ['1 KiB, one byte flipped', 1024, 100],
  ])('refuses %s with 503 storedFileCorrupt before the first byte', async (_name, size, offset) => {
    const file = await stored(size);
    await flipByte(file.path, offset < 0 ? size + offset : offset);
    const res = await radhus.app.inject({ method: 'GET', url: api(`/documents/${file.id}/content`), headers: auth });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['repr-digest']).toBeUndefined();
    expect(res.json()).toMatchObject({ code: 'storedFileCorrupt' });
    expect(res.rawPayload.length).toBeLessThan(4096);
  });

  it('refuses a missing file the same way', async () => {
    const file = await stored(2048);
    await rm(file.path);
    const res = await radhus.app.inject({ method: 'GET', url: api(`/documents/${file.id}/content`), headers: auth });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'storedFileCorrupt' });
  });
});
