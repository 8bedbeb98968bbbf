// SPDX-License-Identifier: EUPL-1.2
// A proposal's notices are claimed and mailed in a constant number of statements (the signature
// that reaches the threshold holds the proposal's lock), and still once per step and address:
// 50 signers who asked get 50 mails, a second run sends none, an address written twice in
// different case gets one mail (as first written, in its first signature's language).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { syntheticNorwegianNumber } from '../common/idnumbers.ts';
import { newId } from '../platform/ids.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { secretariatHeaders, smallCouncil } from '../council/test-support.ts';
import { notify } from './notices.ts';
import * as repo from './repository.ts';
import { citizenSession, headersOf, staffSession, type Json } from './test-support.ts';

let t: TestRadhus;
let tenant: Tenant;

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ country: 'NO' });
  const council = await smallCouncil(t, tenant);
  const staff = await secretariatHeaders(t, tenant);
  const set = await t.app.inject({ method: 'PUT', url: `/api/v1/${tenant.slug}/participation/settings`, headers: staff, payload: { inhabitants: 40000, proposalThreshold: 300, proposalBodyId: council.body.id } });
  expect(set.statusCode, set.body).toBe(200);
}, 120_000);
afterAll(() => t?.close());

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, work);

/** The notice mails of one proposal and step: address and language. */
async function mailsOf(proposalId: string, step: string): Promise<{ to: string; language: string }[]> {
  const rows = await sql<{ to: string; language: string }>`select payload->'mail'->>'to' as to, payload->'mail'->>'language' as language from jobs
    where type = 'mail.send' and key like ${`proposal-notice:${proposalId}:${step}:%`} order by 1`.execute(t.ctx.db.kysely);
  return rows.rows;
}

describe(`a proposal's notices (${testEngine()})`, () => {
  it('go to 50 signers who asked once, in few statements; a second run sends nothing; one address in two cases gets one mail', { timeout: 120_000 }, async () => {
    const author = await citizenSession(t, tenant, { name: 'Forfatter', identityNumber: syntheticNorwegianNumber('1970-01-01', 0) });
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/proposals`, headers: headersOf(author),
      payload: { title: 'Skatepark', body: 'Vi foreslår en skatepark ved skolen.', notifyEmail: 'Forfatter@Example.no' } });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as Json).id as string;
    const clerk = await staffSession(t, tenant);

    // 50 more signers who asked (paper lists taken by the secretariat: the rows as signing writes them),
    // one of them the author's address in other case and later, in another language; 5 who did not ask.
    const at = t.clock.now();
    const signer = (i: number, notify_email: string | null, language: 'nb' | 'nn' | 'sv' | 'en') => ({
      id: newId(), tenant_id: tenant.id, proposal_id: id, identity_number: syntheticNorwegianNumber('1980-02-03', i), name: `Signer ${i}`, source: 'paper' as const,
      user_id: null, level: null, authenticated_at: null, registered_by: clerk.userId, notify_email, language, signed_at: new Date(at.getTime() + i * 1000),
    });
    const rows = [
      ...Array.from({ length: 49 }, (_, i) => signer(i + 1, `signer${i + 1}@example.no`, i % 2 ? 'en' : 'nn')),
      signer(50, 'forfatter@example.NO', 'sv'),
      ...Array.from({ length: 5 }, (_, i) => signer(60 + i, null, 'nb')),
    ];
    await inTenant((tx) => repo.insertSignatures(tx, rows));

    const proposal = (await inTenant((tx) => repo.selectProposal(tx, id)))!;
    const c = { tenant, at };
    expect(await inTenant((tx) => notify(tx, t.ctx, c, proposal, 'reached', '2026/1'))).toBe(50);
    const mails = await mailsOf(id, 'reached');
    expect(mails).toHaveLength(50);
    expect(new Set(mails.map((m) => m.to.toLowerCase())).size).toBe(50);
    // The author's address as first written, in the language of its first signature (the author's).
    expect(mails.filter((m) => m.to.toLowerCase() === 'forfatter@example.no')).toEqual([{ to: 'Forfatter@Example.no', language: 'nb' }]);
    expect(mails.find((m) => m.to === 'signer2@example.no')).toEqual({ to: 'signer2@example.no', language: 'en' });
    expect(mails.find((m) => m.to === 'signer3@example.no')).toEqual({ to: 'signer3@example.no', language: 'nn' });
    const notices = await sql<{ n: number }>`select count(*)::int as n from citizen_proposal_notices where proposal_id = ${id} and step = 'reached'`.execute(t.ctx.db.kysely);
    expect(notices.rows[0]!.n).toBe(50);

    // Again (a replayed event, a second run): nothing more.
    expect(await inTenant((tx) => notify(tx, t.ctx, c, proposal, 'reached', '2026/1'))).toBe(0);
    expect(await mailsOf(id, 'reached')).toHaveLength(50);

    // A signer who asks later is told the step once; the others are not told again.
    await inTenant((tx) => repo.insertSignatures(tx, [signer(70, 'late@example.no', 'nb')]));
    expect(await inTenant((tx) => notify(tx, t.ctx, c, proposal, 'reached', '2026/1'))).toBe(1);
    expect((await mailsOf(id, 'reached')).map((m) => m.to)).toContain('late@example.no');
    expect(await mailsOf(id, 'reached')).toHaveLength(51);

    // Another step is its own key: all 51 again, once.
    expect(await inTenant((tx) => notify(tx, t.ctx, c, proposal, 'decided', 'Vedtatt.'))).toBe(51);
    expect(await inTenant((tx) => notify(tx, t.ctx, c, proposal, 'decided', 'Vedtatt.'))).toBe(0);
    expect(await mailsOf(id, 'decided')).toHaveLength(51);

    // The mails are sent (the jobs run) and each reaches its address once.
    const settled = await t.settle();
    expect(settled.jobFailures ?? []).toEqual([]);
    const sent = await sql<{ n: number }>`select count(*)::int as n from jobs where type = 'mail.send' and key like ${`proposal-notice:${id}:%`} and status = 'done'`.execute(t.ctx.db.kysely);
    expect(sent.rows[0]!.n).toBe(102);
  });
});
