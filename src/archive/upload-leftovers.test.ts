// SPDX-License-Identifier: EUPL-1.2
// A refused upload leaves nothing behind: no staged file in files/tmp, no stored file, no row, no
// outbox event, no number taken — whatever the reason it was refused.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { multipartBody } from '../test-support/multipart.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { installationSnapshot } from '../conformance/fixtures.ts';

const LIMIT = 64 * 1024;
let radhus: TestRadhus;
let tenant: Tenant;
let auth: { authorization: string };
let entryId: string;
let documentId: string;
const api = (path: string) => `/api/v1/${tenant.slug}${path}`;
const file = (size: number, name = 'brev.bin') => ({ name, type: 'application/octet-stream', content: Buffer.alloc(size, name.length) });

async function staged(): Promise<string[]> {
  return readdir(join(radhus.config.dataDir, 'files', 'tmp')).catch(() => []);
}

beforeAll(async () => {
  radhus = await createTestRadhus({ UPLOAD_MAX_BYTES: String(LIMIT) });
  tenant = await radhus.tenant();
  auth = { authorization: `Bearer ${await radhus.token(tenant, 'case-officer')}` };
  const caseFile = (await radhus.app.inject({ method: 'POST', url: api('/case-files'), headers: auth, payload: { title: 'Opplasting' } })).json();
  entryId = (await radhus.app.inject({ method: 'POST', url: api(`/case-files/${caseFile.id}/registry-entries`), headers: auth, payload: { type: 'case-memo', title: 'Notat' } })).json().id;
  const form = multipartBody({ file: file(100, 'first.bin') });
  documentId = (await radhus.app.inject({ method: 'POST', url: api(`/registry-entries/${entryId}/documents`), headers: { ...auth, ...form.headers }, payload: form.body })).json().id;
});
afterAll(() => radhus?.close());

const fields = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`extra${i}`, 'x']));

describe('a refused upload', () => {
  it.each([
    ['a file over UPLOAD_MAX_BYTES', 413, () => ({ file: file(LIMIT + 1) })],
    ['a file far over UPLOAD_MAX_BYTES', 413, () => ({ file: file(LIMIT * 4) })],
    ['too many files', [400, 413], () => ({ file: file(1000), a: file(10, 'a.bin'), b: file(10, 'bb.bin') })],
    ['too many fields', [400, 413], () => ({ file: file(1000), ...fields(12) })],
    ['too many fields before the file', [400, 413], () => ({ ...fields(12), file: file(1000) })],
    ['an unknown field', 400, () => ({ file: file(1000), colour: 'red' })],
    ['a second file part', 400, () => ({ file: file(1000), other: file(10, 'x.bin') })],
    ['a title over 1000 characters', 400, () => ({ file: file(1000), title: 't'.repeat(1001) })],
    ['an empty file', 400, () => ({ file: file(0) })],
    // Found by the hostile-input walk: the folder part of a name was cut off before it was checked.
    ['a NUL in the folder part of the file name', 400, () => ({ file: file(1000, 'C:\\x\u0000y\\brev.pdf') })],
  ] as const)('leaves nothing behind: %s', async (_name, status, body) => {
    const before = await installationSnapshot(radhus);
    for (const url of [api(`/registry-entries/${entryId}/documents`), api(`/documents/${documentId}/objects`)]) {
      const form = multipartBody(body() as never);
      const res = await radhus.app.inject({ method: 'POST', url, headers: { ...auth, ...form.headers }, payload: form.body });
      expect([status].flat(), `${url}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await staged()).toEqual([]);
    }
    expect(await installationSnapshot(radhus)).toEqual(before);
  });
});

describe('an accepted upload', () => {
  it('keeps the file name without the folders a client sent before it', async () => {
    for (const [sent, kept] of [['C:\\Users\\kari\\søknad.pdf', 'søknad.pdf'], ['mappe/under/brev.txt', 'brev.txt'], ['vedlegg.odt', 'vedlegg.odt']]) {
      const form = multipartBody({ file: file(50, sent) });
      const res = await radhus.app.inject({ method: 'POST', url: api(`/registry-entries/${entryId}/documents`), headers: { ...auth, ...form.headers }, payload: form.body });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().fileName).toBe(kept);
    }
  });
});
