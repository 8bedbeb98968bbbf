// SPDX-License-Identifier: EUPL-1.2
// The meeting record through the API: a split vote with each member's vote and the party they sat
// for, and every bad input of issue 10 §5 refused with a clear 4xx that writes nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createDecisionsRadhus, heldMeeting, type HeldMeeting } from './decisions-fixture.ts';
import { secretariatHeaders } from './test-support.ts';

let t: TestRadhus;
let tenant: Tenant;
let other: Tenant;
let m: HeldMeeting;
let headers: Record<string, string>;

beforeAll(async () => {
  t = await createDecisionsRadhus();
  tenant = await t.tenant({ country: 'NO' });
  other = await t.tenant({ country: 'NO' });
  m = await heldMeeting(t, tenant);
  headers = await secretariatHeaders(t, tenant);
}, 120_000);
afterAll(() => t?.close());

const call = (method: 'POST' | 'PUT', path: string, payload?: object, h = headers, slug = tenant.slug) =>
  t.app.inject({ method, url: `/api/v1/${slug}/council${path}`, headers: h, ...(payload ? { payload } : {}) });

const counts = async () => {
  const n = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.ctx.db.kysely)).rows[0]!.n);
  return { votes: await n('council_votes'), counts: await n('council_vote_counts'), ballots: await n('council_ballots'), proposals: await n('council_proposals'), reservations: await n('council_reservations'), disqualifications: await n('council_disqualifications'), outbox: await n('outbox') };
};

