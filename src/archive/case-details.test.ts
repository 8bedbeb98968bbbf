// SPDX-License-Identifier: EUPL-1.2
// A case file's details carry what the case view shows for every entry (documents, follow-up,
// screening) and the letters that still keep it from being closed, so one request serves the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { multipartBody } from '../test-support/multipart.ts';
import type { Tenant } from '../tenants/tenant.ts';

let radhus: TestRadhus;
let tenant: Tenant;
let auth: { authorization: string };

beforeAll(async () => {
  radhus = await createTestRadhus();
  tenant = await radhus.tenant({ country: 'NO' });
  auth = { authorization: `Bearer ${await radhus.token(tenant, 'case-officer')}` };
});
afterAll(() => radhus?.close());

const api = (path: string) => `/api/v1/${tenant.slug}${path}`;
async function post(url: string, payload: object) {
  const res = await radhus.app.inject({ method: 'POST', url: api(url), headers: auth, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('case file details', () => {
  it('carry documents, follow-up and screening per entry, and the unanswered letters', async () => {
    const caseFile = await post('/case-files', { title: 'Byggesøknad' });
    const sender = [{ name: 'Kari Nordmann', kind: 'person', role: 'sender' }];
    const first = await post(`/case-files/${caseFile.id}/registry-entries`, { type: 'incoming', title: 'Søknad', correspondents: sender, dueDate: '2026-03-20' });
    const second = await post(`/case-files/${caseFile.id}/registry-entries`, {
      type: 'incoming',
      title: 'Tilleggsopplysninger',
      correspondents: sender,
      screening: { legalBasis: 'Offl. § 13', fields: ['correspondents'] },
    });
    const form = multipartBody({ file: { name: 'soknad.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.7\n%%EOF\n') }, title: 'Søknad' });
    const upload = await radhus.app.inject({ method: 'POST', url: api(`/registry-entries/${first.id}/documents`), headers: { ...auth, ...form.headers }, payload: form.body });
    expect(upload.statusCode).toBe(201);
    await post(`/registry-entries/${second.id}/follow-ups`, { method: 'noted' });

    const details = (await radhus.app.inject({ url: api(`/case-files/${caseFile.id}`), headers: auth })).json();
    expect(details.registryEntries[0]).toMatchObject({
      documentNumber: `${caseFile.caseNumber}-1`,
      dueDate: '2026-03-20',
      followedUp: false,
      followUpMethod: null,
      screening: null,
      documentCount: 1,
      documents: [{ title: 'Søknad', relation: 'main', fileName: 'soknad.pdf', size: 15, documentNumber: 1 }],
    });
    expect(details.registryEntries[1]).toMatchObject({ followedUp: true, followUpMethod: 'noted', screening: { legalBasis: 'Offl. § 13' }, documents: [] });
    expect(details.unansweredEntries).toEqual([{ id: first.id, documentNumber: `${caseFile.caseNumber}-1`, registryNumber: first.registryNumber, title: 'Søknad', dueDate: '2026-03-20' }]);

    // The close endpoint refuses for exactly those letters.
    const close = await radhus.app.inject({ method: 'POST', url: api(`/case-files/${caseFile.id}/close`), headers: auth });
    expect(close.statusCode).toBe(409);
    expect(close.json().errors.map((e: { field: string }) => e.field)).toEqual([`registryEntries.${first.id}`]);

    await post(`/registry-entries/${first.id}/follow-ups`, { method: 'replied-by-phone' });
    const closed = await radhus.app.inject({ method: 'POST', url: api(`/case-files/${caseFile.id}/close`), headers: auth });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().unansweredEntries).toEqual([]);
  });
});
