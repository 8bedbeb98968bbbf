// SPDX-License-Identifier: EUPL-1.2
// The promise of migration 0016, kept by the database itself: as radhus_app in one municipality, the
// messages and property register of another are invisible; a message can only be marked read (its
// subject, text and recipient never change) and is never deleted; a property's facts are replaced,
// the import record is never changed.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { loggedInPerson } from '../test-support/person.ts';

let t: TestRadhus;
let a: Tenant;
let b: Tenant;
let messageA: string;

beforeAll(async () => {
  t = await createTestRadhus();
  [a, b] = [await t.tenant(), await t.tenant()];
  for (const tenant of [a, b]) {
    const person = await loggedInPerson(t, [tenant.id], { name: 'Kari Nordmann' });
    const token = await t.token(tenant, 'case-officer');
    const post = async (path: string, payload: object) => (await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}${path}`, headers: { authorization: `Bearer ${token}` }, payload })).json();
    const kase = await post('/case-files', { title: 'Sak' });
    await post(`/case-files/${kase.id}/registry-entries`, { type: 'incoming', title: 'Brev', correspondents: [{ name: 'Kari Nordmann', kind: 'person', role: 'sender', identityNumber: person.identityNumber }] });
    const sent = await post(`/case-files/${kase.id}/messages`, { subject: 'Melding', text: 'Tekst' });
    if (tenant === a) messageA = sent.id;
    await sql`insert into properties (id, tenant_id, municipality_number, gnr, bnr, imported_at) values (gen_random_uuid(), ${tenant.id}, ${tenant.officialNumber}, 1, 1, now())`.execute(t.ctx.db.kysely);
  }
}, 120_000);
afterAll(() => t?.close());

const asApp = <T>(tenant: Tenant, work: (tx: Tx) => Promise<T>) => withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, work);
const ids = async (tx: Tx, table: string) => (await sql<{ tenant_id: string }>`select tenant_id from ${sql.table(table)}`.execute(tx)).rows.map((r) => r.tenant_id);

describe(`My page's row-level security and grants (${testEngine()})`, () => {
  it('one municipality sees none of another’s messages or properties', async () => {
    await asApp(b, async (tx) => {
      expect(await ids(tx, 'my_page_messages')).toEqual([b.id]);
      expect(await ids(tx, 'properties')).toEqual([b.id]);
      const other = await sql`update my_page_messages set read_at = now() where id = ${messageA}`.execute(tx);
      expect(Number(other.numAffectedRows ?? 0)).toBe(0);
    });
  });

  it('a message is marked read and nothing else: no other column changes, no row is deleted', async () => {
    await expect(asApp(a, (tx) => sql`update my_page_messages set body = 'endret' where id = ${messageA}`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(asApp(a, (tx) => sql`update my_page_messages set recipient_identity_number = '1' where id = ${messageA}`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(asApp(a, (tx) => sql`delete from my_page_messages where id = ${messageA}`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(asApp(a, (tx) => sql`update property_imports set properties = 0`.execute(tx))).rejects.toThrow(/permission denied/);
    const read = await asApp(a, (tx) => sql`update my_page_messages set read_at = now() where id = ${messageA}`.execute(tx));
    expect(Number(read.numAffectedRows)).toBe(1);
  });
});
