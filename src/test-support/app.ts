// SPDX-License-Identifier: EUPL-1.2
// The real app on a fresh database for each test file: in-memory PGlite by default, or a new
// database on the PostgreSQL server named by RADHUS_TEST_DATABASE_URL (CI runs the suite both ways).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../platform/config.ts';
import { TestClock } from '../platform/clock.ts';
import { openDatabase } from '../platform/db/database.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { createRadhus, openContext, type Radhus } from '../radhus.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createToken } from '../identity/tokens.ts';
import type { Role } from '../platform/http/auth.ts';
import type { Module } from '../platform/modules.ts';
import { settle, type SettleReport } from '../platform/events/background.ts';
import { PG_TEMPLATE_ENV, PGLITE_TEMPLATE_ENV } from './global-setup.ts';

export interface TestRadhus extends Radhus {
  clock: TestClock;
  config: Config;
  /** Adds a municipality (with its archive set up, once the archive module is registered). */
  tenant(input?: Partial<{ slug: string; officialNumber: string; name: string; country: 'NO' | 'SE' }>): Promise<Tenant>;
  /** A bearer token for a role in a municipality. */
  token(tenant: Tenant, role: Role): Promise<string>;
  /**
   * Runs the background work until it rests: every event to every consumer, every due job (by the
   * test clock). Throws when a consumer or job fails, unless `allowFailures`; the report says what ran.
   */
  settle(options?: { allowFailures?: boolean }): Promise<SettleReport>;
}

export interface TestRadhusOptions {
  /** The module list (default: src/modules.ts), e.g. with a test module that declares consumers. */
  modules?: readonly Module[];
}

export const testEngine = (): 'pglite' | 'postgres' => (process.env.RADHUS_TEST_DATABASE_URL ? 'postgres' : 'pglite');

/**
 * A fresh database URL on the test server, or undefined for PGlite: empty, or a copy of the run's
 * migrated template (global-setup.ts) when `migrated` and there is one.
 */
export async function freshDatabaseUrl(options: { migrated?: boolean } = {}): Promise<string | undefined> {
  const admin = process.env.RADHUS_TEST_DATABASE_URL;
  if (!admin) return undefined;
  const name = `radhus_test_${randomBytes(6).toString('hex')}`;
  const template = options.migrated ? process.env[PG_TEMPLATE_ENV] : undefined;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}${template && /^radhus_template_[0-9a-f]+$/.test(template) ? ` template ${template}` : ''}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

let tenantCounter = 0;

/** Unique within a test process and valid for the country (NO fylke ≥ 03, SE län 01–25). */
const testOfficialNumber = (country: 'NO' | 'SE', n: number): string =>
  country === 'NO' ? String(3000 + n) : `${String(1 + (Math.floor(n / 100) % 25)).padStart(2, '0')}${String(n % 100).padStart(2, '0')}`;

export async function createTestRadhus(env: NodeJS.ProcessEnv = {}, options: TestRadhusOptions = {}): Promise<TestRadhus> {
  const dataDir = await mkdtemp(join(tmpdir(), 'radhus-test-'));
  const databaseUrl = await freshDatabaseUrl({ migrated: true });
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, RADHUS_SEED_DEMO: 'false', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...env });
  const clock = new TestClock();
  // PGlite in memory: the test needs no folder for the database, only for files.
  const db = databaseUrl ? undefined : await openDatabase({ template: process.env[PGLITE_TEMPLATE_ENV] });
  const ctx = await openContext(config, { clock, ...(db ? { db } : {}), ...(options.modules ? { modules: options.modules } : {}) });
  const radhus = await createRadhus(ctx, { logger: false });
  const { addMunicipality } = await import('../tenants/lifecycle.ts');
  return {
    ...radhus,
    clock,
    config,
    async tenant(input = {}) {
      tenantCounter += 1;
      const n = tenantCounter;
      const country = input.country ?? 'NO';
      return addMunicipality(ctx, {
        slug: input.slug ?? `test-${n}-${randomBytes(2).toString('hex')}`,
        officialNumber: input.officialNumber ?? testOfficialNumber(country, n),
        name: input.name ?? `Testkommune ${n}`,
        country,
      });
    },
    async token(tenant, role) {
      const created = await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, (tx) =>
        createToken(tx, { tenantId: tenant.id, role, name: `${role} (test)`, createdBy: 'test', at: clock.now() }),
      );
      return created.token;
    },
    async settle(settleOptions = {}) {
      const report = await settle(ctx);
      if (!settleOptions.allowFailures && (report.failures.length || report.jobFailures.length)) {
        const what = [...report.failures.map((f) => `consumer ${f.consumer} at event ${f.eventId}: ${f.error}`), ...report.jobFailures.map((j) => `job ${j.type} ${j.id}: ${j.error}`)];
        throw new Error(`settle: ${what.join('; ')}`);
      }
      return report;
    },
    async close() {
      await radhus.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
