// SPDX-License-Identifier: EUPL-1.2
// The promises of migration 0017, kept by the database itself, as radhus_app: a municipality sees
// and writes only its own forms, drafts, submissions and signatures; versions, submissions and
// signatures are never changed or removed; radhus_public reads the published forms and nothing else.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withPublic, withTenant } from '../platform/db/transaction.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { exampleDefinition } from './schema.ts';

let t: TestRadhus;
let a: Tenant;
let b: Tenant;
const actor = { kind: 'cli' as const, id: 'test', name: 'row security test' };

async function seed(tenant: Tenant): Promise<void> {
  const admin = { authorization: `Bearer ${await t.token(tenant, 'tenant-admin')}` };
  const officer = { authorization: `Bearer ${await t.token(tenant, 'case-officer')}` };
  const form = (await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/forms`, headers: admin, payload: { definition: exampleDefinition } })).json();
  await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/forms/${form.id}/publish`, headers: admin, payload: { published: true } });
  const answers = { what: 'road', position: { lat: 69.2, lon: 19.4 } };
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/submissions`, headers: officer, payload: { formId: form.id, answers, onBehalfOf: { nationalId: '15076500565', channel: 'counter' } } });
  expect(res.statusCode, res.body).toBe(201);
  await t.app.inject({ method: 'PUT', url: `/api/v1/${tenant.slug}/forms/${form.id}/draft`, headers: officer, payload: { answers } });
  expect((await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/forms/${form.id}/draft/signing`, headers: officer })).statusCode).toBe(201);
}

beforeAll(async () => {
  t = await createTestRadhus();
  a = await t.tenant({ country: 'NO' });
  b = await t.tenant({ country: 'NO' });
  await seed(a);
  await seed(b);
}, 120_000);
afterAll(() => t?.close());

const asA = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(t.ctx.db, { tenantId: a.id, actor }, work);
const tables = ['form_definitions', 'form_versions', 'public_forms', 'form_drafts', 'form_submissions', 'signing_requests', 'signatures'];

describe(`forms' row-level security and grants (${testEngine()})`, () => {
  it('a municipality reads only its own rows in every forms table', async () => {
    for (const table of tables) {
      const seen = await asA(async (tx) => (await sql<{ tenant_id: string }>`select distinct tenant_id from ${sql.table(table)}`.execute(tx)).rows.map((r) => r.tenant_id));
      expect(seen, table).toEqual([a.id]);
    }
  });

  it('cannot write another municipality’s rows', async () => {
    const formOfB = (await sql<{ id: string }>`select id from form_definitions where tenant_id = ${b.id}`.execute(t.ctx.db.kysely)).rows[0]!.id;
    await expect(asA((tx) => sql`insert into public_forms (form_id, tenant_id, key, version, definition, published_at) values (${formOfB}, ${b.id}, 'x', 1, '{}'::jsonb, now())`.execute(tx))).rejects.toThrow(/row-level security/);
    const changed = await asA((tx) => sql`update form_definitions set published_version = null where id = ${formOfB}`.execute(tx));
    expect(Number(changed.numAffectedRows ?? 0)).toBe(0);
  });

  it('versions, submissions and signatures are never changed or removed by the application', async () => {
    for (const statement of [
      sql`update form_versions set definition = '{}'::jsonb`,
      sql`delete from form_versions`,
      sql`update form_submissions set answers = '{}'::jsonb`,
      sql`delete from form_submissions`,
      sql`update signatures set content_sha256 = repeat('0', 64)`,
      sql`delete from signatures`,
      sql`update signing_requests set content_sha256 = repeat('0', 64)`,
    ]) await expect(asA((tx) => statement.execute(tx))).rejects.toThrow(/permission denied/);
  });

  it('radhus_public reads the published forms of every municipality, and no draft or submission', async () => {
    const published = await withPublic(t.ctx.db, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from public_forms`.execute(tx)).rows[0]!.n);
    expect(published).toBe(2);
    for (const table of ['form_definitions', 'form_drafts', 'form_submissions', 'signatures'])
      await expect(withPublic(t.ctx.db, (tx) => sql`select * from ${sql.table(table)}`.execute(tx)), table).rejects.toThrow(/permission denied/);
  });
});
