// SPDX-License-Identifier: EUPL-1.2
// The council's test factories make what they promise through the service: a small council with
// its seats and substitutes, a meeting and an item, each with its event for the projection.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { createAgendaItem, smallCouncil } from './test-support.ts';

let t: TestRadhus;
beforeAll(async () => {
  t = await createTestRadhus();
}, 120_000);
afterAll(() => t?.close());

describe(`council test factories (${testEngine()})`, () => {
  it('a small council: five seats, two substitutes, a planned meeting, an item, and their events', async () => {
    const tenant = await t.tenant();
    const c = await smallCouncil(t, tenant);
    expect(c.members).toHaveLength(5);
    expect(c.substitutes).toHaveLength(2);
    expect(c.meeting.status).toBe('planned');
    expect(c.meeting.term_id).toBe(c.term.id);
    const item = await createAgendaItem(t, tenant, c.meeting.id, { title: 'Budsjett 2027' });
    expect(item).toMatchObject({ position: 1, item_number: '1', public_title: 'Budsjett 2027', late: false, closed: false });
    const events = await sql<{ event_type: string; n: number }>`select event_type, count(*)::int as n from outbox where tenant_id = ${tenant.id} and event_type like 'council.%' group by event_type order by event_type`.execute(t.ctx.db.kysely);
    expect(events.rows).toEqual([{ event_type: 'council.meeting.changed', n: 2 }, { event_type: 'council.roster.changed', n: 18 }]);
  });
});
