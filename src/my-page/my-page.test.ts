// SPDX-License-Identifier: EUPL-1.2
// My page through the real app and database: a party sees their own cases (and what of them a party
// may see), messages arrive archived and their reading is recorded, documents can be sent to an open
// case only; another person's case, document or message is a 404 with nothing recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { loggedInPerson, testIdentityNumber, type TestPerson } from '../test-support/person.ts';

type Json = Record<string, any>;
let t: TestRadhus;
let a: Tenant;
let b: Tenant;
let officer: string;
let officerB: string;
let kari: TestPerson;
let ola: TestPerson;
let kariCase: Json;
let olaCase: Json;
let kariLetter: Json;
let kariDocument: Json;
let screenedLetter: Json;

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);
const b64 = (buf: Buffer) => buf.toString('base64');
const api = (tenant: Tenant, path: string) => `/api/v1/${tenant.slug}${path}`;

async function staff(method: 'GET' | 'POST', url: string, payload?: object, token = officer): Promise<Json> {
  const res = await t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
  return res.json();
}
const as = (person: TestPerson, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? { cookie: person.headers.cookie } : person.headers, ...(payload ? { payload } : {}) });
const count = async (table: string, where = sql`true`) => Number((await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)} where ${where}`.execute(t.ctx.db.kysely)).rows[0]!.n);
const remarksOn = (id: string) => count('remarks', sql`target_id = ${id}`);

async function upload(entryId: string, content: Buffer, name = 'letter.pdf') {
  const boundary = 'x-my-page';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({ method: 'POST', url: api(a, `/registry-entries/${entryId}/documents`), headers: { authorization: `Bearer ${officer}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  expect(res.statusCode).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestRadhus();
  a = await t.tenant();
  b = await t.tenant();
  officer = await t.token(a, 'case-officer');
  officerB = await t.token(b, 'case-officer');
  kari = await loggedInPerson(t, [a.id, b.id], { name: 'Kari Nordmann', email: 'kari@example.org' });
  ola = await loggedInPerson(t, [a.id], { name: 'Ola Nordmann' });
  kariCase = await staff('POST', api(a, '/case-files'), { title: 'Byggesak gnr. 12 bnr. 34 – tilbygg' });
  kariLetter = await staff('POST', api(a, `/case-files/${kariCase.id}/registry-entries`), {
    type: 'incoming', title: 'Søknad om tilbygg', correspondents: [{ name: 'Kari Nordmann', kind: 'person', role: 'sender', identityNumber: kari.identityNumber }],
  });
  kariDocument = await upload(kariLetter.id, pdf('kari'));
  // A neighbour's objection, screened: Kari sees that it exists, by its public title only.
  screenedLetter = await staff('POST', api(a, `/case-files/${kariCase.id}/registry-entries`), {
    type: 'incoming', title: 'Nabomerknad fra Per Hemmelig', correspondents: [{ name: 'Per Hemmelig', kind: 'person', role: 'sender', identityNumber: testIdentityNumber() }],
    screening: { legalBasis: 'Offl. § 13 jf. fvl. § 13', titleWords: ['Per Hemmelig'] },
  });
  await upload(screenedLetter.id, pdf('neighbour'));
  // An internal memo: not a party's to see (fvl. § 18 a).
  await staff('POST', api(a, `/case-files/${kariCase.id}/registry-entries`), { type: 'case-memo', title: 'Intern vurdering av tilbygget' });
  olaCase = await staff('POST', api(a, '/case-files'), { title: 'Søknad om barnehageplass' });
  const olaLetter = await staff('POST', api(a, `/case-files/${olaCase.id}/registry-entries`), {
    type: 'incoming', title: 'Søknad om barnehageplass for Lise', correspondents: [{ name: 'Ola Nordmann', kind: 'person', role: 'sender', identityNumber: ola.identityNumber }],
  });
  await upload(olaLetter.id, pdf('ola'));
}, 60_000);
afterAll(() => t?.close());

