// SPDX-License-Identifier: EUPL-1.2
// The workspace demo: after the council demo, Balsfjord's leader, deputy (one party list) and that
// list's first substitute are the demo politician logins; the next council meeting has a summoned
// agenda with a closed item whose paper is not public; a second run adds nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { seedCouncilDemo } from '../council/demo.ts';
import { seedWorkspaceDemo } from './demo.ts';

let t: TestRadhus;
let balsfjord: Tenant;
let first: { added: string[] };

beforeAll(async () => {
  t = await createTestRadhus();
  balsfjord = await t.tenant({ slug: 'balsfjord', country: 'NO', name: 'Balsfjord kommune' });
  await seedCouncilDemo(t.ctx);
  first = await seedWorkspaceDemo(t.ctx);
  await t.settle();
}, 240_000);
afterAll(() => t?.close());

describe(`workspace demo (${testEngine()})`, () => {
  it('links three demo logins to one party list of the council and summons the next meeting with papers', async () => {
    expect(first.added).toEqual(['balsfjord']);
    const linked = (await sql<{ subject: string; role: string; party_id: string; substitute_order: number | null; name: string }>`
      select u.subject, s.role, s.party_id, s.substitute_order, p.given_name || ' ' || p.family_name as name
      from council_persons p join users u on u.id = p.user_id
      join council_memberships s on s.person_id = p.id join council_bodies b on b.id = s.body_id and b.code = 'kommunestyret'
      where p.tenant_id = ${balsfjord.id} order by u.subject`.execute(t.ctx.db.kysely)).rows;
    expect(linked.map((r) => [r.subject, r.role])).toEqual([['balsfjord-politician', 'leader'], ['balsfjord-politician-2', 'deputy'], ['balsfjord-substitute', 'substitute']]);
    expect(new Set(linked.map((r) => r.party_id)).size).toBe(1);
    expect(linked[0]!.name).toBe('Marit Nilsen');
    const next = (await sql<{ status: string; items: number; closed: number }>`
      select m.status, count(i.id)::int as items, count(i.id) filter (where i.closed)::int as closed from council_meetings m
      join council_agenda_items i on i.meeting_id = m.id where m.tenant_id = ${balsfjord.id} and m.starts_at > ${t.clock.now()} group by m.id`.execute(t.ctx.db.kysely)).rows;
    expect(next).toEqual([{ status: 'summoned', items: 3, closed: 1 }]);
    expect((await seedWorkspaceDemo(t.ctx)).added).toEqual([]);
  });
});