describe(`council decisions (${testEngine()})`, () => {
  it('records proposals, a split vote with each member’s vote and party, the decision and a reservation', async () => {
    const [a, b] = m.parties;
    const item = m.items[0]!.id;
    const changed = async () => Number((await sql<{ n: string }>`select count(*) as n from outbox where event_type = 'council.meeting.changed' and payload->>'meetingId' = ${m.meeting.id}`.execute(t.ctx.db.kysely)).rows[0]!.n);
    const eventsBefore = await changed();
    const recommendation = await call('POST', `/agenda-items/${item}/proposals`, { kind: 'recommendation', text: 'Kommunedirektørens innstilling vedtas.' });
    expect(recommendation.statusCode).toBe(201);
    const proposal = await call('POST', `/agenda-items/${item}/proposals`, { kind: 'proposal', text: 'Saken utsettes.', proposerPersonId: m.members[3]!.id, partyId: b!.id });
    expect(proposal.json()).toMatchObject({ position: 2, kind: 'proposal', partyId: b!.id });

    const [m0, m1, m2, m3, subB] = m.present as [string, string, string, string, string];
    const vote = await call('POST', `/agenda-items/${item}/votes`, {
      subject: 'Innstillingen mot utsettelsesforslaget', method: 'roll-call', outcome: 'proposal-1',
      counts: [
        { option: 'proposal-1', label: 'Innstillingen', count: 3, proposalId: recommendation.json().id },
        { option: 'proposal-2', label: 'Utsettelse', count: 2, proposalId: proposal.json().id },
      ],
      ballots: [m0, m1, m2].map((personId) => ({ personId, option: 'proposal-1' })).concat([m3, subB].map((personId) => ({ personId, option: 'proposal-2' }))),
    });
    expect(vote.statusCode).toBe(201);
    const ballots = (vote.json() as { ballots: { personId: string; partyId: string }[] }).ballots;
    // The substitute sat for the second party, the member they met for.
    expect(ballots.find((x) => x.personId === subB)!.partyId).toBe(b!.id);
    expect(ballots.filter((x) => x.partyId === a!.id)).toHaveLength(3);

    expect((await call('PUT', `/agenda-items/${item}/decision`, { text: 'Innstillingen vedtas med 3 mot 2 stemmer.' })).statusCode).toBe(200);
    const reservation = await call('POST', `/agenda-items/${item}/reservations`, { partyId: b!.id, text: 'Vi reserverer oss.' });
    expect(reservation.statusCode).toBe(201);
    const row = await sql<{ decision_text: string }>`select decision_text from council_agenda_items where id = ${item}`.execute(t.ctx.db.kysely);
    expect(row.rows[0]!.decision_text).toBe('Innstillingen vedtas med 3 mot 2 stemmer.');
    expect((await changed()) - eventsBefore).toBe(5);
  });

  it('refuses votes that do not add up, a member voting twice, a disqualified or absent member, ballots that disagree, and another municipality’s item, writing nothing', async () => {
    const item = m.items[1]!.id;
    const [m0, m1, m2, m3, subB] = m.present as [string, string, string, string, string];
    expect((await call('POST', `/agenda-items/${item}/disqualifications`, { personId: m1, reason: 'Styreleder i søkerselskapet' })).statusCode).toBe(201);
    const before = await counts();
    const vote = (body: object) => call('POST', `/agenda-items/${item}/votes`, { subject: 'Avstemning', method: 'roll-call', outcome: 'for', ...body });
    const forAgainst = (yes: number, no: number) => [{ option: 'for', label: 'For', count: yes }, { option: 'against', label: 'Mot', count: no }];
    const codes = async (body: object) => {
      const res = await vote(body);
      return { status: res.statusCode, codes: ((res.json() as { errors?: { field: string; code: string }[] }).errors ?? []).map((e) => `${e.field}:${e.code}`) };
    };
    // Five present, one disqualified: four may vote.
    expect(await codes({ counts: forAgainst(3, 2) })).toEqual({ status: 400, codes: ['counts:votesDoNotAddUp'] });
    expect(await codes({ counts: forAgainst(3, 1), ballots: [m0, m2, m0, m3].map((personId) => ({ personId, option: 'for' })) })).toMatchObject({ status: 400, codes: expect.arrayContaining(['ballots.2.personId:votedTwice']) });
    expect(await codes({ counts: forAgainst(3, 1), ballots: [{ personId: m0, option: 'for' }, { personId: m1, option: 'for' }, { personId: m2, option: 'for' }, { personId: subB, option: 'against' }] })).toEqual({ status: 400, codes: ['ballots.1.personId:disqualified'] });
    expect(await codes({ counts: forAgainst(3, 1), ballots: [{ personId: m0, option: 'for' }, { personId: m.members[4]!.id, option: 'for' }, { personId: m2, option: 'for' }, { personId: subB, option: 'against' }] })).toEqual({ status: 400, codes: ['ballots.1.personId:notPresent'] });
    expect(await codes({ counts: forAgainst(3, 1), ballots: [m0, m2, m3, subB].map((personId) => ({ personId, option: 'against' })) })).toEqual({ status: 400, codes: ['ballots:ballotsDisagree'] });
    expect(await codes({ counts: forAgainst(4, 0), outcome: 'blank' })).toEqual({ status: 400, codes: ['outcome:notAllowed'] });
    expect(await codes({ counts: forAgainst(2, 2), method: 'secret', ballots: [{ personId: m0, option: 'for' }] })).toMatchObject({ status: 400, codes: expect.arrayContaining(['ballots:notAllowed']) });
    // Another municipality's item is not found there; its secretariat gets 404 and writes nothing.
    const otherHeaders = await secretariatHeaders(t, other);
    expect((await call('POST', `/agenda-items/${item}/votes`, { subject: 'x', method: 'show-of-hands', outcome: 'for', counts: forAgainst(4, 0) }, otherHeaders, other.slug)).statusCode).toBe(404);
    expect((await call('POST', `/agenda-items/${item}/proposals`, { kind: 'proposal', text: 'x' }, otherHeaders, other.slug)).statusCode).toBe(404);
    expect((await call('POST', `/agenda-items/${item}/proposals`, { kind: 'proposal', text: 'x', proposerPersonId: '0190aaaa-0000-7000-8000-000000000000' })).json()).toMatchObject({ code: 'validation', errors: [{ field: 'proposerPersonId', code: 'notFound' }] });
    // A case officer may not record.
    const officer = { authorization: `Bearer ${await t.token(tenant, 'case-officer')}` };
    expect((await call('POST', `/agenda-items/${item}/votes`, { subject: 'x', method: 'show-of-hands', outcome: 'for', counts: forAgainst(4, 0) }, officer)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);

    // The same vote, right: accepted.
    const ok = await vote({ counts: forAgainst(3, 1), ballots: [m0, m2, m3].map((personId) => ({ personId, option: 'for' })).concat([{ personId: subB, option: 'against' }]) });
    expect(ok.statusCode).toBe(201);
  });
});