describe('my cases', () => {
  it('lists the cases where I am a party, and shows what a party may see of them', async () => {
    const list = await as(kari, 'GET', api(a, '/my/cases'));
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: Json) => c.id)).toEqual([kariCase.id]);
    expect(list.json().items[0]).toMatchObject({ caseNumber: kariCase.caseNumber ?? expect.any(String), open: true, expectedDecision: { basis: 'stated' } });

    const res = await as(kari, 'GET', api(a, `/my/cases/${kariCase.id}`));
    expect(res.statusCode).toBe(200);
    const mine = res.json();
    expect(mine.timeline.map((e: Json) => [e.title, e.mine, e.screened, e.documents.length])).toEqual([
      ['Søknad om tilbygg', true, false, 1],
      [expect.stringContaining('*****'), false, true, 0],
    ]);
    expect(res.body).not.toContain('Hemmelig');
    expect(res.body).not.toContain('Intern vurdering');
    const doc = mine.timeline[0].documents[0];
    expect(doc.id).toBe(kariDocument.id);
    const download = await as(kari, 'GET', doc.url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf('kari'))).toBe(true);
  });

  it('answers 404 for another person’s case and document, in another municipality too, and a token has no cases', async () => {
    expect((await as(kari, 'GET', api(a, `/my/cases/${olaCase.id}`))).statusCode).toBe(404);
    const olaDoc = (await (await as(ola, 'GET', api(a, `/my/cases/${olaCase.id}`))).json()).timeline[0].documents[0];
    expect((await as(kari, 'GET', api(a, `/my/documents/${olaDoc.id}`))).statusCode).toBe(404);
    // The screened neighbour's letter has a document; it is not Kari's to download.
    const screenedDoc = (await sql<{ id: string }>`select id from documents where registry_entry_id = ${screenedLetter.id}`.execute(t.ctx.db.kysely)).rows[0]!.id;
    expect((await as(kari, 'GET', api(a, `/my/documents/${screenedDoc}`))).statusCode).toBe(404);
    // Kari is a citizen of B as well, but the case is A's.
    expect((await as(kari, 'GET', api(b, `/my/cases/${kariCase.id}`))).statusCode).toBe(404);
    expect((await as(kari, 'GET', api(b, '/my/cases'))).json().items).toEqual([]);
    // Ola is not a citizen of B here: refused by role.
    expect((await as(ola, 'GET', api(b, '/my/cases'))).statusCode).toBe(403);
    const token = await t.token(a, 'citizen');
    const byToken = await t.app.inject({ method: 'GET', url: api(a, '/my/cases'), headers: { authorization: `Bearer ${token}` } });
    expect(byToken.json().items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: api(a, `/my/cases/${kariCase.id}`), headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(404);
  });

  it('takes more documents to an open case as an incoming letter, checks their type by content, and refuses a finished case with 409', async () => {
    const entriesBefore = await count('registry_entries');
    const disguised = await as(kari, 'POST', api(a, `/my/cases/${kariCase.id}/documents`), { files: [{ fileName: 'tegning.pdf', content: b64(Buffer.from('<html><script>alert(1)</script></html>')) }] });
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().errors).toEqual([expect.objectContaining({ field: 'files.0.content', code: 'notAllowed' })]);
    expect((await as(ola, 'POST', api(a, `/my/cases/${kariCase.id}/documents`), { files: [{ fileName: 'a.pdf', content: b64(pdf('ola')) }] })).statusCode).toBe(404);
    expect(await count('registry_entries')).toBe(entriesBefore);

    const added = await as(kari, 'POST', api(a, `/my/cases/${kariCase.id}/documents`), { title: 'Reviderte tegninger', files: [{ fileName: 'tegning.pdf', content: b64(pdf('tegning')) }, { fileName: 'foto.png', content: b64(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])) }] });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().documents.map((d: Json) => d.mimeType)).toEqual(['application/pdf', 'image/png']);
    const entry = await staff('GET', api(a, `/registry-entries/${added.json().registryEntryId}`));
    expect(entry).toMatchObject({ type: 'incoming', title: 'Reviderte tegninger' });
    expect(entry.correspondents[0]).toMatchObject({ name: 'Kari Nordmann', role: 'sender' });

    const closed = await staff('POST', api(a, '/case-files'), { title: 'Avsluttet sak' });
    await staff('POST', api(a, `/case-files/${closed.id}/registry-entries`), { type: 'outgoing', title: 'Vedtak', correspondents: [{ name: 'Kari Nordmann', kind: 'person', role: 'recipient', identityNumber: kari.identityNumber }] });
    await staff('POST', api(a, `/case-files/${closed.id}/close`));
    const before = await count('registry_entries');
    const refused = await as(kari, 'POST', api(a, `/my/cases/${closed.id}/documents`), { files: [{ fileName: 'a.pdf', content: b64(pdf('sent')) }] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/finished/);
    expect(await count('registry_entries')).toBe(before);
  });
});

