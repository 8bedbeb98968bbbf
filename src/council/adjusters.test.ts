// SPDX-License-Identifier: EUPL-1.2
// Justering (Sweden): the appeal window's last day (three weeks after the posting, moved to the next
// working day), and the flow: appoint the adjusters among those present, each signs (the secretariat
// on their behalf, recorded), the last signature adjusts and publishes the minutes with the notice.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { calendarFor } from '../common/calendar/working-days.ts';
import { appealClosesOn } from './adjusters.ts';
import { createDecisionsRadhus, heldMeeting, type HeldMeeting } from './decisions-fixture.ts';
import { secretariatHeaders } from './test-support.ts';

describe('the appeal window (kommunallagen 13 kap. 5 §)', () => {
  const se = calendarFor('SE');
  it('closes three weeks after the posting, or on the next working day', () => {
    expect(appealClosesOn('2026-06-01', se)).toBe('2026-06-22'); // a Monday: as it falls
    expect(appealClosesOn('2026-05-29', se)).toBe('2026-06-22'); // Friday 19 June is midsommarafton
    expect(appealClosesOn('2026-12-03', se)).toBe('2026-12-28'); // julafton, juldagen, annandagen, a weekend
    expect(appealClosesOn('2026-03-07', se)).toBe('2026-03-30'); // posted on a Saturday: ends on one, moved to Monday
    expect(appealClosesOn('2026-06-01', calendarFor('SE', ['2026-06-22']))).toBe('2026-06-23'); // the municipality's closed day
  });
});

let t: TestRadhus;
let tenant: Tenant;
let m: HeldMeeting;
let headers: Record<string, string>;

beforeAll(async () => {
  t = await createDecisionsRadhus();
  tenant = await t.tenant({ country: 'SE' });
  m = await heldMeeting(t, tenant, { items: 1, body: { name: 'Kommunfullmäktige', adjustersRequired: 2 } });
  headers = await secretariatHeaders(t, tenant);
}, 120_000);
afterAll(() => t?.close());

const call = (method: 'POST' | 'PUT', path: string, payload?: object, h = headers) =>
  t.app.inject({ method, url: `/api/v1/${tenant.slug}/council${path}`, headers: h, ...(payload ? { payload } : {}) });

describe(`justering (${testEngine()})`, () => {
  it('appoints adjusters among those present, then each signs; the last signature adjusts the minutes and sets the appeal window', async () => {
    const meeting = m.meeting.id;
    const [m0, , , m3] = m.present as [string, string, string, string, string];
    const appoint = (personIds: string[]) => call('PUT', `/meetings/${meeting}/adjusters`, { personIds });
    const codes = async (personIds: string[]) => ((await appoint(personIds)).json() as { errors: { field: string; code: string }[] }).errors.map((e) => `${e.field}:${e.code}`);
    expect(await codes([m0])).toEqual(['personIds:tooFew']);
    expect(await codes([m0, m0])).toEqual(['personIds.1:duplicate']);
    expect(await codes([m0, m.members[4]!.id])).toEqual(['personIds.1:notPresent']);
    expect(Number((await sql<{ n: string }>`select count(*) as n from council_adjusters`.execute(t.ctx.db.kysely)).rows[0]!.n)).toBe(0);
    expect((await appoint([m0, m3])).statusCode).toBe(200);

    // Not before the minutes are approved.
    expect((await call('POST', `/meetings/${meeting}/adjusters/${m0}/signature`)).statusCode).toBe(409);
    expect((await call('POST', `/meetings/${meeting}/minutes`)).statusCode).toBe(201);
    // A politician who is not this adjuster may not sign for them; a non-adjuster cannot sign at all.
    const politician = { authorization: `Bearer ${await t.token(tenant, 'politician')}` };
    expect((await call('POST', `/meetings/${meeting}/adjusters/${m0}/signature`, undefined, politician)).statusCode).toBe(403);
    expect((await call('POST', `/meetings/${meeting}/adjusters/${m.present[1]}/signature`)).json()).toMatchObject({ errors: [{ code: 'notAdjuster' }] });

    // Wednesday 3 June 2026 at 10:00 Stockholm time.
    t.clock.set('2026-06-03T08:00:00Z');
    const first = await call('POST', `/meetings/${meeting}/adjusters/${m0}/signature`);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ minutesStatus: 'approved', waitingFor: [m3] });
    expect((first.json() as { signedBy: string }).signedBy).toMatch(/\(on behalf\)$/);
    expect((await call('POST', `/meetings/${meeting}/adjusters/${m0}/signature`)).statusCode).toBe(409);
    const appointAfter = await appoint([m0, m3]);
    expect(appointAfter.statusCode).toBe(409);

    const last = await call('POST', `/meetings/${meeting}/adjusters/${m3}/signature`);
    expect(last.json()).toMatchObject({ minutesStatus: 'adjusted', waitingFor: [], noticePostedOn: '2026-06-03', appealClosesOn: '2026-06-24' });
    const [row] = (await sql<{ minutes_status: string; notice_posted_on: string; appeal_closes_on: string }>`select minutes_status, to_char(notice_posted_on, 'YYYY-MM-DD') as notice_posted_on, to_char(appeal_closes_on, 'YYYY-MM-DD') as appeal_closes_on from council_meetings where id = ${meeting}`.execute(t.ctx.db.kysely)).rows;
    expect(row).toEqual({ minutes_status: 'adjusted', notice_posted_on: '2026-06-03', appeal_closes_on: '2026-06-24' });
    const signed = (await sql<{ signed_by: string }>`select signed_by from council_adjusters where meeting_id = ${meeting} and signed_at is not null`.execute(t.ctx.db.kysely)).rows;
    expect(signed).toHaveLength(2);
    const event = await sql<{ n: string }>`select count(*) as n from outbox where event_type = 'council.meeting.changed' and payload->>'meetingId' = ${meeting} and created_at = ${t.clock.now()}`.execute(t.ctx.db.kysely);
    expect(Number(event.rows[0]!.n)).toBe(2);

    // The projection publishes the adjusted minutes and puts the notice on the notice board.
    await t.settle();
    const [notice] = (await sql<{ kind: string; posted_on: string; appeal_closes_on: string }>`select kind, to_char(posted_on, 'YYYY-MM-DD') as posted_on, to_char(appeal_closes_on, 'YYYY-MM-DD') as appeal_closes_on from public_council_notices where meeting_id = ${meeting} and kind = 'minutes'`.execute(t.ctx.db.kysely)).rows;
    expect(notice).toEqual({ kind: 'minutes', posted_on: '2026-06-03', appeal_closes_on: '2026-06-24' });
    // And the diarium lists the adjusted minutes' PDF with their entry.
    const files = (await sql<{ n: number }>`select count(*)::int as n from public_documents d join council_meetings m on m.minutes_entry_id = d.registry_entry_id where m.id = ${meeting}`.execute(t.ctx.db.kysely)).rows[0]!.n;
    expect(files).toBe(1);
    const [published] = (await sql<{ minutes_published_at: Date | null }>`select minutes_published_at from public_council_meetings where id = ${meeting}`.execute(t.ctx.db.kysely)).rows;
    expect(published!.minutes_published_at).toEqual(t.clock.now());
  });
});
