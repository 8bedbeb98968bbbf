// SPDX-License-Identifier: EUPL-1.2
// The PostgreSQL a bench measures: DATABASE_URL as given (an empty database, kept), or a fresh
// database on the server RADHUS_TEST_DATABASE_URL names, dropped by `drop` when the bench is done.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export async function freshPostgres(prefix: string): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  const given = process.env.DATABASE_URL?.trim();
  if (given) return { url: given, drop: async () => {} };
  const admin = process.env.RADHUS_TEST_DATABASE_URL?.trim();
  if (!admin) return { url: undefined, drop: async () => {} };
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
