// SPDX-License-Identifier: EUPL-1.2
// The promise of council_member_notes, kept by the database: as radhus_app with radhus.user_id set
// to member B, member A's note is not selected, updated or deleted even by statements without a
// WHERE clause, and B cannot write a note in A's name; with no user set nobody's notes are seen.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { publishSummons, smallCouncil } from '../council/test-support.ts';
import { itemWithPaper, politician } from '../test-support/council-workspace.ts';
import { asUser } from './request.ts';
import type { TestPerson } from '../test-support/person.ts';

let t: TestRadhus;
let a: Tenant;
let A: TestPerson;
let B: TestPerson;
let noteId: string;
let itemId: string;

const as = <T>(userId: string | null, work: (tx: Tx) => Promise<T>) =>
  withTenant(t.ctx.db, { tenantId: a.id, actor: { kind: 'system', id: 'rls-test', name: 'rls test' } }, (tx) => (userId ? asUser(tx, userId, () => work(tx)) : work(tx)));
const texts = async () => (await sql<{ text: string }>`select text from council_member_notes`.execute(t.ctx.db.kysely)).rows.map((r) => r.text);

beforeAll(async () => {
  t = await createTestRadhus();
  a = await t.tenant();
  const sc = await smallCouncil(t, a);
  A = await politician(t, a, 'Anne A', sc.members[0]!.id);
  B = await politician(t, a, 'Bent B', sc.members[1]!.id);
  itemId = (await itemWithPaper(t, a, sc.meeting.id, { title: 'Sak', published: true })).item.id;
  await publishSummons(t, a, sc.meeting.id, { late: true });
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/${a.slug}/workspace/agenda-items/${itemId}/notes`, headers: A.headers, payload: { text: 'A sitt notat' } });
  noteId = res.json().id;
}, 120_000);
afterAll(() => t?.close());

describe(`council_member_notes row-level security (${testEngine()})`, () => {
  it("member B, as radhus_app, neither sees, changes nor deletes A's note, without any WHERE", async () => {
    expect(await as(B.userId, async (tx) => (await sql`select * from council_member_notes`.execute(tx)).rows)).toEqual([]);
    expect(await as(B.userId, async (tx) => Number((await sql`update council_member_notes set text = 'B var her'`.execute(tx)).numAffectedRows ?? 0))).toBe(0);
    expect(await as(B.userId, async (tx) => Number((await sql`delete from council_member_notes`.execute(tx)).numAffectedRows ?? 0))).toBe(0);
    expect(await as(null, async (tx) => (await sql`select * from council_member_notes`.execute(tx)).rows)).toEqual([]);
    expect(await texts()).toEqual(['A sitt notat']);
    expect(await as(A.userId, async (tx) => (await sql<{ id: string }>`select id from council_member_notes`.execute(tx)).rows.map((r) => r.id))).toEqual([noteId]);
  });

  it("B cannot write a note in A's name, nor move A's note to himself", async () => {
    await expect(as(B.userId, (tx) => sql`insert into council_member_notes (id, tenant_id, author_user_id, agenda_item_id, text, created_at, updated_at)
      values (gen_random_uuid(), ${a.id}, ${A.userId}, ${itemId}, 'forfalsket', now(), now())`.execute(tx))).rejects.toThrow(/row-level security/);
    await expect(as(A.userId, (tx) => sql`update council_member_notes set author_user_id = ${B.userId}`.execute(tx))).rejects.toThrow(/row-level security/);
    expect(await texts()).toEqual(['A sitt notat']);
  });
});
