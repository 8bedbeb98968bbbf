// SPDX-License-Identifier: EUPL-1.2
// The promise of migration 0022, kept by the database itself: as radhus_app in one municipality,
// another's council rows are neither seen nor changed nor forged; radhus_public reads the public
// projection but not the secretariat's tables (a politician's e-mail lives only there).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withPublic } from '../platform/db/transaction.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { inCouncil, smallCouncil, type SmallCouncil } from './test-support.ts';

let t: TestRadhus;
let a: Tenant;
let b: Tenant;
let councilB: SmallCouncil;

beforeAll(async () => {
  t = await createTestRadhus();
  a = await t.tenant();
  b = await t.tenant();
  await smallCouncil(t, a);
  councilB = await smallCouncil(t, b);
  await t.settle();
}, 120_000);
afterAll(() => t?.close());

describe(`council row-level security (${testEngine()})`, () => {
  it('a municipality sees and changes only its own council rows, and cannot write one for another', async () => {
    const seen = await inCouncil(t, a, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from council_persons where tenant_id = ${b.id}`.execute(tx)).rows[0]!.n);
    expect(seen).toBe(0);
    const changed = await inCouncil(t, a, async (tx) => Number((await sql`update council_meetings set location = 'Kapret' where id = ${councilB.meeting.id}`.execute(tx)).numAffectedRows ?? 0));
    expect(changed).toBe(0);
    await expect(inCouncil(t, a, (tx) => sql`insert into council_parties (id, tenant_id, code, name, created_at, updated_at) values (gen_random_uuid(), ${b.id}, 'X', 'Forfalsket', now(), now())`.execute(tx))).rejects.toThrow(/row-level security/);
    const location = await inCouncil(t, b, async (tx) => (await sql<{ location: string }>`select location from council_meetings where id = ${councilB.meeting.id}`.execute(tx)).rows[0]!.location);
    expect(location).toBe('Kommunestyresalen');
  });

  it('radhus_public reads the projection (no e-mail column there) but no secretariat table', async () => {
    const persons = await withPublic(t.ctx.db, async (tx) => (await sql<Record<string, unknown>>`select * from public_council_persons where tenant_id = ${b.id}`.execute(tx)).rows);
    expect(persons.length).toBe(7);
    expect(Object.keys(persons[0]!).sort()).toEqual(['created_at', 'family_name', 'given_name', 'id', 'party_id', 'tenant_id', 'updated_at']);
    await expect(withPublic(t.ctx.db, (tx) => sql`select email from council_persons`.execute(tx))).rejects.toThrow(/permission denied/);
  });
});
