// SPDX-License-Identifier: EUPL-1.2
// Consultations on the real app and database (issue 11 §2): the officer opens one on a case with the
// case's entries as documents (refusals by field, nothing written); a logged-in person's comment is
// filed at once as an incoming entry in the case and reaches the public journal; without login the
// comment waits for the mailed link; the list is public once published, a screened sender and text
// stay out; after the deadline nothing is written, at submission or at confirmation; a replay
// rebuilds the projection.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentMail } from '../access-requests/test-support.ts';
import { installationSnapshot } from '../conformance/fixtures.ts';
import { replayConsumer } from '../platform/events/replay.ts';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { loggedInPerson, type TestPerson } from '../test-support/person.ts';
import type { Tenant } from '../tenants/tenant.ts';

const DAY = 86_400_000;
let t: TestRadhus;
let tenant: Tenant;
let officer: Record<string, string>;
let citizen: TestPerson;
let caseId: string;
let letterId: string;
let otherEntryId: string;
let consultationId: string;
let filedEntryId: string;

const api = (tenantSlug: string) => `/api/v1/${tenantSlug}`;
async function call(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, payload?: object, headers: Record<string, string> = officer) {
  return t.app.inject({ method, url: `${api(tenant.slug)}${path}`, headers, ...(payload ? { payload } : {}) });
}
const publicRows = async () => (await sql<{ n: number }>`select (select count(*) from public_consultations)::int + (select count(*) from public_consultation_comments)::int as n`.execute(t.ctx.db.kysely)).rows[0]!.n;
const tokenFromMail = async (to: string) => {
  const mail = (await sentMail(t)).filter((m) => m.to === to && m.template === 'consultations.comment-confirm').at(-1);
  const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no confirmation link mailed to ${to}`);
  return token;
};

async function entry(caseFileId: string, title: string): Promise<string> {
  const res = await call('POST', `/case-files/${caseFileId}/registry-entries`, { type: 'outgoing', title, correspondents: [{ name: 'Alle høringsinstanser', kind: 'organisation', role: 'recipient' }] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ name: 'Fjordvik kommune', country: 'NO' });
  officer = { authorization: `Bearer ${await t.token(tenant, 'case-officer')}` };
  citizen = await loggedInPerson(t, [tenant.id], { name: 'Kari Nordmann' });
  const kase = await call('POST', '/case-files', { title: 'Ny renovasjonsforskrift' });
  expect(kase.statusCode, kase.body).toBe(201);
  caseId = kase.json().id;
  letterId = await entry(caseId, 'Høringsbrev');
  const other = await call('POST', '/case-files', { title: 'Annen sak' });
  otherEntryId = await entry(other.json().id, 'Brev i en annen sak');
}, 120_000);
afterAll(() => t?.close());

describe(`consultations (${testEngine()})`, () => {
  it('refuses a consultation with an unknown case, a past deadline or another case’s entry, naming each field, and writes nothing', async () => {
    const before = await installationSnapshot(t);
    const past = await call('POST', '/consultations', { caseFileId: caseId, title: 'Høring', deadline: new Date(t.clock.now().getTime() - DAY).toISOString(), documentEntryIds: [letterId, otherEntryId] });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual(['deadline:outOfRange', 'documentEntryIds.1:notFound']);
    const unknown = await call('POST', '/consultations', { caseFileId: '01900000-0000-7000-8000-000000000000', title: 'Høring', deadline: new Date(t.clock.now().getTime() + DAY).toISOString() });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'caseFileId', code: 'notFound' });
    const asCitizen = await call('POST', '/consultations', { caseFileId: caseId, title: 'Høring', deadline: new Date(t.clock.now().getTime() + DAY).toISOString() }, citizen.headers);
    expect(asCitizen.statusCode).toBe(403);
    expect(await installationSnapshot(t)).toEqual(before);
  });

  it('opens a consultation; it is public at once, with the case’s letter as its document once the journal shows it', async () => {
    const deadline = new Date(t.clock.now().getTime() + 14 * DAY).toISOString();
    const res = await call('POST', '/consultations', { caseFileId: caseId, title: 'Høring: ny renovasjonsforskrift', description: 'Si din mening.', deadline, documentEntryIds: [letterId] });
    expect(res.statusCode, res.body).toBe(201);
    consultationId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'open', documentEntryIds: [letterId], filedComments: 0, unconfirmedComments: 0, commentsPublishedAt: null });
    await t.settle();
    const list = await t.app.inject({ method: 'GET', url: `${api(tenant.slug)}/consultations?status=open` });
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([consultationId]);
    expect((await t.app.inject({ method: 'GET', url: `${api(tenant.slug)}/consultations?status=closed` })).json().items).toEqual([]);
    const one = (await t.app.inject({ method: 'GET', url: `${api(tenant.slug)}/consultations/${consultationId}` })).json();
    expect(one).toMatchObject({ title: 'Høring: ny renovasjonsforskrift', status: 'open', comments: [], commentsPublishedAt: null });
    expect(one.documents.map((d: { entryId: string }) => d.entryId)).toEqual([letterId]);
  });

  it('files a logged-in person’s comment at once as an incoming entry of the case, which reaches the public journal', async () => {
    const res = await call('POST', `/consultations/${consultationId}/comments`, { text: 'Jeg støtter forslaget.', organisation: 'Velforeningen' }, citizen.headers);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'filed' });
    const comments = (await call('GET', `/consultations/${consultationId}/comments/staff`)).json();
    filedEntryId = comments.items[0].registryEntryId;
    const filed = (await call('GET', `/registry-entries/${filedEntryId}`)).json();
    expect(filed).toMatchObject({ type: 'incoming', caseFileId: caseId, title: 'Høringsuttalelse: Høring: ny renovasjonsforskrift' });
    expect(filed.correspondents.map((c: { name: string; role: string }) => `${c.name}/${c.role}`)).toEqual(['Kari Nordmann/sender', 'Velforeningen/sender']);
    expect(filed.documents).toHaveLength(1);
    await t.settle();
    const journal = await t.app.inject({ method: 'GET', url: `${api(tenant.slug)}/public-journal/${filedEntryId}` });
    expect(journal.statusCode, journal.body).toBe(200);
    expect(journal.json().correspondents.map((c: { name: string }) => c.name)).toContain('Kari Nordmann');
  });

  it('without login asks for a name and an e-mail address, by field, and writes nothing', async () => {
    const before = await installationSnapshot(t);
    const res = await call('POST', `/consultations/${consultationId}/comments`, { text: 'Anonymt' }, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['authorName', 'email']);
    const badMail = await call('POST', `/consultations/${consultationId}/comments`, { text: 'Hei', authorName: 'Ola', email: 'ikke-en-adresse' }, {});
    expect(badMail.json().errors).toEqual([expect.objectContaining({ field: 'email', code: 'invalidEmail' })]);
    const unknown = await call('POST', '/consultations/01900000-0000-7000-8000-000000000000/comments', { text: 'Hei', authorName: 'Ola', email: 'ola@example.no' }, {});
    expect(unknown.statusCode).toBe(404);
    expect(await installationSnapshot(t)).toEqual(before);
  });

  it('without login the comment waits for the mailed link; confirming files it, twice answers the same', async () => {
    const res = await call('POST', `/consultations/${consultationId}/comments`, { text: 'Hent søppel oftere.', authorName: 'Ola Nordmann', email: 'ola@example.no' }, {});
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'unconfirmed', registryNumber: null });
    const staff = (await call('GET', `/consultations/staff?caseFileId=${caseId}`)).json();
    expect(staff.items[0]).toMatchObject({ filedComments: 1, unconfirmedComments: 1 });
    const token = await tokenFromMail('ola@example.no');
    const stored = await sql<{ confirm_hash: string }>`select confirm_hash from consultation_comments where email = 'ola@example.no'`.execute(t.ctx.db.kysely);
    expect(stored.rows[0]!.confirm_hash).not.toContain(token);
    const wrong = await call('POST', '/consultations/comments/confirmation', { token: 'x'.repeat(32) }, {});
    expect(wrong.statusCode).toBe(404);
    const ok = await call('POST', '/consultations/comments/confirmation', { token }, {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await call('POST', '/consultations/comments/confirmation', { token }, {})).statusCode).toBe(200);
    expect((await call('GET', `/consultations/${consultationId}/comments/staff`)).json()).toMatchObject({ unconfirmed: 0, items: [{ status: 'filed' }, { status: 'filed', authorName: 'Ola Nordmann' }] });
  });

  it('publishes the list: senders and texts as the archive lets them out; a screened sender and its text stay out', async () => {
    await t.settle();
    expect((await t.app.inject({ method: 'GET', url: `${api(tenant.slug)}/consultations/${consultationId}` })).json().comments).toEqual([]);
    const published = await call('POST', `/consultations/${consultationId}/publication`);
    expect(published.statusCode, published.body).toBe(200);
    expect((await call('POST', `/consultations/${consultationId}/publication`)).statusCode).toBe(409);
    await t.settle();
    const open = (await t.app.inject({ method: 'GET', url: `${api(tenant.slug)}/consultations/${consultationId}` })).json();
    expect(open.comments.map((c: { sender: string; text: string }) => `${c.sender}: ${c.text}`)).toEqual(['Kari Nordmann: Jeg støtter forslaget.', 'Ola Nordmann: Hent søppel oftere.']);
    const screened = await call('PUT', `/registry-entries/${filedEntryId}/screening`, { screening: { legalBasis: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1', fields: ['correspondents'] } });
    expect(screened.statusCode, screened.body).toBe(200);
    await t.settle();
    const after = (await t.app.inject({ method: 'GET', url: `${api(tenant.slug)}/consultations/${consultationId}` })).json();
    expect(after.comments[0]).toMatchObject({ sender: null, organisation: null, text: null });
    expect(after.comments[1]).toMatchObject({ sender: 'Ola Nordmann' });
    const rows = await sql<{ sender: string | null; text: string | null }>`select sender, text from public_consultation_comments order by received_at`.execute(t.ctx.db.kysely);
    expect(JSON.stringify(rows.rows)).not.toContain('Kari Nordmann');
  });

  it('a replay of the projection rebuilds the same rows', async () => {
    const read = async () => (await sql`select * from public_consultations`.execute(t.ctx.db.kysely)).rows.concat((await sql`select id, sender, organisation, text, registry_entry_id, received_at from public_consultation_comments order by id`.execute(t.ctx.db.kysely)).rows);
    const before = (await read()).map((r) => ({ ...(r as object), updated_at: undefined }));
    await replayConsumer(t.ctx, 'consultations-projection');
    await t.settle();
    expect((await read()).map((r) => ({ ...(r as object), updated_at: undefined }))).toEqual(before);
  });

  it('after the deadline nothing is written: not at submission, not at confirmation', async () => {
    await call('POST', `/consultations/${consultationId}/comments`, { text: 'Sent, men før fristen.', authorName: 'Per Hansen', email: 'per@example.no' }, {});
    const token = await tokenFromMail('per@example.no');
    t.clock.advance(15 * DAY);
    await t.settle();
    // A fresh login: the first session has expired in the meantime.
    const lateCitizen = await loggedInPerson(t, [tenant.id], { name: 'Siri Sen' });
    const before = await installationSnapshot(t);
    const rowsBefore = await publicRows();
    const late = await call('POST', `/consultations/${consultationId}/comments`, { text: 'For sent.' }, lateCitizen.headers);
    expect(late.statusCode).toBe(409);
    expect(late.json().errors[0]).toMatchObject({ code: 'notOpen' });
    const lateConfirm = await call('POST', '/consultations/comments/confirmation', { token }, {});
    expect(lateConfirm.statusCode).toBe(409);
    expect(await installationSnapshot(t)).toEqual(before);
    expect(await publicRows()).toBe(rowsBefore);
    expect((await t.app.inject({ method: 'GET', url: `${api(tenant.slug)}/consultations?status=closed` })).json().items.map((c: { id: string }) => c.id)).toEqual([consultationId]);
  });
});

describe(`comments without login are limited per address (${testEngine()})`, () => {
  it('takes RATE_LIMIT_ANONYMOUS_FORMS_PER_MINUTE a minute from one address, then 429 writing nothing; a session is not limited', async () => {
    const limited = await createTestRadhus({ RATE_LIMIT_ANONYMOUS_FORMS_PER_MINUTE: '2' });
    try {
      const place = await limited.tenant({ country: 'SE' });
      const headers = { authorization: `Bearer ${await limited.token(place, 'case-officer')}` };
      const kase = await limited.app.inject({ method: 'POST', url: `/api/v1/${place.slug}/case-files`, headers, payload: { title: 'Remiss' } });
      const opened = await limited.app.inject({ method: 'POST', url: `/api/v1/${place.slug}/consultations`, headers, payload: { caseFileId: kase.json().id, title: 'Remiss om taxa', deadline: new Date(limited.clock.now().getTime() + DAY).toISOString() } });
      const comment = (extra: Record<string, string> = {}) =>
        limited.app.inject({ method: 'POST', url: `/api/v1/${place.slug}/consultations/${opened.json().id}/comments`, headers: extra, payload: { text: 'Synpunkt', ...(extra.cookie ? {} : { authorName: 'Anna', email: 'anna@example.se' }) } });
      expect((await comment()).statusCode).toBe(202);
      expect((await comment()).statusCode).toBe(202);
      const before = await installationSnapshot(limited);
      const third = await comment();
      expect(third.statusCode).toBe(429);
      expect(third.headers['retry-after']).toBeDefined();
      expect(await installationSnapshot(limited)).toEqual(before);
      const person = await loggedInPerson(limited, [place.id], { name: 'Anna Andersson' });
      expect((await comment(person.headers)).statusCode).toBe(201);
      limited.clock.advance(61_000);
      expect((await comment()).statusCode).toBe(202);
    } finally {
      await limited.close();
    }
  }, 120_000);
});
