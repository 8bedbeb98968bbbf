// SPDX-License-Identifier: EUPL-1.2
// The demo questions: a Norwegian and a Swedish demo municipality with a demo council get four
// questions each, two answered and two waiting with their age, the demo politician's login linked to
// a council member who has questions to answer; a second run adds nothing; no mail is sent.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentMail } from '../access-requests/test-support.ts';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { seedCouncilDemo } from '../council/demo.ts';
import { seedQuestionsDemo } from './demo.ts';

let t: TestRadhus;
let balsfjord: Tenant;
let aneby: Tenant;
let first: { added: string[] };

beforeAll(async () => {
  t = await createTestRadhus();
  balsfjord = await t.tenant({ slug: 'balsfjord', country: 'NO', name: 'Balsfjord kommune' });
  aneby = await t.tenant({ slug: 'aneby', country: 'SE', name: 'Aneby kommun' });
  await seedCouncilDemo(t.ctx);
  first = await seedQuestionsDemo(t.ctx);
  await t.settle();
}, 240_000);
afterAll(() => t?.close());

describe(`questions demo (${testEngine()})`, () => {
  it('asks and answers in each demo municipality, links the demo politician, once, without mail', async () => {
    expect(first.added).toEqual(['balsfjord', 'aneby']);
    for (const tenant of [balsfjord, aneby]) {
      const list = (await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/questions` })).json();
      expect(list.items).toHaveLength(4);
      expect(list.items.filter((q: { status: string }) => q.status === 'answered')).toHaveLength(2);
      expect(list.items.filter((q: { ageInDays: number | null }) => (q.ageInDays ?? 0) >= 5)).toHaveLength(2);
      const linked = await sql<{ n: number }>`select count(*)::int as n from council_persons p join users u on u.id = p.user_id where p.tenant_id = ${tenant.id}`.execute(t.ctx.db.kysely);
      expect(linked.rows[0]!.n).toBe(1);
    }
    expect((await sentMail(t)).filter((m) => m.template.startsWith('questions.'))).toEqual([]);
    expect((await seedQuestionsDemo(t.ctx)).added).toEqual([]);
    const page = await t.app.inject({ url: `/${aneby.slug}/deltakelse/sporsmal`, headers: { accept: 'text/html' } });
    expect(page.body).toContain('Ställd för 12 dagar sedan');
  });
});
