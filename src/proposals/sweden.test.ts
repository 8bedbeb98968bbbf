// SPDX-License-Identifier: EUPL-1.2
// A Swedish municipality (medborgarförslag, kommunallagen 8 kap. 1 §): no computed threshold — the
// number is fullmäktige's own, and without it no proposal can be written; the case is a
// "Medborgarförslag: …" and the decision is due within a year (kommunallagen 5 kap. 35 §).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { syntheticSwedishNumber } from '../common/idnumbers.ts';
import { secretariatHeaders, smallCouncil } from '../council/test-support.ts';
import { dateIn } from '../archive/service.ts';
import { citizenSession, headersOf, type Headers } from './test-support.ts';
import { decisionDueOn } from './rules.ts';

let t: TestRadhus;
let tenant: Tenant;
let staff: Headers;
let bodyId: string;

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ country: 'SE' });
  bodyId = (await smallCouncil(t, tenant, { body: { name: 'Kommunfullmäktige' } })).body.id;
  staff = await secretariatHeaders(t, tenant);
});
afterAll(() => t?.close());

const send = (method: 'GET' | 'POST' | 'PUT', path: string, headers: Headers, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/${tenant.slug}${path}`, headers: headersOf(headers), ...(payload ? { payload } : {}) });

describe('medborgarförslag', () => {
  it('takes no proposal on inhabitants alone, then files one at its own threshold with a year to decide', async () => {
    expect((await send('PUT', '/participation/settings', staff, { inhabitants: 6900, proposalBodyId: bodyId })).json()).toMatchObject({ threshold: null, rule: 'missing' });
    const anna = await citizenSession(t, tenant, { name: 'Anna Lindqvist', identityNumber: syntheticSwedishNumber('1980-03-15', 1) });
    const refused = await send('POST', '/proposals', anna, { title: 'Laddstolpar', body: 'Laddstolpar vid kommunhuset.' });
    expect(refused.statusCode).toBe(409);
    const cleared = await send('PUT', '/participation/settings', staff, { proposalThreshold: null });
    expect(cleared.statusCode).toBe(400);
    expect(cleared.json().errors).toEqual([expect.objectContaining({ field: 'proposalThreshold', code: 'required' })]);

    expect((await send('PUT', '/participation/settings', staff, { proposalThreshold: 1 })).json()).toMatchObject({ threshold: 1, rule: 'override' });
    const created = await send('POST', '/proposals', anna, { title: 'Laddstolpar', body: 'Laddstolpar vid kommunhuset.' });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ status: 'reached', signatureCount: 1, threshold: 1, decisionDueOn: decisionDueOn(dateIn(t.clock.now()), 'SE') });
    expect(p.decisionDueOn.slice(0, 4)).toBe(String(Number(dateIn(t.clock.now()).slice(0, 4)) + 1));
    const kase = await sql<{ title: string }>`select title from case_files where id = ${p.caseFileId}`.execute(t.ctx.db.kysely);
    expect(kase.rows[0]!.title).toBe('Medborgarförslag: Laddstolpar');
  });
});
