// SPDX-License-Identifier: EUPL-1.2
// Documents: versions and variants, stored once by checksum, verified when read back, screenable.
import { readdir, writeFile } from 'node:fs/promises';
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

async function upload(url: string, fields: Parameters<typeof multipartBody>[0]) {
  const form = multipartBody(fields);
  return radhus.app.inject({ method: 'POST', url, headers: { ...auth, ...form.headers }, payload: form.body });
}

beforeAll(async () => {
  radhus = await createTestRadhus();
  tenant = await radhus.tenant({ country: 'SE', name: 'Eksjö kommun' });
  auth = { authorization: `Bearer ${await radhus.token(tenant, 'archivist')}` };
  const caseFile = (await radhus.app.inject({ method: 'POST', url: api('/case-files'), headers: auth, payload: { title: 'Bygglov för carport' } })).json();
  const entry = await radhus.app.inject({
    method: 'POST',
    url: api(`/case-files/${caseFile.id}/registry-entries`),
    headers: auth,
    payload: { type: 'incoming', title: 'Ansökan om bygglov', correspondents: [{ name: 'Anna Andersson', kind: 'person', role: 'sender' }] },
  });
  entryId = entry.json().id;
});
afterAll(() => radhus?.close());

describe('documents', () => {
  it('keeps versions and variants, prefers the archival variant, and stores equal bytes once', async () => {
    const v1 = Buffer.from('%PDF-1.4 first draft');
    const first = await upload(api(`/registry-entries/${entryId}/documents`), { file: { name: 'ansokan.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: v1 } });
    expect(first.statusCode).toBe(201);
    const doc = first.json();
    expect(doc).toMatchObject({ documentNumber: 1, version: 1, variant: 'production' });

    const archival = await upload(api(`/documents/${doc.id}/objects`), { file: { name: 'ansokan.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.7 archival') }, variant: 'archival' });
    expect(archival.statusCode).toBe(201);
    expect(archival.json()).toMatchObject({ version: 1, variant: 'archival', format: 'fmt/276' });

    const v2 = await upload(api(`/documents/${doc.id}/objects`), { file: { name: 'ansokan-v2.docx', type: 'text/plain', content: Buffer.from('second version') } });
    expect(v2.json()).toMatchObject({ version: 2, variant: 'production' });

    const newest = await radhus.app.inject({ method: 'GET', url: api(`/documents/${doc.id}/content`), headers: auth });
    expect(newest.body).toBe('second version');
    const firstArchival = await radhus.app.inject({ method: 'GET', url: api(`/documents/${doc.id}/content?version=1`), headers: auth });
    expect(firstArchival.body).toBe('%PDF-1.7 archival');

    // The same bytes as an attachment are not stored a second time.
    const again = await upload(api(`/registry-entries/${entryId}/documents`), { file: { name: 'copy.txt', type: 'text/plain', content: Buffer.from('second version') } });
    expect(again.json()).toMatchObject({ documentNumber: 2, checksum: v2.json().checksum });
    const entry = (await radhus.app.inject({ method: 'GET', url: api(`/registry-entries/${entryId}`), headers: auth })).json();
    expect(entry.documents.map((d: { relation: string }) => d.relation)).toEqual(['main', 'attachment']);
    expect(entry.documents[0].objects).toHaveLength(3);
  });

  it('screens a document and logs the change', async () => {
    const entry = (await radhus.app.inject({ method: 'GET', url: api(`/registry-entries/${entryId}`), headers: auth })).json();
    const docId = entry.documents[0].id;
    const res = await radhus.app.inject({ method: 'PATCH', url: api(`/documents/${docId}`), headers: auth, payload: { screening: { legalBasis: 'OSL 21 kap. 1 §', fields: ['documents'] } } });
    expect(res.statusCode).toBe(200);
    expect(res.json().documents[0].screening).toMatchObject({ legalBasis: 'OSL 21 kap. 1 §', fields: ['documents'] });
    const log = (await radhus.app.inject({ method: 'GET', url: api(`/change-log?entityId=${docId}`), headers: auth })).json();
    expect(log.items.at(-1)).toMatchObject({ operation: 'update', field: 'screening' });
  });

  it('refuses to serve a file whose stored bytes no longer match their checksum', async () => {
    const content = Buffer.from('original bytes that will be damaged on disk');
    const res = await upload(api(`/registry-entries/${entryId}/documents`), { file: { name: 'x.txt', type: 'text/plain', content } });
    const { id, checksum } = res.json();
    const dir = join(radhus.config.dataDir, 'files', checksum.slice(0, 2), checksum.slice(2, 4));
    expect(await readdir(dir)).toContain(checksum);
    await writeFile(join(dir, checksum), Buffer.from('tampered bytes of the very same length as before!!'.slice(0, content.length)));
    const download = await radhus.app.inject({ method: 'GET', url: api(`/documents/${id}/content`), headers: auth });
    expect(download.statusCode).toBe(503);
    expect(download.headers['content-type']).toContain('application/problem+json');
    expect(download.json().detail).toContain('damaged');
    expect(download.body).not.toContain('tampered');
  });
});
