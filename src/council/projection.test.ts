// SPDX-License-Identifier: EUPL-1.2
// The council's public projection and own public API (issue 10 §1, §4): the agenda stays out until
// `agenda_public_from` (a timed job publishes it), a closed item's decision text and a politician's
// e-mail never reach public_council_* (read as radhus_public), a secret ballot shows no member and
// no party split, the plan pages with a cursor, and a replay rebuilds the same rows.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withPublic } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import { replayConsumer } from '../platform/events/replay.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createAgendaItem, createMeeting, inCouncil, publishSummons, smallCouncil, type SmallCouncil } from './test-support.ts';
import { markHeld, meetingChanged } from './meetings.ts';

let t: TestRadhus;
let tenant: Tenant;
let council: SmallCouncil;
let openItem: string;
let closedItem: string;
const DAY = 86_400_000;
const SECRET_DECISION = 'Kandidat Hemmelig Hansen tilsettes som kommunedirektør';

const get = (path: string) => t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}${path}` });
/** Everything in the public council tables, as the public role reads it. */
const publicDump = () => withPublic(t.ctx.db, async (tx) => {
  const out: Record<string, unknown[]> = {};
  for (const table of ['public_council_terms', 'public_council_parties', 'public_council_persons', 'public_council_bodies', 'public_council_memberships', 'public_council_meetings', 'public_council_agenda_items', 'public_council_notices'])
    out[table] = (await sql`select * from ${sql.table(table)} order by id`.execute(tx)).rows;
  return out;
});

/** Votes as the decisions' side records them (its services are another slice's): one roll-call, one secret. */
async function recordVotes(itemId: string, members: SmallCouncil['members'], parties: SmallCouncil['parties']): Promise<void> {
  await inCouncil(t, tenant, async (tx, c) => {
    for (const [position, method] of [[1, 'roll-call'], [2, 'secret']] as const) {
      const vote = newId();
      await sql`insert into council_votes (id, tenant_id, agenda_item_id, position, subject, method, outcome, created_at) values (${vote}, ${tenant.id}, ${itemId}, ${position}, ${`Votering ${position}`}, ${method}, 'for', ${c.at})`.execute(tx);
      await sql`insert into council_vote_counts (tenant_id, vote_id, option, label, count) values (${tenant.id}, ${vote}, 'for', 'For', 3), (${tenant.id}, ${vote}, 'against', 'Mot', 2)`.execute(tx);
      for (const [i, m] of members.entries())
        await sql`insert into council_ballots (tenant_id, vote_id, person_id, option, party_id) values (${tenant.id}, ${vote}, ${m.id}, ${i < 3 ? 'for' : 'against'}, ${m.party_id})`.execute(tx);
    }
    await sql`update council_agenda_items set decision_text = 'Økonomiplanen vedtas', decided_at = ${c.at} where id = ${itemId}`.execute(tx);
    await sql`update council_agenda_items set decision_text = ${SECRET_DECISION}, decided_at = ${c.at} where id = ${closedItem}`.execute(tx);
    await meetingChanged(tx, c, council.meeting.id);
  });
  void parties;
}

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ country: 'NO' });
  council = await smallCouncil(t, tenant, { body: { publishDaysBefore: 10 } });
  openItem = (await createAgendaItem(t, tenant, council.meeting.id, { title: 'Økonomiplan 2027–2030', itemNumber: 'PS 1/26' })).id;
  closedItem = (await createAgendaItem(t, tenant, council.meeting.id, { title: 'Tilsetting', closed: true, closedLegalBasis: 'kommuneloven § 11-5 andre ledd' })).id;
  await publishSummons(t, tenant, council.meeting.id);
  await t.settle();
}, 120_000);
afterAll(() => t?.close());

describe(`council projection and public API (${testEngine()})`, () => {
  it('the meeting is in the plan at once, its agenda only from agenda_public_from (the job publishes it)', async () => {
    const before = (await get(`/meetings/${council.meeting.id}`)).json();
    expect(before).toMatchObject({ status: 'summoned', agendaPublishedAt: null, items: [], body: { id: council.body.id, name: 'Kommunestyret' } });
    t.clock.advance(21 * DAY);
    await t.settle();
    const after = (await get(`/meetings/${council.meeting.id}`)).json();
    expect(after.agendaPublishedAt).toBe(new Date(council.meeting.starts_at.getTime() - 10 * DAY).toISOString());
    expect(after.items.map((i: { itemNumber: string; closed: boolean }) => `${i.itemNumber}${i.closed ? ' (closed)' : ''}`)).toEqual(['PS 1/26', '2 (closed)']);
  });

  it('a closed item’s decision text and a politician’s e-mail never reach public_council_* (as radhus_public); a secret ballot shows no member', async () => {
    t.clock.advance(10 * DAY);
    await inCouncil(t, tenant, (tx, c) => markHeld(tx, c, council.meeting.id));
    await recordVotes(openItem, council.members, council.parties);
    await t.settle();
    const dump = JSON.stringify(await publicDump());
    expect(dump).not.toContain(SECRET_DECISION);
    expect(dump).not.toContain('Hemmelig');
    expect(dump).not.toMatch(/@example\.org/);
    expect(dump).toContain('Økonomiplanen vedtas');
    const closed = (await get(`/agenda-items/${closedItem}/decision`)).json();
    expect(closed).toMatchObject({ closed: true, decisionText: null, votes: [], proposals: [], closedLegalBasis: 'kommuneloven § 11-5 andre ledd' });

    const decision = (await get(`/agenda-items/${openItem}/decision`)).json();
    expect(decision.decisionText).toBe('Økonomiplanen vedtas');
    const [rollCall, secret] = decision.votes;
    expect(rollCall.counts).toEqual([{ option: 'against', label: 'Mot', count: 2 }, { option: 'for', label: 'For', count: 3 }]);
    const [ap, h] = council.parties;
    expect(rollCall.parties).toEqual(expect.arrayContaining([{ party: { id: ap!.id, code: ap!.code, name: ap!.name }, option: 'for', count: 3 }, { party: { id: h!.id, code: h!.code, name: h!.name }, option: 'against', count: 2 }]));
    expect(rollCall.members).toHaveLength(5);
    expect(rollCall.members[0]).toEqual({ person: { id: expect.any(String), name: expect.stringMatching(/^Kari /) }, party: expect.objectContaining({ id: expect.any(String) }), option: expect.any(String) });
    expect(secret).toMatchObject({ method: 'secret', members: [], parties: [], counts: rollCall.counts });
    const secretRows = await withPublic(t.ctx.db, async (tx) => (await sql<{ votes: { method: string; ballots: unknown[] }[] }>`select votes from public_council_agenda_items where id = ${openItem}`.execute(tx)).rows[0]!.votes);
    expect(secretRows.find((v) => v.method === 'secret')!.ballots).toEqual([]);
  });

  it('the plan: filters by body and time and pages with a cursor; a bad cursor is refused', async () => {
    for (const days of [40, 50, 60]) await createMeeting(t, tenant, { bodyId: council.body.id, startsAt: new Date(t.clock.now().getTime() + days * DAY).toISOString() });
    await t.settle();
    const first = (await get(`/meetings?body=${council.body.id}&limit=2`)).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0].id).toBe(council.meeting.id);
    const second = (await get(`/meetings?body=${council.body.id}&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((m: { id: string }) => m.id)).size).toBe(4);
    const later = (await get(`/meetings?from=${encodeURIComponent(new Date(t.clock.now().getTime() + 45 * DAY).toISOString())}`)).json();
    expect(later.items).toHaveLength(2);
    const bad = await get(`/meetings?body=${council.body.id}&limit=2&cursor=${first.nextCursor}x`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'cursor', code: 'invalidCursor' });
    const elsewhere = await t.tenant();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/${elsewhere.slug}/meetings/${council.meeting.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/${elsewhere.slug}/agenda-items/${openItem}/decision` })).statusCode).toBe(404);
  });

  it('a replay rebuilds the same meetings and items', async () => {
    const before = await publicDump();
    await replayConsumer(t.ctx, 'council-projection');
    const after = await publicDump();
    expect(after.public_council_meetings).toEqual(before.public_council_meetings);
    expect(after.public_council_agenda_items).toEqual(before.public_council_agenda_items);
    expect(after.public_council_persons).toEqual(before.public_council_persons);
  });
});

describe(`council projection follows the archive (${testEngine()})`, () => {
  it('screening the case later screens the agenda item’s public title too', async () => {
    const officer = { authorization: `Bearer ${await t.token(tenant, 'case-officer')}` };
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/case-files`, headers: officer, payload: { title: 'Skjenkebevilling Svein Hemmeligsen' } });
    const meeting = await createMeeting(t, tenant, { bodyId: council.body.id, startsAt: new Date(t.clock.now().getTime() + 2 * DAY).toISOString() });
    await createAgendaItem(t, tenant, meeting.id, { caseFileId: created.json().id });
    await publishSummons(t, tenant, meeting.id, { late: true });
    await t.settle();
    expect(JSON.stringify((await get(`/meetings/${meeting.id}`)).json().items)).toContain('Hemmeligsen');
    const screened = await t.app.inject({ method: 'PATCH', url: `/api/v1/${tenant.slug}/case-files/${created.json().id}`, headers: officer, payload: { screening: { legalBasis: 'Offl. § 13', titleWords: ['Hemmeligsen'] } } });
    expect(screened.statusCode, screened.body).toBe(200);
    await t.settle();
    expect(JSON.stringify((await get(`/meetings/${meeting.id}`)).json().items)).not.toContain('Hemmeligsen');
    expect(JSON.stringify(await publicDump())).not.toContain('Hemmeligsen');
  });
});
