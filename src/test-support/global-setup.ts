// SPDX-License-Identifier: EUPL-1.2
// Vitest's global set-up: one migrated database per run, from which every test file's database
// starts (createTestRadhus). A new in-memory PGlite spends most of its start in initdb, and on
// both engines running every migration again in each of ~80 test files added minutes to the
// suite. The migrations themselves are still tested on empty databases (migrate.test.ts), and this
// template is made by the same migrate() the server runs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';

export const PGLITE_TEMPLATE_ENV = 'RADHUS_TEST_PGLITE_TEMPLATE';
export const PG_TEMPLATE_ENV = 'RADHUS_TEST_PG_TEMPLATE';

export default async function setup(): Promise<() => Promise<void>> {
  // Each Vitest project (vitest.config.ts) runs its global set-up in the same main process: the
  // first one makes the template, the others use it.
  if (process.env[PGLITE_TEMPLATE_ENV] || process.env[PG_TEMPLATE_ENV]) return async () => {};
  const admin = process.env.RADHUS_TEST_DATABASE_URL;
  if (admin) return postgresTemplate(admin);
  const folder = await mkdtemp(join(tmpdir(), 'radhus-test-template-'));
  const db = await openDatabase({});
  try {
    await migrate(db);
    await db.dumpTo!(join(folder, 'pglite.tar'));
  } finally {
    await db.close();
  }
  // Forked test workers inherit the environment of this process.
  process.env[PGLITE_TEMPLATE_ENV] = join(folder, 'pglite.tar');
  return async () => {
    delete process.env[PGLITE_TEMPLATE_ENV];
    await rm(folder, { recursive: true, force: true });
  };
}

async function postgresTemplate(admin: string): Promise<() => Promise<void>> {
  const name = `radhus_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(admin, `create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  try {
    await migrate(db);
  } finally {
    // CREATE DATABASE … TEMPLATE refuses a template with open connections.
    await db.close();
  }
  process.env[PG_TEMPLATE_ENV] = name;
  return async () => {
    delete process.env[PG_TEMPLATE_ENV];
    await adminQuery(admin, `drop database if exists ${name}`);
  };
}

export async function adminQuery(admin: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
