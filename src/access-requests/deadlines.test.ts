// SPDX-License-Identifier: EUPL-1.2
// Deadlines in working days of the municipality's calendar (holidays and closed days skipped), the
// reminder the day before, the queue with overdue requests first, who may do what, and that a
// refused request writes nothing: no row, no event, no mail, no number.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import { grantLocalRole, upsertUser } from '../identity/users.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { accessRequestStatistics } from './service.ts';
import { call, publishedLetter, sentMail, type Published } from './test-support.ts';

type Json = Record<string, any>;
let t: TestRadhus;
let no: Published;
let se: Published;

beforeAll(async () => {
  t = await createTestRadhus();
  no = await publishedLetter(t);
  se = await publishedLetter(t, { country: 'SE', title: 'Ansökan om bygglov' });
}, 120_000);
afterAll(() => t?.close());

/** An imported (so already received) request for one entry, at the clock's time. */
async function received(p: Published): Promise<Json> {
  const xml = `<bestilling><id>t</id><kontaktinfo><e-post>r@example.no</e-post></kontaktinfo><dokumenter><dokument><systemId>${p.entry.id}</systemId></dokument></dokumenter></bestilling>`;
  const report = await call(t, p.officer, 'POST', `/api/v1/${p.tenant.slug}/access-orders`, { xml });
  const queue = await call(t, p.officer, 'GET', `/api/v1/${p.tenant.slug}/access-requests?status=all&limit=200`);
  return queue.items.find((i: Json) => i.id === report.requests[0]);
}

