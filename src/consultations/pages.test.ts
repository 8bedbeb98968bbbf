// SPDX-License-Identifier: EUPL-1.2
// The public consultation pages on the real app (issue 11 §2): the list and one consultation in
// four languages, the plain comment form without login (refused fields come back filled in with
// what to correct, nothing written; a good one mails a link), the mailed link's page that files only
// on its button, and the deadline. The form never uses the browser's session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentMail } from '../access-requests/test-support.ts';
import { installationSnapshot } from '../conformance/fixtures.ts';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { loggedInPerson } from '../test-support/person.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { consultationTexts } from './texts.ts';
import { languages, placeholders } from '../common/languages.ts';

const DAY = 86_400_000;
let t: TestRadhus;
let tenant: Tenant;
let officer: Record<string, string>;
let consultationId: string;
let base: string;

const page = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });
const form = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers }, payload: new URLSearchParams(fields).toString() });
const comments = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/consultations/${consultationId}/comments/staff`, headers: officer })).json();

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ name: 'Fjordvik kommune', country: 'NO' });
  officer = { authorization: `Bearer ${await t.token(tenant, 'case-officer')}` };
  const kase = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/case-files`, headers: officer, payload: { title: 'Gatebruksplan' } });
  const opened = await t.app.inject({
    method: 'POST', url: `/api/v1/${tenant.slug}/consultations`, headers: officer,
    payload: { caseFileId: kase.json().id, title: 'Høring: gatebruksplan for sentrum', description: 'Første avsnitt.\n\nAndre avsnitt.', deadline: new Date(t.clock.now().getTime() + 7 * DAY).toISOString() },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  consultationId = opened.json().id;
  base = `/${tenant.slug}/deltakelse/horinger`;
  await t.settle();
}, 120_000);
afterAll(() => t?.close());

describe(`consultation pages (${testEngine()})`, () => {
  it('has every text in nb, nn, sv and en with the same placeholders', () => {
    const keys = Object.keys(consultationTexts.nb).sort();
    for (const language of languages) {
      const texts = consultationTexts[language] as Record<string, string>;
      expect(Object.keys(texts).sort(), language).toEqual(keys);
      for (const key of keys) expect(placeholders(texts[key]!), `${language} ${key}`).toEqual(placeholders((consultationTexts.nb as Record<string, string>)[key]!));
    }
  });

  it('lists the open consultation and shows it, with the comment form, in four languages', async () => {
    const list = await page(base);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Høring: gatebruksplan for sentrum');
    expect(list.body).toContain(`href="${base}/${consultationId}"`);
    for (const [lang, heading] of [['nb', 'Send en uttalelse'], ['nn', 'Send ei fråsegn'], ['sv', 'Lämna ett remissvar'], ['en', 'Send a response']] as const) {
      const res = await page(`${base}/${consultationId}?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<html lang="${lang}"`);
      expect(res.body).toContain(heading);
    }
    const one = await page(`${base}/${consultationId}`);
    expect(one.body).toContain(`action="${base}/${consultationId}/uttalelse"`);
    expect(one.body).toContain('Andre avsnitt.');
    expect((await page(`${base}/01900000-0000-7000-8000-000000000000`)).statusCode).toBe(404);
    expect((await page(`${base}/ikkje-ein-id`)).statusCode).toBe(404);
  });

  it('gives a refused form back filled in, naming what to correct, and writes nothing (also for text that cannot be stored)', async () => {
    const before = await installationSnapshot(t);
    const res = await form(`${base}/${consultationId}/uttalelse`, { authorName: '', email: 'ikke-en-adresse', text: 'Min mening' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain('href="#comment-authorName"');
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain('Min mening');
    const nul = await form(`${base}/${consultationId}/uttalelse`, { authorName: 'Ola', email: 'ola@example.no', text: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    expect(await installationSnapshot(t)).toEqual(before);
  });

  it('takes a comment without login (a session in the browser is ignored) and files it only from the button behind the mailed link', async () => {
    const person = await loggedInPerson(t, [tenant.id], { name: 'Innlogget Person' });
    const res = await form(`${base}/${consultationId}/uttalelse`, { authorName: 'Ola Nordmann', organisation: 'Fjordvik vel', email: 'ola@example.no', text: 'Flere benker, takk.', language: 'nn' }, { cookie: person.headers.cookie });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${base}/${consultationId}?sent=1`);
    expect((await comments()).items).toEqual([expect.objectContaining({ status: 'unconfirmed', authorName: 'Ola Nordmann', loggedIn: false })]);
    const mail = (await sentMail(t)).find((m) => m.to === 'ola@example.no')!;
    expect(mail.subject).toContain('Stadfest');
    const link = /https?:\/\/\S+/.exec(mail.text)![0].replace(/^https?:\/\/[^/]+/, '');
    const landing = await page(link);
    expect(landing.statusCode).toBe(200);
    expect(landing.body).toContain(`action="${base}/bekreft"`);
    expect(landing.headers['cache-control']).toBe('no-store'); // the address carries the secret
    expect((await comments()).unconfirmed).toBe(1); // opening the link files nothing
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const confirmed = await form(`${base}/bekreft`, { token });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`${base}/${consultationId}?confirmed=1`);
    expect((await comments()).items).toEqual([expect.objectContaining({ status: 'filed' })]);
    expect((await form(`${base}/bekreft`, { token: 'y'.repeat(32) })).statusCode).toBe(404);
    expect((await page(`${base}/bekreft?token=kort`)).statusCode).toBe(404);
  });

  it('after the deadline shows no form and refuses a late post and a late confirmation, writing nothing', async () => {
    await form(`${base}/${consultationId}/uttalelse`, { authorName: 'Sen Person', email: 'sen@example.no', text: 'Like før fristen.' });
    const mail = (await sentMail(t)).find((m) => m.to === 'sen@example.no')!;
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    t.clock.advance(8 * DAY);
    await t.settle();
    const before = await installationSnapshot(t);
    const late = await form(`${base}/${consultationId}/uttalelse`, { authorName: 'Ola', email: 'ola@example.no', text: 'For sent' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Fristen har gått ut');
    expect((await form(`${base}/bekreft`, { token })).statusCode).toBe(409);
    expect(await installationSnapshot(t)).toEqual(before);
    const shown = await page(`${base}/${consultationId}`);
    expect(shown.body).not.toContain('/uttalelse"');
    expect((await page(base)).body).toContain('Avsluttede høringer');
  });
});
