// SPDX-License-Identifier: EUPL-1.2
// The promises of the proposal tables kept by the database itself, as radhus_app: one signature per
// identity number and proposal (UNIQUE, whatever the application checks), and one municipality
// never sees or writes another's proposals, signatures or settings (row-level security).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import { syntheticNorwegianNumber } from '../common/idnumbers.ts';
import { secretariatHeaders, smallCouncil } from '../council/test-support.ts';
import { citizenSession, headersOf } from './test-support.ts';

let t: TestRadhus;
let a: Tenant;
let b: Tenant;
let proposalId: string;
let authorId: string;

beforeAll(async () => {
  t = await createTestRadhus();
  a = await t.tenant({ country: 'NO' });
  b = await t.tenant({ country: 'NO' });
  const council = await smallCouncil(t, a);
  await t.app.inject({ method: 'PUT', url: `/api/v1/${a.slug}/participation/settings`, headers: await secretariatHeaders(t, a), payload: { proposalThreshold: 10, proposalBodyId: council.body.id } });
  const author = await citizenSession(t, a, { identityNumber: syntheticNorwegianNumber('1970-04-05', 0) });
  authorId = author.userId;
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/${a.slug}/proposals`, headers: headersOf(author), payload: { title: 'Et forslag', body: 'Et forslag med tekst.' } });
  proposalId = res.json().id;
});
afterAll(() => t?.close());

const as = <T>(tenant: Tenant, work: Parameters<typeof withTenant<T>>[2]) => withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'system', id: 'test', name: 'test' } }, work);

const signature = (tenant: Tenant, identityNumber: string) => ({
  id: newId(), tenant_id: tenant.id, proposal_id: proposalId, identity_number: identityNumber, name: 'Direkte', source: 'paper', registered_by: authorId, language: 'nb', signed_at: new Date(),
});

describe('the database keeps the proposals’ promises, as radhus_app', () => {
  it('refuses a second signature of the same identity number on a proposal', async () => {
    const number = syntheticNorwegianNumber('1970-04-05', 0);
    await expect(as(a, (tx) => tx.insertInto('citizen_proposal_signatures' as never).values(signature(a, number) as never).execute())).rejects.toThrow(/unique|duplicate/i);
    const count = await as(a, async (tx) => (await sql<{ n: string }>`select count(*)::text as n from citizen_proposal_signatures where proposal_id = ${proposalId}`.execute(tx)).rows[0]!.n);
    expect(count).toBe('1');
    expect((await as(a, (tx) => sql`select current_user as u`.execute(tx))).rows[0]).toEqual({ u: 'radhus_app' });
  });

  it('shows another municipality none of the rows and refuses writing into them', async () => {
    const seen = await as(b, async (tx) => ({
      proposals: (await sql`select id from citizen_proposals`.execute(tx)).rows.length,
      signatures: (await sql`select id from citizen_proposal_signatures`.execute(tx)).rows.length,
      settings: (await sql`select tenant_id from participation_settings`.execute(tx)).rows.length,
    }));
    expect(seen).toEqual({ proposals: 0, signatures: 0, settings: 0 });
    const updated = await as(b, (tx) => sql`update citizen_proposals set signature_count = 999 where id = ${proposalId}`.execute(tx));
    expect(Number(updated.numAffectedRows ?? 0)).toBe(0);
    await expect(as(b, (tx) => tx.insertInto('citizen_proposal_signatures' as never).values(signature(a, syntheticNorwegianNumber('1971-04-05', 0)) as never).execute())).rejects.toThrow(/row-level security|policy/i);
    expect(await as(a, async (tx) => (await sql<{ n: number }>`select signature_count as n from citizen_proposals where id = ${proposalId}`.execute(tx)).rows[0]!.n)).toBe(1);
  });

  it('lets radhus_public read the projection but never the signatures', async () => {
    await t.settle();
    const { withPublic } = await import('../platform/db/transaction.ts');
    expect((await withPublic(t.ctx.db, (tx) => sql`select id from public_citizen_proposals`.execute(tx))).rows).toHaveLength(1);
    await expect(withPublic(t.ctx.db, (tx) => sql`select identity_number from citizen_proposal_signatures`.execute(tx))).rejects.toThrow(/permission denied/i);
  });
});
