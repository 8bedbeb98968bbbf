// SPDX-License-Identifier: EUPL-1.2
// The whole path of an access request: asked for anonymously, confirmed by the mailed link, in the
// unit's queue with its deadline, decided (the decision an outgoing entry in the request's case),
// and the requester sees the decision and downloads the documents.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import { createSession, SESSION_COOKIE } from '../identity/sessions.ts';
import { upsertUser } from '../identity/users.ts';
import { call, linkIn, publishedLetter, sentMail, type Published } from './test-support.ts';

type Json = Record<string, any>;
let t: TestRadhus;
let a: Published;

beforeAll(async () => {
  t = await createTestRadhus();
  a = await publishedLetter(t);
}, 120_000);
afterAll(() => t?.close());

const api = (p: string) => `/api/v1/${a.tenant.slug}${p}`;

describe(`access requests, the whole path (${testEngine()})`, () => {
  it('request → confirm → queue → decide → archive entry → the requester downloads the documents', async () => {
    t.clock.set('2026-03-02T09:00:00Z');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/access-requests', payload: { entries: [a.entry.id], email: 'journalist@example.no', language: 'nn' } });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json() as Json;
    expect(order.status).toBe('unconfirmed');
    expect(order.requests).toHaveLength(1);
    expect(order.requests[0].entries[0]).toMatchObject({ registryEntryId: a.entry.id, registryNumber: a.entry.registryNumber, publicTitle: 'Søknad om rammetillatelse' });

    // Not work yet: the address is unconfirmed.
    expect((await call(t, a.officer, 'GET', api('/access-requests'))).items).toEqual([]);
    const confirmation = (await sentMail(t)).find((m) => m.to === 'journalist@example.no' && m.template === 'access-requests.confirm')!;
    expect(confirmation.subject).toBe('Stadfest innsynskravet ditt');
    const page = await t.app.inject({ method: 'GET', url: linkIn(confirmation.text), headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('E-postadressa er stadfesta');
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.body).toContain('<meta name="robots" content="noindex, nofollow"/>');

    const queue = await call(t, a.officer, 'GET', api('/access-requests'));
    expect(queue.items).toHaveLength(1);
    const item = queue.items[0];
    // Monday 2 March + 3 working days.
    expect(item).toMatchObject({ status: 'received', deadline: '2026-03-05', overdue: false, unitId: a.unit.id, requesterEmail: 'journalist@example.no', source: 'web' });
    expect((await sentMail(t)).some((m) => m.template === 'access-requests.received' && m.text.includes('2026-03-05'))).toBe(true);

    await call(t, a.officer, 'POST', api(`/access-requests/${item.id}/start`));
    const key = new URL(order.statusUrl).searchParams.get('key')!;
    const following = await call(t, {}, 'GET', `/api/v1/access-requests/${order.id}?key=${key}`);
    expect(following.requests[0].status).toBe('in-progress');

    const decided = await call(t, a.officer, 'POST', api(`/access-requests/${item.id}/decision`), { outcome: 'granted' });
    expect(decided).toMatchObject({ status: 'decided', outcome: 'granted' });
    // On the record: an outgoing entry in the request's own case, of the request's unit.
    const entry = await call(t, a.officer, 'GET', api(`/registry-entries/${decided.decisionEntryId}`));
    expect(entry).toMatchObject({ type: 'outgoing', title: 'Svar på innsynskrav – innsyn gitt' });
    const kase = await call(t, a.officer, 'GET', api(`/case-files/${decided.caseFileId}`));
    expect(kase.title).toBe(`Innsynskrav – ${a.entry.registryNumber}`);
    expect(kase.responsibleUnitId ?? kase.responsibleUnit?.id ?? kase.responsibleUnit).toBeTruthy();

    const answer = await call(t, {}, 'GET', `/api/v1/access-requests/${order.id}?key=${key}`);
    expect(answer.requests[0]).toMatchObject({ status: 'decided', outcome: 'granted', canAppeal: false });
    expect(answer.requests[0].files).toHaveLength(1);
    const download = await t.app.inject({ method: 'GET', url: answer.requests[0].files[0].url });
    expect(download.statusCode).toBe(200);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(createHash('sha256').update(a.pdf).digest('hex'));
    expect((await sentMail(t)).some((m) => m.template === 'access-requests.decided' && m.to === 'journalist@example.no')).toBe(true);

    // Without the key, or with another's, nothing.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/access-requests/${order.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/access-requests/${order.id}?key=${'x'.repeat(32)}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `${answer.requests[0].files[0].url.split('?')[0]}?key=wrong` })).statusCode).toBe(404);
  });

  it('refusal with the legal basis, the appeal in the same queue and case, a partial grant with a redacted copy', async () => {
    const created = await call(t, {}, 'POST', '/api/v1/access-requests', { entries: [a.entry.id], email: 'kari@example.no' });
    const key = new URL(created.statusUrl).searchParams.get('key')!;
    const mail = (await sentMail(t)).find((m) => m.to === 'kari@example.no' && m.template === 'access-requests.confirm')!;
    const token = new URL(`http://x${linkIn(mail.text)}`).searchParams.get('confirm')!;
    await call(t, {}, 'POST', `/api/v1/access-requests/${created.id}/confirm`, { key, token });
    const requestId = created.requests[0].id;

    const noBasis = await t.app.inject({ method: 'POST', url: api(`/access-requests/${requestId}/decision`), headers: a.officer, payload: { outcome: 'refused' } });
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json().errors).toEqual([expect.objectContaining({ field: 'legalBasis', code: 'required' })]);
    const refused = await call(t, a.officer, 'POST', api(`/access-requests/${requestId}/decision`), { outcome: 'refused', legalBasis: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1' });
    const again = await t.app.inject({ method: 'POST', url: api(`/access-requests/${requestId}/decision`), headers: a.officer, payload: { outcome: 'granted' } });
    expect(again.statusCode).toBe(409);

    const view = await call(t, {}, 'GET', `/api/v1/access-requests/${created.id}?key=${key}`);
    expect(view.requests[0]).toMatchObject({ outcome: 'refused', legalBasis: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1', canAppeal: true, files: [] });
    const decidedMail = (await sentMail(t)).find((m) => m.to === 'kari@example.no' && m.template === 'access-requests.decided')!;
    expect(decidedMail.text).toContain('Offl. § 13');
    expect(decidedMail.text).toContain('klage');

    // The status page's form, without JavaScript: back to the page after appealing.
    const form = new URLSearchParams({ key, requestId, reason: 'Opplysningene er ikke taushetsbelagte.' }).toString();
    const posted = await t.app.inject({ method: 'POST', url: `/api/v1/access-requests/${created.id}/appeals`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form });
    expect(posted.statusCode, posted.body).toBe(303);
    expect(posted.headers.location).toBe(`/innsyn/${created.id}?key=${key}`);
    const twice = await t.app.inject({ method: 'POST', url: `/api/v1/access-requests/${created.id}/appeals`, payload: { key, requestId, reason: 'Igjen.' } });
    expect(twice.statusCode).toBe(409);
    const appealed = await call(t, {}, 'GET', `/api/v1/access-requests/${created.id}?key=${key}`);
    const appeal = appealed.requests.find((r: Json) => r.kind === 'appeal');
    expect(appeal).toMatchObject({ appealOf: requestId, status: 'received' });
    const queue = await call(t, a.officer, 'GET', api('/access-requests'));
    const queued = queue.items.find((i: Json) => i.id === appeal.id);
    expect(queued).toMatchObject({ kind: 'appeal', appealReason: 'Opplysningene er ikke taushetsbelagte.' });

    const copy = Buffer.from('%PDF-1.7\n% sladdet\n%%EOF\n');
    const partial = await call(t, a.officer, 'POST', api(`/access-requests/${appeal.id}/decision`), {
      outcome: 'partly-granted', legalBasis: 'Offl. § 13', redactedCopies: [{ fileName: 'soknad-sladdet.pdf', mimeType: 'application/pdf', content: copy.toString('base64') }],
    });
    // The appeal's decision is in the same case as the refusal.
    expect(partial.caseFileId).toBe(refused.caseFileId);
    const entry = await call(t, a.officer, 'GET', api(`/registry-entries/${partial.decisionEntryId}`));
    expect(entry.documents.map((d: Json) => d.title)).toEqual(expect.arrayContaining(['soknad-sladdet.pdf']));
    const after = await call(t, {}, 'GET', `/api/v1/access-requests/${created.id}?key=${key}`);
    const files = after.requests.find((r: Json) => r.id === appeal.id).files;
    expect(files).toEqual([expect.objectContaining({ fileName: 'soknad-sladdet.pdf', variant: 'redacted' })]);
    expect((await t.app.inject({ method: 'GET', url: files[0].url })).rawPayload.equals(copy)).toBe(true);
    // The status page shows it, in the language asked for.
    const page = await t.app.inject({ method: 'GET', url: `/innsyn/${created.id}?key=${key}&lang=en` });
    expect(page.body).toContain('Access granted in part');
    expect(page.body).toContain('soknad-sladdet.pdf');
  });

  it('a logged-in person’s request is received at once, from several municipalities, one per municipality and followed on login', async () => {
    const b = await publishedLetter(t, { country: 'SE', title: 'Ansökan om bygglov' });
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/access-requests', payload: { entries: [a.entry.id, b.entry.id] } });
    expect(anonymous.statusCode).toBe(400);
    expect(anonymous.json().errors).toEqual([expect.objectContaining({ field: 'email', code: 'required' })]);

    const session = await withoutTenant(t.ctx.db, async (tx) => {
      const id = await upsertUser(tx, { issuer: 'https://idp.test', subject: 'ola', name: 'Ola Innsyn', email: undefined, identityNumber: undefined }, t.clock.now());
      const { sessionId, csrfToken } = await createSession(tx, id, t.clock.now());
      return { cookie: `${SESSION_COOKIE}=${t.app.signCookie(sessionId)}`, 'x-csrf-token': csrfToken };
    });
    const mailsBefore = (await sentMail(t)).length;
    const both = await call(t, session, 'POST', '/api/v1/access-requests', { entries: [a.entry.id, b.entry.id] });
    expect(both.status).toBe('received');
    expect(both.requests.map((r: Json) => [r.municipality.slug, r.status]).sort()).toEqual([[a.tenant.slug, 'received'], [b.tenant.slug, 'received']].sort());
    // Swedish municipality, Swedish calendar: Monday 2 March + 3 working days.
    expect(both.requests.find((r: Json) => r.municipality.slug === b.tenant.slug).deadline).toBe('2026-03-05');
    // No address: no mail; the person follows it logged in, without the key.
    expect((await sentMail(t)).length).toBe(mailsBefore);
    const followed = await call(t, { cookie: session.cookie }, 'GET', `/api/v1/access-requests/${both.id}`);
    expect(followed.requests).toHaveLength(2);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/access-requests/${both.id}` })).statusCode).toBe(404);
  });
});
