// SPDX-License-Identifier: EUPL-1.2
// Reordering the agenda (PUT …/meetings/{meetingId}/agenda-order): every item once, in the new order;
// another meeting's or municipality's item, a missing or doubled one → 400 naming the field, nothing
// changed; still possible after the summons (the public agenda follows); 409 once the minutes are approved.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createDecisionsRadhus, heldMeeting, type HeldMeeting } from './decisions-fixture.ts';
import { createAgendaItem, createMeeting, publishSummons, secretariatHeaders, smallCouncil, type SmallCouncil } from './test-support.ts';

let t: TestRadhus;
let tenant: Tenant;
let other: Tenant;
let council: SmallCouncil;
let headers: Record<string, string>;
let items: string[];
let foreignItem: string;
let neighbourItem: string;

const order = (meetingId: string, itemIds: string[]) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/${tenant.slug}/council/meetings/${meetingId}/agenda-order`, headers, payload: { itemIds } });
const positions = async (table: 'council_agenda_items' | 'public_council_agenda_items', meetingId: string) =>
  (await sql<{ id: string }>`select id from ${sql.table(table)} where meeting_id = ${meetingId} order by position`.execute(t.ctx.db.kysely)).rows.map((r) => r.id);
/** The public order once the projection has it (on PostgreSQL one settle may return before the event is dispatched). */
const publicOrder = (meetingId: string, expected: string[]) =>
  expect.poll(async () => { await t.settle(); return positions('public_council_agenda_items', meetingId); }, { timeout: 15_000, interval: 200 }).toEqual(expected);
const fields = (body: string) => (JSON.parse(body) as { errors: { field: string; code: string }[] }).errors.map((e) => `${e.field}:${e.code}`);

beforeAll(async () => {
  t = await createDecisionsRadhus();
  tenant = await t.tenant({ country: 'NO' });
  other = await t.tenant({ country: 'NO' });
  headers = await secretariatHeaders(t, tenant);
  council = await smallCouncil(t, tenant);
  items = [];
  for (const title of ['Budsjett', 'Skulestruktur', 'Vegplan']) items.push((await createAgendaItem(t, tenant, council.meeting.id, { title })).id);
  const second = await createMeeting(t, tenant, { bodyId: council.body.id });
  foreignItem = (await createAgendaItem(t, tenant, second.id, { title: 'Anna møte' })).id;
  const neighbour = await smallCouncil(t, other);
  neighbourItem = (await createAgendaItem(t, other, neighbour.meeting.id, { title: 'Nabosak' })).id;
}, 120_000);
afterAll(() => t?.close());

describe(`reordering the agenda (${testEngine()})`, () => {
  it('puts the items in the order given, with positions 1…n', async () => {
    const [a, b, c] = items as [string, string, string];
    const res = await order(council.meeting.id, [c, a, b]);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json() as { items: { id: string; position: number }[]; actions: string[] };
    expect(detail.items.map((i) => [i.id, i.position])).toEqual([[c, 1], [a, 2], [b, 3]]);
    expect(detail.actions).toContain('reorderAgenda');
    expect(await positions('council_agenda_items', council.meeting.id)).toEqual([c, a, b]);
  });

  it('refuses another meeting’s or municipality’s item, a doubled or a missing one, and changes nothing', async () => {
    const before = await positions('council_agenda_items', council.meeting.id);
    const [a, b, c] = before as [string, string, string];
    const foreign = await order(council.meeting.id, [a, b, c, foreignItem]);
    expect(foreign.statusCode).toBe(400);
    expect(fields(foreign.body)).toEqual(['itemIds.3:notFound']);
    const neighbour = await order(council.meeting.id, [neighbourItem, b, c]);
    expect(neighbour.statusCode).toBe(400);
    expect(fields(neighbour.body)).toEqual(['itemIds.0:notFound']);
    expect(fields((await order(council.meeting.id, [a, a, b, c])).body)).toEqual(['itemIds.1:duplicate']);
    expect(fields((await order(council.meeting.id, [a, b])).body)).toEqual(['itemIds:invalid']);
    expect((await order('00000000-0000-7000-8000-000000000009', [a, b, c])).statusCode).toBe(404);
    expect(await positions('council_agenda_items', council.meeting.id)).toEqual(before);
  });

  it('after the summons the public agenda follows the new order', async () => {
    // In 30 days, so not late: the agenda is public the body's days before; the job publishes it then.
    const { publicFrom } = await publishSummons(t, tenant, council.meeting.id);
    t.clock.advance(publicFrom.getTime() - t.clock.now().getTime() + 1000);
    const [a, b, c] = await positions('council_agenda_items', council.meeting.id) as [string, string, string];
    await publicOrder(council.meeting.id, [a, b, c]);
    expect((await order(council.meeting.id, [b, c, a])).statusCode).toBe(200);
    await publicOrder(council.meeting.id, [b, c, a]);
  });

  it('once the minutes are approved the order is settled: 409, nothing changed', async () => {
    const held: HeldMeeting = await heldMeeting(t, tenant);
    const ids = held.items.map((i) => i.id);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/council/meetings/${held.meeting.id}/minutes`, headers })).statusCode).toBe(201);
    const refused = await order(held.meeting.id, [...ids].reverse());
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ errors: [{ field: 'meetingId', code: 'minutesApproved' }] });
    expect(await positions('council_agenda_items', held.meeting.id)).toEqual(ids);
  });
});
