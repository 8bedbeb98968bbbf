// SPDX-License-Identifier: EUPL-1.2
// Following the council on the real app: the form refuses what it cannot follow and writes nothing;
// a follow mails nothing until confirmed; then the consumer of council.meeting.changed mails the
// agenda and the minutes once each (however often the event comes); the follow's Atom feed; the
// cancel link stops it. The meetings are real council data made through the council's service: the
// summons makes the agenda public and the approved minutes are published, both by the real projection.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sentMail } from '../access-requests/test-support.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { writeEvent } from '../platform/outbox.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createAgendaItem, createBody, createMeeting, inCouncil, publishSummons, secretariatHeaders, smallCouncil } from '../council/test-support.ts';
import * as council from '../council/service.ts';

let t: TestRadhus;
let tenant: Tenant;
let meetingId: string;
let otherMeetingId: string;
let caseNumber: string;
let day: string;
const actor = { kind: 'cli' as const, id: 'test', name: 'test' };

const form = (fields: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/${tenant.slug}/politikk/folg`, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: new URLSearchParams(fields).toString() });
const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
const mailsTo = async (to: string, template: string) => (await sentMail(t)).filter((m) => m.to === to && m.template === template);
/**
 * The mails once `n` have come. On PostgreSQL an event waits for every older transaction of the
 * server (other test databases' too) before it is dispatched, so one settle may return early.
 */
async function mailsOnce(to: string, template: string, n: number) {
  await expect.poll(async () => { await t.settle(); return (await mailsTo(to, template)).length; }, { timeout: 15_000, interval: 200 }).toBe(n);
  await t.settle();
  const mails = await mailsTo(to, template);
  expect(mails).toHaveLength(n); // and no more
  return mails;
}
const follows = async () => (await sql<{ n: number }>`select count(*)::int as n from council_follows`.execute(t.ctx.db.kysely)).rows[0]!.n;

async function changed(id: string): Promise<void> {
  await withTenant(t.ctx.db, { tenantId: tenant.id, actor }, (tx) => writeEvent(tx, { tenantId: tenant.id, type: 'council.meeting.changed', aggregateType: 'council-meeting', aggregateId: id, payload: { meetingId: id }, at: t.clock.now() }));
  await t.settle();
}

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ name: 'Fjordvik kommune', country: 'NO' });
  const small = await smallCouncil(t, tenant, { body: { code: 'kommunestyret', name: 'Kommunestyret' } });
  const planning = await createBody(t, tenant, { code: 'planutvalget', name: 'Planutvalget', kind: 'committee' });
  const created = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/case-files`, headers: { authorization: `Bearer ${await t.token(tenant, 'case-officer')}` }, payload: { title: 'Ny brannstasjon' } });
  expect(created.statusCode, created.body).toBe(201);
  caseNumber = created.json().caseNumber;
  // Tomorrow: the summons is late, so the agenda is public at once.
  const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
  day = startsAt.slice(0, 10);
  meetingId = (await createMeeting(t, tenant, { bodyId: small.body.id, startsAt })).id;
  await createAgendaItem(t, tenant, meetingId, { caseFileId: created.json().id, itemNumber: 'PS 1/26' });
  otherMeetingId = (await createMeeting(t, tenant, { bodyId: planning.id, startsAt })).id;
  await createAgendaItem(t, tenant, otherMeetingId, { title: 'Reguleringsplan for hamna', itemNumber: 'PS 2/26' });
  for (const id of [meetingId, otherMeetingId]) await publishSummons(t, tenant, id, { late: true });
  await t.settle();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

it('refuses what it cannot follow, by field, and writes nothing', async () => {
  const bad = await form({ email: 'ikkje-ei-adresse', kind: 'body', target: 'kommunestyret' });
  expect(bad.statusCode).toBe(400);
  expect((await form({ email: 'a@example.no', kind: 'party', target: 'x' })).statusCode).toBe(400);
  expect((await form({ email: 'a@example.no', kind: 'body', target: 'ukjent' })).statusCode).toBe(400);
  expect((await form({ email: 'a@example.no', kind: 'person', target: 'ikkje-ein-id' })).statusCode).toBe(400);
  expect(await follows()).toBe(0);
  expect(await sentMail(t)).toHaveLength(0);
});

