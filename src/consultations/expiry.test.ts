// SPDX-License-Identifier: EUPL-1.2
// Comments that were never confirmed, and consultations that end before their deadline, on the real
// app and database: an unconfirmed comment expires at the deadline (a timed job, with the test clock)
// and can no longer be confirmed; a deadline moved later moves the expiry with it; once the case is
// closed, sending and confirming a comment are refused with that reason (API and page, four
// languages), writing nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentMail } from '../access-requests/test-support.ts';
import { installationSnapshot } from '../conformance/fixtures.ts';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { loggedInPerson } from '../test-support/person.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { consultationTexts } from './texts.ts';

const DAY = 86_400_000;
let t: TestRadhus;
let tenant: Tenant;
let officer: Record<string, string>;

const api = (path: string) => `/api/v1/${tenant.slug}${path}`;
const call = (method: 'GET' | 'POST' | 'PATCH', path: string, payload?: object, headers: Record<string, string> = officer) =>
  t.app.inject({ method, url: api(path), headers, ...(payload ? { payload } : {}) });
const form = (url: string, fields: Record<string, string>) =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: new URLSearchParams(fields).toString() });
const statuses = async (consultationId: string) =>
  Object.fromEntries(((await call('GET', `/consultations/${consultationId}/comments/staff`)).json().items as { authorName: string; status: string }[]).map((c) => [c.authorName, c.status]));

async function consultation(title: string, days: number): Promise<{ id: string; caseFileId: string }> {
  const kase = await call('POST', '/case-files', { title });
  expect(kase.statusCode, kase.body).toBe(201);
  const opened = await call('POST', '/consultations', { caseFileId: kase.json().id, title: `Høring: ${title}`, deadline: new Date(t.clock.now().getTime() + days * DAY).toISOString() });
  expect(opened.statusCode, opened.body).toBe(201);
  return { id: opened.json().id, caseFileId: kase.json().id };
}

