// SPDX-License-Identifier: EUPL-1.2
// Row-level security is FORCEd on every table that has it, and the application role cannot step out
// of it: whatever role a transaction switches back to, another municipality's rows stay invisible.
// Public reads cannot leave radhus_public or write, on their own pool of connections as well.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { withPublic, withTenant } from './transaction.ts';
import { openDatabase } from './database.ts';
import { createTestRadhus, testEngine } from '../../test-support/app.ts';
import { openContext } from '../../radhus.ts';
import { addMunicipality } from '../../tenants/lifecycle.ts';
import type { AppContext } from '../context.ts';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** Runs statements as radhus_app in a tenant; the result of the last, or the error's message. */
async function asApp(ctx: AppContext, tenantId: string, ...statements: string[]): Promise<unknown> {
  try {
    return await withTenant(ctx.db, { tenantId, actor: { kind: 'cli', id: 'attacker', name: 'attacker' } }, async (tx) => {
      let last: unknown;
      for (const statement of statements) last = (await sql.raw(statement).execute(tx)).rows;
      return last;
    });
  } catch (error) {
    return (error as Error).message;
  }
}

describe('row-level security', () => {
  it('is FORCEd on every table that has it, so the tables’ owner is bound too', async () => {
    const radhus = await createTestRadhus();
    cleanup.push(() => radhus.close());
    const tables = await sql<{ relname: string; forced: boolean }>`
      select c.relname, c.relforcerowsecurity as forced from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity order by 1`.execute(radhus.ctx.db.kysely);
    expect(tables.rows.map((t) => t.relname)).toEqual(expect.arrayContaining(['case_files', 'registry_entries', 'documents', 'api_tokens', 'outbox']));
    expect(tables.rows.filter((t) => !t.forced).map((t) => t.relname)).toEqual([]);
    // And radhus_app itself sees only its own municipality.
    const a = await radhus.tenant();
    const b = await radhus.tenant();
    expect(await asApp(radhus.ctx, a.id, `select count(*)::int as n from fonds where tenant_id = '${b.id}'`)).toEqual([{ n: 0 }]);
  });

  // On PGlite the only connection is the superuser `postgres` (an embedded database has no logins):
  // radhus_app is bound, but SQL that resets the role becomes the superuser, which no policy binds.
  // Such SQL cannot come from a request (every query is parameterised); the real guard is the
  // operating-system account owning DATA_DIR (mode 0700). On PostgreSQL it is proven below.
  describe.skipIf(testEngine() !== 'postgres')('on PostgreSQL, connected as a non-superuser owner (as in production)', () => {
    it('cannot step out: set role, set_config(role), reset role, set session authorization', async () => {
      const admin = new pg.Client({ connectionString: process.env.RADHUS_TEST_DATABASE_URL });
      await admin.connect();
      const suffix = randomBytes(4).toString('hex');
      const owner = `radhus_owner_${suffix}`;
      const database = `radhus_owned_${suffix}`;
      // A password, so the login works under scram-sha-256 (CI) as well as trust (a developer's cluster).
      const password = randomBytes(12).toString('hex');
      await admin.query(`create role ${owner} login createrole password '${password}'`);
      await admin.query(`create database ${database} owner ${owner}`);
      const url = new URL(process.env.RADHUS_TEST_DATABASE_URL!);
      url.username = owner;
      url.password = password;
      url.pathname = `/${database}`;
      const superuser = decodeURIComponent(new URL(process.env.RADHUS_TEST_DATABASE_URL!).username || 'postgres');
      const ctx = await openContext(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url.toString(), DATA_DIR: `/tmp/radhus-rls-${suffix}`, RADHUS_SEED_DEMO: 'false' }));
      // Left in place like every test database (the test cluster is thrown away).
      cleanup.push(async () => {
        await ctx.db.close();
        await admin.end();
      });
      const a = await addMunicipality(ctx, { slug: `rls-a-${suffix}`, officialNumber: '4601', name: 'A kommune', country: 'NO' });
      const b = await addMunicipality(ctx, { slug: `rls-b-${suffix}`, officialNumber: '4602', name: 'B kommune', country: 'NO' });
      const others = `select count(*)::int as n from fonds where tenant_id = '${b.id}'`;

      expect(await asApp(ctx, a.id, `set role ${superuser}`)).toMatch(/permission denied/);
      expect(await asApp(ctx, a.id, `select set_config('role', '${superuser}', true)`)).toMatch(/permission denied/);
      expect(await asApp(ctx, a.id, `set session authorization ${superuser}`)).toMatch(/permission denied/);
      // These succeed, and land on the owner: FORCE keeps it bound by the same policies.
      expect(await asApp(ctx, a.id, 'reset role', 'select current_user::text as u')).toEqual([{ u: owner }]);
      expect(await asApp(ctx, a.id, 'reset role', others)).toEqual([{ n: 0 }]);
      expect(await asApp(ctx, a.id, `set role ${owner}`, others)).toEqual([{ n: 0 }]);
      expect(await asApp(ctx, a.id, 'set role none', others)).toEqual([{ n: 0 }]);
      expect(await asApp(ctx, b.id, others)).toEqual([{ n: 1 }]);

      // Public reads: connections that are radhus_public and read-only from their start, each
      // statement its own transaction (withPublic), for an owner that is no superuser too.
      expect(ctx.db.publicReads).toBeDefined();
      const asPublic = (statement: string) => withPublic(ctx.db, async (tx) => (await sql.raw(statement).execute(tx)).rows).catch((error: Error) => error.message);
      expect(await asPublic('select current_user::text as u')).toEqual([{ u: 'radhus_public' }]);
      expect(await asPublic('reset role')).toEqual([]);
      expect(await asPublic('select current_user::text as u')).toEqual([{ u: 'radhus_public' }]);
      expect(await asPublic(others)).toMatch(/permission denied/);
      expect(await asPublic(`update public_tenants set name = 'X' where id = '${a.id}'`)).toMatch(/read-only transaction|permission denied/);
      expect(await asPublic('create temporary table t (i int)')).toMatch(/read-only transaction/);
      const own = await withPublic(ctx.db, async (tx) => {
        await sql`select pg_sleep(0.01)`.execute(tx);
        return (await sql<{ own: boolean }>`select statement_timestamp() = transaction_timestamp() as own`.execute(tx)).rows[0]!.own;
      });
      expect(own).toBe(true);
      expect((await withPublic(ctx.db, (tx) => sql<{ n: number }>`select count(*)::int as n from public_tenants`.execute(tx))).rows[0]!.n).toBeGreaterThanOrEqual(2);

      // A DATABASE_URL with startup options of its own keeps them, and the public pool its role.
      const withOptions = new URL(url);
      withOptions.searchParams.set('options', '-c statement_timeout=4321 -c role=' + owner);
      const second = await openDatabase({ databaseUrl: withOptions.toString() });
      cleanup.push(() => second.close());
      expect((await withPublic(second, (tx) => sql.raw<{ u: string; t: string }>(`select current_user::text as u, current_setting('statement_timeout') as t`).execute(tx))).rows).toEqual([{ u: 'radhus_public', t: '4321ms' }]);
      expect((await sql<{ u: string }>`select current_user::text as u`.execute(second.kysely)).rows).toEqual([{ u: owner }]);
    });
  });
});
