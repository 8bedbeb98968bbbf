// SPDX-License-Identifier: EUPL-1.2
// Follow-up (avskrivning) by a new entry: only open entries of this municipality, each once.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { databaseSnapshot, installationSnapshot } from '../conformance/fixtures.ts';

let radhus: TestRadhus;
let tenant: Tenant;
let other: Tenant;
let auth: { authorization: string };
let otherAuth: { authorization: string };
const api = (t: Tenant, path: string) => `/api/v1/${t.slug}${path}`;

async function post(t: Tenant, headers: object, path: string, payload: object) {
  const res = await radhus.app.inject({ method: 'POST', url: api(t, path), headers: headers as Record<string, string>, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}
const letter = (t: Tenant, headers: object, caseId: string, title = 'Brev') =>
  post(t, headers, `/case-files/${caseId}/registry-entries`, { type: 'incoming', title, correspondents: [{ name: 'Kari Nordmann', kind: 'person', role: 'sender' }] });
const reply = (caseId: string, followsUp: string[]) =>
  radhus.app.inject({
    method: 'POST',
    url: api(tenant, `/case-files/${caseId}/registry-entries`),
    headers: auth,
    payload: { type: 'outgoing', title: 'Svar', correspondents: [{ name: 'Kari Nordmann', kind: 'person', role: 'recipient' }], followsUp },
  });

let openCase: string;
let archivedLetter: string;
let otherTenantLetter: string;

beforeAll(async () => {
  radhus = await createTestRadhus();
  tenant = await radhus.tenant();
  other = await radhus.tenant();
  auth = { authorization: `Bearer ${await radhus.token(tenant, 'case-officer')}` };
  otherAuth = { authorization: `Bearer ${await radhus.token(other, 'case-officer')}` };
  // A closed case whose letter was answered and archived.
  const closedCase = (await post(tenant, auth, '/case-files', { title: 'Avsluttet sak' })).id;
  archivedLetter = (await letter(tenant, auth, closedCase)).id;
  await post(tenant, auth, `/registry-entries/${archivedLetter}/follow-ups`, { method: 'noted' });
  await post(tenant, auth, `/case-files/${closedCase}/close`, {});
  openCase = (await post(tenant, auth, '/case-files', { title: 'Åpen sak' })).id;
  const otherCase = (await post(other, otherAuth, '/case-files', { title: 'Annen kommune' })).id;
  otherTenantLetter = (await letter(other, otherAuth, otherCase)).id;
});
afterAll(() => radhus?.close());

describe('followsUp on a new entry', () => {
  it('refuses an entry listed twice, naming the index, and writes nothing (no number taken)', async () => {
    const a = (await letter(tenant, auth, openCase, 'Brev A')).id;
    const before = await installationSnapshot(radhus);
    const res = await reply(openCase, [a, a]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'followsUp.1', code: 'duplicate' })]);
    expect(await installationSnapshot(radhus)).toEqual(before);
    // Once alone it is fine, and then it is followed up exactly once.
    expect((await reply(openCase, [a])).statusCode).toBe(201);
    const entry = (await radhus.app.inject({ method: 'GET', url: api(tenant, `/registry-entries/${a}`), headers: auth })).json();
    expect(entry.followUps).toHaveLength(1);
  });

  it('refuses an archived entry of another, closed case; one already followed up; one of another municipality', async () => {
    const answered = (await letter(tenant, auth, openCase, 'Brev B')).id;
    expect((await reply(openCase, [answered])).statusCode).toBe(201);
    const before = await databaseSnapshot(radhus, tenant.id);
    const res = await reply(openCase, [archivedLetter, answered, otherTenantLetter]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'followsUp.0', code: 'notOpen' }),
      expect.objectContaining({ field: 'followsUp.1', code: 'alreadyFollowedUp' }),
      expect.objectContaining({ field: 'followsUp.2', code: 'notFound' }),
    ]);
    expect(await databaseSnapshot(radhus, tenant.id)).toEqual(before);
  });

  it('is refused by the database too: a second follow-up row for an entry', async () => {
    const c = (await letter(tenant, auth, openCase, 'Brev C')).id;
    const insert = () =>
      withTenant(radhus.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'x', name: 'x' } }, (tx) =>
        sql`insert into follow_ups (id, tenant_id, registry_entry_id, method, followed_up_at, followed_up_by) values (${newId()}, ${tenant.id}, ${c}, 'noted', now(), 'x')`.execute(tx),
      );
    await insert();
    await expect(insert()).rejects.toThrow(/already followed up/);
  });
});