/** A comment without login; returns the token of its mailed link. */
async function anonymous(consultationId: string, name: string, email: string): Promise<string> {
  const res = await call('POST', `/consultations/${consultationId}/comments`, { text: `Uttalelse fra ${name}.`, authorName: name, email }, {});
  expect(res.statusCode, res.body).toBe(202);
  const mail = (await sentMail(t)).filter((m) => m.to === email && m.template === 'consultations.comment-confirm').at(-1);
  const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no confirmation link mailed to ${email}`);
  return token;
}
const confirm = (token: string) => call('POST', '/consultations/comments/confirmation', { token }, {});

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ name: 'Fjordvik kommune', country: 'NO' });
  officer = { authorization: `Bearer ${await t.token(tenant, 'case-officer')}` };
}, 120_000);
afterAll(() => t?.close());

describe(`unconfirmed comments expire at the deadline (${testEngine()})`, () => {
  it('marks a comment still unconfirmed at the deadline expired; a confirmed or filed one stays filed; an expired one is refused, writing nothing', async () => {
    const c = await consultation('Parkeringsnorm', 3);
    const confirmedToken = await anonymous(c.id, 'Anne Bekreftet', 'anne@example.no');
    const lateToken = await anonymous(c.id, 'Bjørn Glemsk', 'bjorn@example.no');
    const person = await loggedInPerson(t, [tenant.id], { name: 'Kari Innlogget' });
    expect((await call('POST', `/consultations/${c.id}/comments`, { text: 'Innlogget uttalelse.' }, person.headers)).statusCode).toBe(201);
    expect((await confirm(confirmedToken)).statusCode).toBe(200);

    // Before the deadline nothing expires.
    t.clock.advance(3 * DAY - 60_000);
    await t.settle();
    expect(await statuses(c.id)).toEqual({ 'Anne Bekreftet': 'filed', 'Bjørn Glemsk': 'unconfirmed', 'Kari Innlogget': 'filed' });

    t.clock.advance(60_000);
    await t.settle();
    expect(await statuses(c.id)).toEqual({ 'Anne Bekreftet': 'filed', 'Bjørn Glemsk': 'expired', 'Kari Innlogget': 'filed' });
    const staff = (await call('GET', `/consultations/staff?caseFileId=${c.caseFileId}`)).json();
    expect(staff.items[0]).toMatchObject({ filedComments: 2, unconfirmedComments: 0 });

    const before = await installationSnapshot(t);
    const refused = await confirm(lateToken);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'token', code: 'notOpen' })]);
    expect(await installationSnapshot(t)).toEqual(before);
    // Even when the officer reopens the consultation, an expired comment stays expired.
    const reopened = await call('PATCH', `/consultations/${c.id}`, { deadline: new Date(t.clock.now().getTime() + 2 * DAY).toISOString() });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const afterReopen = await installationSnapshot(t);
    expect((await confirm(lateToken)).statusCode).toBe(409);
    expect(await installationSnapshot(t)).toEqual(afterReopen);
    expect(await statuses(c.id)).toMatchObject({ 'Bjørn Glemsk': 'expired' });
    // The page says the deadline passed.
    const page = await form(`/${tenant.slug}/deltakelse/horinger/bekreft`, { token: lateToken });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain(consultationTexts.nb['c.tooLate']);
  });

  it('follows a deadline moved later: the comment stays confirmable until the new deadline, then expires', async () => {
    const c = await consultation('Skoleskyss', 2);
    const token = await anonymous(c.id, 'Per Utsatt', 'per@example.no');
    const moved = await call('PATCH', `/consultations/${c.id}`, { deadline: new Date(t.clock.now().getTime() + 5 * DAY).toISOString() });
    expect(moved.statusCode, moved.body).toBe(200);
    t.clock.advance(3 * DAY);
    await t.settle();
    expect(await statuses(c.id)).toEqual({ 'Per Utsatt': 'unconfirmed' });
    t.clock.advance(2 * DAY);
    await t.settle();
    expect(await statuses(c.id)).toEqual({ 'Per Utsatt': 'expired' });
    // One expiry job per deadline, each done; none left waiting.
    const jobs = await sql<{ status: string }>`select status from jobs where type = 'consultations.expire-unconfirmed' and payload->>'consultationId' = ${c.id}`.execute(t.ctx.db.kysely);
    expect(jobs.rows.map((j) => j.status)).toEqual(['done', 'done']);
    expect((await confirm(token)).statusCode).toBe(409);
  });
});

describe(`a consultation whose case is closed (${testEngine()})`, () => {
  it('refuses sending and confirming a comment with that reason, by API and page in four languages, writing nothing', async () => {
    const c = await consultation('Vannverk', 10);
    const token = await anonymous(c.id, 'Siri Sent', 'siri@example.no');
    const closed = await call('POST', `/case-files/${c.caseFileId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    await t.settle();

    const viaApi = await confirm(token);
    expect(viaApi.statusCode).toBe(409);
    expect(viaApi.json()).toMatchObject({ code: 'conflict', errors: [{ field: 'consultationId', code: 'caseClosed' }] });
    const person = await loggedInPerson(t, [tenant.id], { name: 'Ola Innlogget' });
    const afterLogin = await installationSnapshot(t);
    const sent = await call('POST', `/consultations/${c.id}/comments`, { text: 'For sent: saken er lukket.' }, person.headers);
    expect(sent.statusCode).toBe(409);
    expect(sent.json().errors).toEqual([expect.objectContaining({ field: 'consultationId', code: 'caseClosed' })]);
    const anon = await call('POST', `/consultations/${c.id}/comments`, { text: 'Uten innlogging.', authorName: 'Anonym', email: 'anonym@example.no' }, {});
    expect(anon.statusCode).toBe(409);
    expect(anon.json().errors[0]).toMatchObject({ code: 'caseClosed' });
    expect(await installationSnapshot(t)).toEqual(afterLogin);

    const base = `/${tenant.slug}/deltakelse/horinger`;
    for (const language of ['nb', 'nn', 'sv', 'en'] as const) {
      const confirmPage = await form(`${base}/bekreft?lang=${language}`, { token });
      expect(confirmPage.statusCode).toBe(409);
      expect(confirmPage.body).toContain(consultationTexts[language]['c.caseClosed']);
      expect(confirmPage.body).not.toContain(consultationTexts[language]['c.tooLate']);
    }
    const formPage = await form(`${base}/${c.id}/uttalelse`, { authorName: 'Anonym', email: 'anonym@example.no', text: 'Fra skjemaet.' });
    expect(formPage.statusCode).toBe(409);
    expect(formPage.body).toContain(consultationTexts.nb['c.caseClosed']);
    expect(await installationSnapshot(t)).toEqual(afterLogin);
    expect(await statuses(c.id)).toEqual({ 'Siri Sent': 'unconfirmed' });

    // At the deadline the comment that could not be filed expires like any other.
    t.clock.advance(10 * DAY);
    await t.settle();
    expect(await statuses(c.id)).toEqual({ 'Siri Sent': 'expired' });
  });

  it('shows it ended, to the public and the officer, from the moment the case is closed: no form, listed as closed', async () => {
    const c = await consultation('Gatelys', 20);
    await t.settle();
    const publicJson = async () => (await t.app.inject({ method: 'GET', url: api(`/consultations/${c.id}`) })).json();
    const listed = async (status: 'open' | 'closed') =>
      ((await t.app.inject({ method: 'GET', url: api(`/consultations?status=${status}`) })).json().items as { id: string }[]).map((i) => i.id);
    const page = async (language: string) => (await t.app.inject({ method: 'GET', url: `/${tenant.slug}/deltakelse/horinger/${c.id}?lang=${language}` })).body;
    expect(await publicJson()).toMatchObject({ status: 'open', caseClosedAt: null });
    expect(await listed('open')).toContain(c.id);
    expect(await page('nb')).toContain('name="text"');

    t.clock.advance(DAY);
    const closed = await call('POST', `/case-files/${c.caseFileId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    await t.settle();

    const shown = await publicJson();
    expect(shown).toMatchObject({ status: 'closed', caseClosedAt: t.clock.now().toISOString() });
    expect(await listed('open')).not.toContain(c.id);
    expect(await listed('closed')).toContain(c.id);
    for (const language of ['nb', 'nn', 'sv', 'en'] as const) {
      const body = await page(language);
      expect(body).not.toContain('name="text"');
      expect(body).toContain(consultationTexts[language]['c.endedWithCase'].split('{date}')[0]!.trim());
    }
    const staff = (await call('GET', `/consultations/staff?caseFileId=${c.caseFileId}`)).json();
    expect(staff.items).toEqual([expect.objectContaining({ id: c.id, status: 'closed', caseClosedAt: t.clock.now().toISOString() })]);
  });
});