async function counts(): Promise<Json> {
  const db = t.ctx.db.kysely;
  const n = async (table: string) => Number((await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  return {
    requests: await n('access_requests'), entries: await n('access_request_entries'), files: await n('access_request_files'), imports: await n('access_order_imports'),
    outbox: await n('outbox'), jobs: await n('jobs'), caseFiles: await n('case_files'), registryEntries: await n('registry_entries'), documents: await n('documents'),
    series: (await sql`select tenant_id, kind, year, last_value from number_series order by 1, 2, 3`.execute(db)).rows,
  };
}

describe(`deadlines and reminders (${testEngine()})`, () => {
  it('counts 3 working days in the municipality’s calendar: Easter in Norway and Sweden, and a closed day', async () => {
    t.clock.set('2026-03-31T09:00:00Z'); // Tuesday before Easter
    // Norway: Maundy Thursday, Good Friday and Easter Monday are holidays.
    expect((await received(no)).deadline).toBe('2026-04-08');
    // Sweden: Maundy Thursday is a working day.
    expect((await received(se)).deadline).toBe('2026-04-07');
    await call(t, { authorization: `Bearer ${await t.token(no.tenant, 'tenant-admin')}` }, 'POST', `/api/v1/${no.tenant.slug}/closed-days`, { date: '2026-04-01', reason: 'Kommunen stengt' });
    expect((await received(no)).deadline).toBe('2026-04-09');
  });

  it('reminds the unit’s members on the working day before the deadline, once, and not when decided', async () => {
    const member = await withoutTenant(t.ctx.db, async (tx) => {
      const id = await upsertUser(tx, { issuer: 'https://idp.test', subject: 'saksbehandler', name: 'Siri Saksbehandler', email: 'siri@kommune.no', identityNumber: undefined }, t.clock.now());
      await grantLocalRole(tx, no.tenant.id, id, 'case-officer', t.clock.now());
      return id;
    });
    await call(t, { authorization: `Bearer ${await t.token(no.tenant, 'tenant-admin')}` }, 'POST', `/api/v1/${no.tenant.slug}/unit-members`, { unitId: no.unit.id, userId: member });
    t.clock.set('2026-03-02T09:00:00Z'); // Monday: due Thursday, reminded Wednesday
    const open = await received(no);
    const answered = await received(no);
    expect(open.deadline).toBe('2026-03-05');
    await call(t, no.officer, 'POST', `/api/v1/${no.tenant.slug}/access-requests/${answered.id}/decision`, { outcome: 'granted' });
    const reminders = async () => (await sentMail(t)).filter((m) => m.template === 'access-requests.reminder');

    t.clock.set('2026-03-03T12:00:00Z');
    await t.settle();
    expect(await reminders()).toHaveLength(0);
    t.clock.set('2026-03-04T07:00:01Z');
    await t.settle();
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: 'siri@kommune.no' });
    expect(sent[0]!.subject).toContain('2026-03-05');
    const queue = await call(t, no.officer, 'GET', `/api/v1/${no.tenant.slug}/access-requests`);
    expect(queue.items.find((i: Json) => i.id === open.id).remindedAt).not.toBeNull();
    await t.settle();
    expect(await reminders()).toHaveLength(1);
  });

  it('lists overdue requests first, and only the caller’s units when asked', async () => {
    t.clock.set('2026-03-09T09:00:00Z');
    const queue = await call(t, no.officer, 'GET', `/api/v1/${no.tenant.slug}/access-requests`);
    const firstNotOverdue = queue.items.findIndex((i: Json) => !i.overdue);
    expect(queue.items.some((i: Json) => i.overdue)).toBe(true);
    expect(queue.items.slice(firstNotOverdue === -1 ? queue.items.length : firstNotOverdue).every((i: Json) => !i.overdue)).toBe(true);
    const deadlines = queue.items.filter((i: Json) => i.overdue).map((i: Json) => i.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    // A token is in no unit: "my units" is nothing.
    expect((await call(t, no.officer, 'GET', `/api/v1/${no.tenant.slug}/access-requests?myUnits=true`)).items).toEqual([]);
  });
});

describe(`statistics (${testEngine()})`, () => {
  it('counts per month: received, answered, answered in time, median answer time', async () => {
    t.clock.set('2026-06-01T08:00:00Z');
    const late = await received(no);
    const quick = await received(no);
    t.clock.set('2026-06-01T10:00:00Z');
    await call(t, no.officer, 'POST', `/api/v1/${no.tenant.slug}/access-requests/${quick.id}/decision`, { outcome: 'granted' });
    t.clock.set('2026-06-10T08:00:00Z');
    await call(t, no.officer, 'POST', `/api/v1/${no.tenant.slug}/access-requests/${late.id}/decision`, { outcome: 'refused', legalBasis: 'Offl. § 13' });
    const stats = await withTenant(t.ctx.db, { tenantId: no.tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, (tx) => accessRequestStatistics(tx, 'NO'));
    const june = stats.find((s) => s.month === '2026-06')!;
    expect(june).toEqual({ month: '2026-06', received: 2, answered: 2, answeredInTime: 1, shareInTime: 0.5, medianHours: 109 });
  });
});

describe(`refusals (${testEngine()})`, () => {
  it('checks roles: anonymous 401, citizens and politicians 403, another municipality’s request 404', async () => {
    const request = await received(no);
    const url = `/api/v1/${no.tenant.slug}/access-requests`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    for (const role of ['citizen', 'politician', 'tenant-admin'] as const) {
      const headers = { authorization: `Bearer ${await t.token(no.tenant, role)}` };
      expect((await t.app.inject({ method: 'GET', url, headers })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'POST', url: `${url}/${request.id}/decision`, headers, payload: { outcome: 'granted' } })).statusCode).toBe(403);
    }
    const before = await counts();
    const foreign = await t.app.inject({ method: 'POST', url: `/api/v1/${se.tenant.slug}/access-requests/${request.id}/decision`, headers: se.officer, payload: { outcome: 'granted' } });
    expect(foreign.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('bad input writes nothing: no row, no event, no mail, no number', async () => {
    const request = await received(no);
    const before = await counts();
    const bad: Array<[string, string, object, Record<string, string>, number]> = [
      ['POST', '/api/v1/access-requests', { entries: [no.caseFile.id], email: 'x@example.no' }, {}, 400],
      ['POST', '/api/v1/access-requests', { entries: [no.entry.id, no.entry.id], email: 'not-an-address' }, {}, 400],
      ['POST', '/api/v1/access-requests', { entries: [] }, {}, 400],
      ['POST', `/api/v1/${no.tenant.slug}/access-requests/${request.id}/decision`, { outcome: 'partly-granted', legalBasis: 'Offl. § 13' }, no.officer, 400],
      ['POST', `/api/v1/${no.tenant.slug}/access-requests/${request.id}/decision`, { outcome: 'partly-granted', legalBasis: 'Offl. § 13', redactedCopies: [{ fileName: 'a.pdf', mimeType: 'application/pdf', content: '!!notbase64' }] }, no.officer, 400],
      ['POST', `/api/v1/${no.tenant.slug}/access-requests/${request.id}/decision`, { outcome: 'granted', redactedCopies: [{ fileName: 'a.pdf', mimeType: 'application/pdf', content: 'QUJD' }] }, no.officer, 400],
      ['POST', `/api/v1/${no.tenant.slug}/access-requests/${request.id}/decision`, { outcome: 'maybe' }, no.officer, 400],
      ['POST', `/api/v1/${no.tenant.slug}/access-orders`, { xml: '<!DOCTYPE x [<!ENTITY a "b">]><bestilling/>' }, no.officer, 400],
      ['POST', `/api/v1/${no.tenant.slug}/access-orders`, { xml: '<bestilling><dokumenter><dokument><journalnr>1</journalnr></dokument></dokumenter></bestilling>' }, no.officer, 400],
      ['POST', `/api/v1/${no.tenant.slug}/access-orders`, { message: 'Subject: hei\n\nno order here' }, no.officer, 400],
      ['POST', `/api/v1/access-requests/${request.orderId}/confirm`, { key: 'x', token: 'y' }, {}, 404],
      ['POST', `/api/v1/access-requests/${request.orderId}/appeals`, { key: 'x', requestId: request.id, reason: 'r' }, {}, 404],
    ];
    for (const [method, url, payload, headers, status] of bad) {
      const res = await t.app.inject({ method: method as 'POST', url, payload, headers });
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}: ${res.body}`).toBe(status);
      expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    }
    expect(await counts()).toEqual(before);
    // The request is untouched and can still be decided.
    const decided = await call(t, no.officer, 'POST', `/api/v1/${no.tenant.slug}/access-requests/${request.id}/decision`, { outcome: 'granted' });
    expect(decided.status).toBe('decided');
  });

  it('never shows a screened word of an entry to the public, in the answer or the mail', async () => {
    const secret = await publishedLetter(t, { title: 'Søknad fra Hemmeligsen om skjenkebevilling', screenedWord: 'Hemmeligsen' });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/access-requests', payload: { entries: [secret.entry.id], email: 'nysgjerrig@example.no' } });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain('Hemmeligsen');
    expect(res.json().requests[0].entries[0].publicTitle).toBe('Søknad fra ***** om skjenkebevilling');
    const mails = (await sentMail(t)).filter((m) => m.to === 'nysgjerrig@example.no');
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) expect(`${m.subject} ${m.text}`).not.toContain('Hemmeligsen');
  });
});
