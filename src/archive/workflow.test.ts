// SPDX-License-Identifier: EUPL-1.2
// The case officer's workflow end to end through the real API on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { multipartBody } from '../test-support/multipart.ts';
import type { Tenant } from '../tenants/tenant.ts';

let radhus: TestRadhus;
let tenant: Tenant;
let auth: { authorization: string };

beforeAll(async () => {
  radhus = await createTestRadhus();
  tenant = await radhus.tenant({ name: 'Balsfjord kommune', country: 'NO' });
  auth = { authorization: `Bearer ${await radhus.token(tenant, 'case-officer')}` };
});
afterAll(() => radhus?.close());

const api = (path: string) => `/api/v1/${tenant.slug}${path}`;

describe('case officer workflow', () => {
  it('opens a case, registers a letter with its PDF, replies, follows up and closes', async () => {
    const created = await radhus.app.inject({ method: 'POST', url: api('/case-files'), headers: auth, payload: { title: 'Søknad om konsesjon for gnr. 12 bnr. 3' } });
    expect(created.statusCode).toBe(201);
    const caseFile = created.json();
    expect(caseFile.caseNumber).toBe(`${new Date(radhus.clock.now()).getUTCFullYear()}/1`);
    expect(caseFile.actions).toMatchObject({ addEntry: true, close: true });

    const incoming = await radhus.app.inject({
      method: 'POST',
      url: api(`/case-files/${caseFile.id}/registry-entries`),
      headers: auth,
      payload: { type: 'incoming', title: 'Søknad om konsesjon', documentDate: '2026-02-27', correspondents: [{ name: 'Kari Nordmann', kind: 'person', role: 'sender' }] },
    });
    expect(incoming.statusCode).toBe(201);
    const letter = incoming.json();
    expect(letter.registryNumber).toMatch(/^\d{4}\/1$/);
    expect(letter.documentNumber).toBe(`${caseFile.caseNumber}-1`);
    expect(letter.actions.followUp).toBe(true);

    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const form = multipartBody({ file: { name: 'soknad.pdf', type: 'application/pdf', content: pdf }, title: 'Søknad' });
    const upload = await radhus.app.inject({ method: 'POST', url: api(`/registry-entries/${letter.id}/documents`), headers: { ...auth, ...form.headers }, payload: form.body });
    expect(upload.statusCode).toBe(201);
    const doc = upload.json();
    expect(doc.checksum).toMatch(/^[0-9a-f]{64}$/);
    const download = await radhus.app.inject({ method: 'GET', url: api(`/documents/${doc.id}/content`), headers: auth });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');

    const closeEarly = await radhus.app.inject({ method: 'POST', url: api(`/case-files/${caseFile.id}/close`), headers: auth });
    expect(closeEarly.statusCode).toBe(409);
    expect(closeEarly.json().detail).toContain('not followed up');

    const reply = await radhus.app.inject({
      method: 'POST',
      url: api(`/case-files/${caseFile.id}/registry-entries`),
      headers: auth,
      payload: { type: 'outgoing', title: 'Svar på søknad om konsesjon', correspondents: [{ name: 'Kari Nordmann', kind: 'person', role: 'recipient' }], followsUp: [letter.id] },
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().followsUp).toEqual([letter.id]);
    const followed = (await radhus.app.inject({ method: 'GET', url: api(`/registry-entries/${letter.id}`), headers: auth })).json();
    expect(followed.followedUp).toBe(true);
    expect(followed.followUps[0]).toMatchObject({ method: 'replied-by-letter', byRegistryEntryId: reply.json().id });

    const closed = await radhus.app.inject({ method: 'POST', url: api(`/case-files/${caseFile.id}/close`), headers: auth });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect(closed.json().registryEntries.map((e: { status: string }) => e.status)).toEqual(['archived', 'archived']);
    expect(closed.json().actions.addEntry).toBe(false);

    // Archived means immutable: the API refuses, and so does the database.
    const change = await radhus.app.inject({ method: 'PATCH', url: api(`/registry-entries/${letter.id}`), headers: auth, payload: { title: 'Endret' } });
    expect(change.statusCode).toBe(409);
    const more = await radhus.app.inject({ method: 'POST', url: api(`/case-files/${caseFile.id}/registry-entries`), headers: auth, payload: { type: 'internal-without-followup', title: 'Notat' } });
    expect(more.statusCode).toBe(409);
    expect(more.json().detail).toContain('closed');

    const log = (await radhus.app.inject({ method: 'GET', url: api(`/change-log?entityId=${letter.id}`), headers: auth })).json();
    expect(log.items.map((i: { operation: string; field: string | null }) => `${i.operation}:${i.field ?? ''}`)).toEqual(['create:', 'update:status']);

    // Every step left its event in the outbox, for the journal and integrations to pick up.
    const events = await radhus.ctx.db.kysely
      .selectFrom('outbox')
      .select(['event_type', 'aggregate_id', 'payload'])
      .where('tenant_id', '=', tenant.id)
      .where('aggregate_id', 'in', [caseFile.id, letter.id, reply.json().id])
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.event_type)).toEqual([
      'case-file.created',
      'registry-entry.journalised',
      'document.added',
      'registry-entry.followed-up',
      'registry-entry.journalised',
      'case-file.closed',
    ]);
    expect(events[1]).toMatchObject({ aggregate_id: letter.id, payload: { registryNumber: letter.registryNumber, type: 'incoming' } });
  });

  it('hides screened title words from the public title and keeps the field list', async () => {
    const caseFile = (await radhus.app.inject({ method: 'POST', url: api('/case-files'), headers: auth, payload: { title: 'Barnevern' } })).json();
    const res = await radhus.app.inject({
      method: 'POST',
      url: api(`/case-files/${caseFile.id}/registry-entries`),
      headers: auth,
      payload: {
        type: 'incoming',
        title: 'Bekymringsmelding om Ola Nordmann',
        correspondents: [{ name: 'Nabo', kind: 'person', role: 'sender' }],
        screening: { legalBasis: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1', fields: ['correspondents'], titleWords: ['Ola Nordmann'] },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().publicTitle).toBe('Bekymringsmelding om *****');
    expect(res.json().title).toBe('Bekymringsmelding om Ola Nordmann');
    expect(res.json().screening).toMatchObject({ accessCode: 'U', fields: ['correspondents'] });
  });

  it('numbers case files without gaps or duplicates under concurrent writers', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => radhus.app.inject({ method: 'POST', url: api('/case-files'), headers: auth, payload: { title: `Sak ${i}` } })),
    );
    const numbers = results.map((r) => r.json().caseSequence as number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers.at(-1)! - numbers[0]!).toBe(11);
  });
});