it('follow a body: confirmed by link, the agenda and the minutes mailed once each, its own Atom feed, cancelled by link', async () => {
  const posted = await form({ email: 'journalist@example.no', kind: 'body', target: 'kommunestyret', language: 'nn' });
  expect(posted.statusCode).toBe(303);
  expect(posted.headers.location).toBe(`/${tenant.slug}/politikk?follow=pending`);
  expect((await t.app.inject({ url: posted.headers.location as string, headers: { accept: 'text/html' } })).body).toContain('Sjekk e-posten din');
  const [confirm] = await mailsTo('journalist@example.no', 'council-site.follow-confirm');
  expect(confirm!.subject).toBe('Stadfest at du vil følgje Kommunestyret i Fjordvik kommune');
  // Not confirmed: nothing.
  await changed(meetingId);
  expect(await mailsTo('journalist@example.no', 'council-site.follow-news')).toHaveLength(0);

  const confirmUrl = /https?:\/\/\S+\/bekreft\?key=\S+/.exec(confirm!.text)![0];
  expect((await t.app.inject({ url: pathOf(confirmUrl).replace(/key=.*/, 'key=gjett') })).statusCode).toBe(404);
  const confirmed = await t.app.inject({ url: pathOf(confirmUrl) });
  expect(confirmed.statusCode).toBe(303);
  expect(confirmed.headers.location).toBe(`/${tenant.slug}/politikk?follow=confirmed`);

  await changed(meetingId);
  await changed(meetingId);
  await changed(otherMeetingId);
  let news = await mailsOnce('journalist@example.no', 'council-site.follow-news', 1);
  expect(news[0]!.text).toContain(`Sakskart publisert: Kommunestyret ${day}`);
  expect(news[0]!.text).toContain(`/${tenant.slug}/politikk/mote/${meetingId}`);

  // The minutes are published: one more mail, once.
  t.clock.advance(2 * 86_400_000);
  await inCouncil(t, tenant, (tx, c) => council.markHeld(tx, c, meetingId));
  const approved = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/council/meetings/${meetingId}/minutes`, headers: await secretariatHeaders(t, tenant) });
  expect(approved.statusCode, approved.body).toBe(201);
  await changed(meetingId);
  await changed(meetingId);
  news = await mailsOnce('journalist@example.no', 'council-site.follow-news', 2);
  expect(news[1]!.text).toContain(`Protokoll publisert: Kommunestyret ${day}`);

  const cancelUrl = /https?:\/\/\S+\/avslutt\?key=\S+/.exec(news[1]!.text)![0];
  const atom = await t.app.inject({ url: pathOf(cancelUrl).replace('/avslutt?', '/atom?') });
  expect(atom.statusCode).toBe(200);
  const dir = mkdtempSync(join(tmpdir(), 'atom-'));
  writeFileSync(join(dir, 'feed.xml'), atom.body);
  execFileSync('xmllint', ['--noout', join(dir, 'feed.xml')]);
  expect(atom.body.match(/<entry>/g)).toHaveLength(2);
  expect(atom.body).not.toContain(otherMeetingId);

  expect((await t.app.inject({ url: pathOf(cancelUrl) })).headers.location).toBe(`/${tenant.slug}/politikk?follow=cancelled`);
  expect((await t.app.inject({ url: pathOf(cancelUrl).replace('/avslutt?', '/atom?') })).statusCode).toBe(404);
});

it('follow a keyword and a case: only meetings whose open items match', async () => {
  for (const [kind, target] of [['keyword', 'hamna'], ['case', caseNumber]] as const) {
    await form({ email: `${kind}@example.no`, kind, target });
    const [confirm] = await mailsTo(`${kind}@example.no`, 'council-site.follow-confirm');
    await t.app.inject({ url: pathOf(/https?:\/\/\S+\/bekreft\?key=\S+/.exec(confirm!.text)![0]) });
  }
  await changed(meetingId);
  await changed(otherMeetingId);
  const keyword = await mailsOnce('keyword@example.no', 'council-site.follow-news', 1);
  expect(keyword[0]!.text).toContain(otherMeetingId);
  const byCase = await mailsOnce('case@example.no', 'council-site.follow-news', 2);
  expect(byCase.map((m) => m.text.includes(meetingId))).toEqual([true, true]); // agenda and minutes
});
