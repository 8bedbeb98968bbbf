// SPDX-License-Identifier: EUPL-1.2
// E-mail alerts on the real app: subscribe with the postliste's form → no alert mail until the link
// confirms it → a new matching entry is mailed with a cancel link → the cancel link stops them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, publishedLetter, sentMail, type Published } from '../access-requests/test-support.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { ALERT_INTERVAL_MS } from './service.ts';

let t: TestRadhus;
let a: Published;

const form = (slug: string, fields: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/${slug}/postliste/varsel`, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: new URLSearchParams(fields).toString() });

async function newLetter(title: string): Promise<void> {
  t.clock.set(new Date(t.clock.now().getTime() + 60_000).toISOString());
  await call(t, a.officer, 'POST', `/api/v1/${a.tenant.slug}/case-files/${a.caseFile.id}/registry-entries`, { type: 'incoming', title, correspondents: [{ name: 'Byggmester Hansen AS', kind: 'organisation', role: 'sender' }] });
  await t.settle();
}

async function later(): Promise<void> {
  t.clock.set(new Date(t.clock.now().getTime() + ALERT_INTERVAL_MS + 60_000).toISOString());
  await t.settle();
}

const alertMails = async (to: string) => (await sentMail(t)).filter((m) => m.to === to && m.template === 'journal-alerts.new');
const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

beforeAll(async () => {
  t = await createTestRadhus();
  t.clock.set('2026-03-02T08:00:00Z');
  a = await publishedLetter(t);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

it('subscribe → confirm → a new match is mailed → the cancel link stops it; nothing before confirming', async () => {
  const slug = a.tenant.slug;
  expect((await form(slug, { q: 'rammetillatelse', email: 'ikkje-ei-adresse' })).statusCode).toBe(400);
  expect((await form(slug, { email: 'journalist@example.no' })).statusCode).toBe(400);
  expect((await form(slug, { q: 'rammetillatelse', fromDate: '2026-02-30', email: 'journalist@example.no' })).statusCode).toBe(400);
  expect((await sentMail(t)).filter((m) => m.template.startsWith('journal-alerts'))).toEqual([]);

  const subscribed = await form(slug, { q: 'rammetillatelse', email: 'journalist@example.no', language: 'nn' });
  expect(subscribed.statusCode).toBe(303);
  expect(subscribed.headers.location).toBe(`/${slug}/postliste?alert=pending`);
  expect((await t.app.inject({ url: subscribed.headers.location as string, headers: { accept: 'text/html' } })).body).toContain('varselet starter når du har bekreftet');
  const confirmation = (await sentMail(t)).find((m) => m.template === 'journal-alerts.confirm' && m.to === 'journalist@example.no')!;
  const confirmUrl = /https?:\/\/\S+\/bekreft\?key=\S+/.exec(confirmation.text)![0];

  // Unconfirmed: a new match mails nothing.
  await newLetter('Ny søknad om rammetillatelse');
  await later();
  expect(await alertMails('journalist@example.no')).toEqual([]);

  expect((await t.app.inject({ url: pathOf(confirmUrl).replace(/key=\S+/, 'key=gjett') })).statusCode).toBe(404);
  const confirmed = await t.app.inject({ url: pathOf(confirmUrl) });
  expect(confirmed.statusCode).toBe(303);
  expect(confirmed.headers.location).toBe(`/${slug}/postliste?alert=confirmed`);

  await newLetter('Endra søknad om rammetillatelse');
  await newLetter('Søknad om utsleppsløyve'); // does not match
  await later();
  const mails = await alertMails('journalist@example.no');
  expect(mails).toHaveLength(1);
  expect(mails[0]!.text).toContain('Endra søknad om rammetillatelse');
  expect(mails[0]!.text).not.toContain('Ny søknad om rammetillatelse'); // published before the alert was confirmed
  expect(mails[0]!.text).not.toContain('utsleppsløyve');

  // Nothing new: no mail.
  await later();
  expect(await alertMails('journalist@example.no')).toHaveLength(1);

  const cancelUrl = /https?:\/\/\S+\/avslutt\?key=\S+/.exec(mails[0]!.text)![0];
  const cancelled = await t.app.inject({ url: pathOf(cancelUrl) });
  expect(cancelled.statusCode).toBe(303);
  expect(cancelled.headers.location).toBe(`/${slug}/postliste?alert=cancelled`);
  await newLetter('Tredje søknad om rammetillatelse');
  await later();
  expect(await alertMails('journalist@example.no')).toHaveLength(1);
});

it('a case page offers the alert for its case', async () => {
  const page = await t.app.inject({ url: `/${a.tenant.slug}/postliste/sak/${String(a.caseFile.caseNumber).replace('/', '-')}`, headers: { accept: 'text/html' } });
  expect(page.body).toContain(`action="/${a.tenant.slug}/postliste/varsel"`);
  expect(page.body).toContain(`name="caseNumber" value="${a.caseFile.caseNumber}"`);
});
