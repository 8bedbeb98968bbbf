// SPDX-License-Identifier: EUPL-1.2
// The demo councils: a Norwegian and a Swedish municipality get their council and executive, six
// parties, members with substitutes, a year's plan and two held meetings with public agendas tied to
// cases, papers, a split vote per party and per member, and a recording; a second run adds nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { seedCouncilDemo } from './demo.ts';

let t: TestRadhus;
let balsfjord: Tenant;
let aneby: Tenant;
let first: { added: string[] };
const get = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestRadhus();
  balsfjord = await t.tenant({ slug: 'balsfjord', country: 'NO', name: 'Balsfjord kommune' });
  aneby = await t.tenant({ slug: 'aneby', country: 'SE', name: 'Aneby kommun' });
  first = await seedCouncilDemo(t.ctx);
  await t.settle();
}, 240_000);
afterAll(() => t?.close());

describe(`council demo (${testEngine()})`, () => {
  it('each demo municipality gets its council, and a second run adds nothing', async () => {
    expect(first.added).toEqual(['balsfjord', 'aneby']);
    const counts = async (tenant: Tenant) => (await sql<{ parties: number; persons: number; meetings: number; held: number; bodies: string }>`
      select (select count(*)::int from council_parties where tenant_id = ${tenant.id}) as parties,
             (select count(*)::int from council_persons where tenant_id = ${tenant.id}) as persons,
             (select count(*)::int from council_meetings where tenant_id = ${tenant.id}) as meetings,
             (select count(*)::int from council_meetings where tenant_id = ${tenant.id} and status = 'held') as held,
             (select string_agg(code, ',' order by code) from council_bodies where tenant_id = ${tenant.id}) as bodies`.execute(t.ctx.db.kysely)).rows[0]!;
    expect(await counts(balsfjord)).toEqual({ parties: 6, persons: 28, meetings: 22, held: 2, bodies: 'formannskapet,kommunestyret' });
    expect(await counts(aneby)).toMatchObject({ parties: 6, meetings: 22, held: 2, bodies: 'kommunfullmaktige,kommunstyrelsen' });
    expect((await seedCouncilDemo(t.ctx)).added).toEqual([]);
    expect((await counts(balsfjord)).meetings).toBe(22);
  });

  it('a held meeting is public with its papers and recording; the split vote shows per party and per member; the closed item’s decision does not', async () => {
    // The papers are public once the public journal shows their entry (its publication delay).
    t.clock.advance(7 * 86_400_000);
    await t.settle();
    const plan = (await get(`/api/v1/balsfjord/meetings?limit=200`)).json();
    const held = plan.items.filter((m: { status: string }) => m.status === 'held');
    expect(held).toHaveLength(2);
    const meeting = (await get(`/api/v1/balsfjord/meetings/${held[0].id}`)).json();
    expect(meeting.recordingUrl).toMatch(/^https:\/\/video\.example\.org\/balsfjord\//);
    expect(meeting.items.map((i: { itemNumber: string }) => i.itemNumber)).toEqual(['PS 1/26', 'PS 2/26', 'PS 3/26']);
    const [budget, , closed] = meeting.items;
    expect(budget).toMatchObject({ title: 'Budsjett 2027 og økonomiplan 2027–2030', caseNumber: expect.any(String), videoOffsetSeconds: 120 });
    expect(budget.documents).toEqual([expect.objectContaining({ mimeType: 'application/pdf', publishedInFull: expect.any(Boolean) })]);
    expect(closed).toMatchObject({ closed: true, decisionText: null, documents: [] });
    const decision = (await get(`/api/v1/balsfjord/agenda-items/${budget.id}/decision`)).json();
    const vote = decision.votes[0];
    expect(vote.counts).toEqual([{ option: 'against', label: 'Mot', count: 4 }, { option: 'for', label: 'For', count: 13 }]);
    expect(vote.parties).toEqual(expect.arrayContaining([{ party: expect.objectContaining({ code: 'H' }), option: 'against', count: 3 }, { party: expect.objectContaining({ code: 'Ap' }), option: 'for', count: 5 }]));
    expect(vote.members).toHaveLength(17);
    expect(decision.proposals.map((p: { kind: string }) => p.kind)).toEqual(['recommendation', 'proposal']);
    const swedish = (await get(`/api/v1/aneby/meetings?limit=200`)).json().items.find((m: { status: string }) => m.status === 'held');
    expect((await get(`/api/v1/aneby/meetings/${swedish.id}`)).json().notices).toEqual([expect.objectContaining({ kind: 'meeting' })]);
  });
});
