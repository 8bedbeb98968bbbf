// SPDX-License-Identifier: EUPL-1.2
// The demo's citizen proposals: each demo municipality takes proposals (threshold 3, the council
// decides); Balsfjord and Aneby show one open with two signatures and one decided, whose case is in
// the archive; the public sees them without a signer; a second run adds nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { seedCouncilDemo } from '../council/demo.ts';
import { seedProposalsDemo } from './demo.ts';

let t: TestRadhus;
let balsfjord: Tenant;
let aneby: Tenant;
let first: { added: string[] };

beforeAll(async () => {
  t = await createTestRadhus();
  balsfjord = await t.tenant({ slug: 'balsfjord', country: 'NO', name: 'Balsfjord kommune' });
  aneby = await t.tenant({ slug: 'aneby', country: 'SE', name: 'Aneby kommun' });
  await seedCouncilDemo(t.ctx);
  first = await seedProposalsDemo(t.ctx);
  await t.settle();
}, 240_000);
afterAll(() => t?.close());

describe(`proposals demo (${testEngine()})`, () => {
  it('sets the lowered threshold and the council as the deciding body, with an open and a decided proposal', async () => {
    expect(first.added).toEqual(['balsfjord', 'aneby']);
    for (const [tenant, prefix] of [[balsfjord, 'Innbyggerforslag: '], [aneby, 'Medborgarförslag: ']] as const) {
      const list = (await t.app.inject({ url: `/api/v1/${tenant.slug}/proposals` })).json() as { items: { status: string; signatureCount: number; threshold: number; caseNumber: string | null; decisionText: string | null; caseFileId: string | null }[] };
      expect(list.items.map((p) => p.status).sort()).toEqual(['decided', 'open']);
      const open = list.items.find((p) => p.status === 'open')!;
      expect(open).toMatchObject({ signatureCount: 2, threshold: 3, caseNumber: null });
      const decided = list.items.find((p) => p.status === 'decided')!;
      expect(decided).toMatchObject({ signatureCount: 3, caseNumber: expect.any(String), decisionText: expect.any(String) });
      const kase = await sql<{ title: string }>`select title from case_files where id = ${decided.caseFileId}`.execute(t.ctx.db.kysely);
      expect(kase.rows[0]!.title.startsWith(prefix)).toBe(true);
    }
    const settings = await sql<{ n: number }>`select count(*)::int as n from participation_settings s join council_bodies b on b.id = s.proposal_body_id and b.kind = 'council' where s.proposal_threshold = 3`.execute(t.ctx.db.kysely);
    expect(settings.rows[0]!.n).toBe(2);
    expect((await seedProposalsDemo(t.ctx)).added).toEqual([]);
  });
});
