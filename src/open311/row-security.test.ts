// SPDX-License-Identifier: EUPL-1.2
// The promise of migration 0021, kept by the database itself: as radhus_app in one municipality,
// another's Open311 keys are neither seen nor changed nor forged, keys are never deleted, and the
// reports are records (no update, no delete).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createKey } from './service.ts';

let t: TestRadhus;
let a: Tenant;
let b: Tenant;
let keyB: string;

const inTenant = <T>(tenant: Tenant, work: (tx: Tx) => Promise<T>) => withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, work);

beforeAll(async () => {
  t = await createTestRadhus();
  a = await t.tenant();
  b = await t.tenant();
  await inTenant(a, (tx) => createKey(tx, { tenantId: a.id, name: 'A', createdBy: 'test', at: t.clock.now() }));
  keyB = (await inTenant(b, (tx) => createKey(tx, { tenantId: b.id, name: 'B', createdBy: 'test', at: t.clock.now() }))).id;
}, 120_000);
afterAll(() => t?.close());

describe(`Open311 row-level security (${testEngine()})`, () => {
  it('a municipality sees and revokes only its own keys, and cannot write one for another', async () => {
    expect(await inTenant(a, async (tx) => (await sql<{ name: string }>`select name from open311_keys`.execute(tx)).rows.map((r) => r.name))).toEqual(['A']);
    const revoked = await inTenant(a, async (tx) => (await sql`update open311_keys set revoked_at = now() where id = ${keyB}`.execute(tx)).numAffectedRows);
    expect(Number(revoked ?? 0)).toBe(0);
    await expect(inTenant(a, (tx) => sql`insert into open311_keys (id, tenant_id, name, key_hash, created_by, created_at) values (gen_random_uuid(), ${b.id}, 'forged', 'x', 'test', now())`.execute(tx))).rejects.toThrow(/row-level security/);
    expect(await inTenant(b, async (tx) => (await sql<{ revoked_at: Date | null }>`select revoked_at from open311_keys`.execute(tx)).rows)).toEqual([{ revoked_at: null }]);
  });

  it('keys are never deleted and reports never changed', async () => {
    await expect(inTenant(a, (tx) => sql`delete from open311_keys`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(inTenant(a, (tx) => sql`update open311_requests set description = 'changed'`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(inTenant(a, (tx) => sql`delete from open311_requests`.execute(tx))).rejects.toThrow(/permission denied/);
  });
});