describe('messages', () => {
  it('the case officer’s message is archived in the case, noticed by an e-mail without its content, and its first reading is recorded', async () => {
    const message = { subject: 'Manglende tegninger', text: 'Vi trenger fasadetegninger før vi kan behandle søknaden.' };
    // The case has two persons as parties (Kari and the neighbour): the officer names the recipient.
    const unnamed = await t.app.inject({ method: 'POST', url: api(a, `/case-files/${kariCase.id}/messages`), headers: { authorization: `Bearer ${officer}` }, payload: message });
    expect(unnamed.json().errors).toEqual([expect.objectContaining({ field: 'recipientIdentityNumber', code: 'required' })]);
    const sent = await staff('POST', api(a, `/case-files/${kariCase.id}/messages`), { ...message, recipientIdentityNumber: kari.identityNumber });
    expect(sent).toMatchObject({ recipientName: 'Kari Nordmann', notified: true });
    const entry = await staff('GET', api(a, `/registry-entries/${sent.registryEntryId}`));
    expect(entry).toMatchObject({ type: 'outgoing', title: 'Manglende tegninger', status: 'dispatched' });
    expect(entry.documents).toHaveLength(1);
    const mails = (await sql<{ payload: Json }>`select payload from jobs where type = 'mail.send'`.execute(t.ctx.db.kysely)).rows.map((r) => r.payload.mail);
    const notice = mails.find((m) => m.to === 'kari@example.org');
    expect(notice).toBeDefined();
    expect(JSON.stringify(notice)).not.toMatch(/Manglende|fasadetegninger|tilbygg/);
    // The notice leads straight to the person's messages in this municipality (web route `myMessages`).
    expect(JSON.stringify(notice)).toContain(`/app/${a.slug}/my/messages`);

    // Another person reading it: 404, nothing recorded.
    expect((await as(ola, 'GET', api(a, `/my/messages/${sent.id}`))).statusCode).toBe(404);
    expect((await as(ola, 'GET', api(a, '/my/messages'))).json().items).toEqual([]);
    expect(await remarksOn(sent.registryEntryId)).toBe(0);
    expect(await count('my_page_messages', sql`id = ${sent.id} and read_at is not null`)).toBe(0);

    const list = (await as(kari, 'GET', api(a, '/my/messages'))).json();
    expect(list).toMatchObject({ unread: 1, items: [{ id: sent.id, subject: 'Manglende tegninger', readAt: null }] });
    t.clock.advance(60_000);
    const read = await as(kari, 'GET', api(a, `/my/messages/${sent.id}`));
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ text: 'Vi trenger fasadetegninger før vi kan behandle søknaden.', readAt: t.clock.now().toISOString() });
    expect(read.json().documents).toHaveLength(1);
    expect(await remarksOn(sent.registryEntryId)).toBe(1);
    // A second reading records nothing more.
    await as(kari, 'GET', api(a, `/my/messages/${sent.id}`));
    expect(await remarksOn(sent.registryEntryId)).toBe(1);
    expect((await as(kari, 'GET', api(a, '/my/messages'))).json().unread).toBe(0);
    const kase = (await as(kari, 'GET', api(a, `/my/cases/${kariCase.id}`))).json();
    expect(kase.timeline.find((e: Json) => e.id === sent.registryEntryId)).toMatchObject({ messageId: sent.id, type: 'outgoing', mine: true });
  });

  it('staff of another municipality cannot send to this one’s case; a case without a party with a number is a 409', async () => {
    const res = await t.app.inject({ method: 'POST', url: api(a, `/case-files/${kariCase.id}/messages`), headers: { authorization: `Bearer ${officerB}` }, payload: { subject: 'x', text: 'y' } });
    expect(res.statusCode).toBe(401);
    const viaB = await t.app.inject({ method: 'POST', url: api(b, `/case-files/${kariCase.id}/messages`), headers: { authorization: `Bearer ${officerB}` }, payload: { subject: 'x', text: 'y' } });
    expect(viaB.statusCode).toBe(404);
    const noParty = await staff('POST', api(a, '/case-files'), { title: 'Uten part' });
    const before = await count('registry_entries');
    const refused = await t.app.inject({ method: 'POST', url: api(a, `/case-files/${noParty.id}/messages`), headers: { authorization: `Bearer ${officer}` }, payload: { subject: 'x', text: 'y' } });
    expect(refused.statusCode).toBe(409);
    expect(await count('registry_entries')).toBe(before);
    // A citizen may not send case messages.
    expect((await as(kari, 'POST', api(a, `/case-files/${kariCase.id}/messages`), { subject: 'x', text: 'y' })).statusCode).toBe(403);
  });
});
