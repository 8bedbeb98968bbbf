// SPDX-License-Identifier: EUPL-1.2
// PostgreSQL closing connections that sit idle in the pool (a restart, a failover, an operator's
// pg_terminate_backend) is reported and survived: node-postgres raises it as an 'error' event on
// the pool, which without a listener ends the process. Both pools, the application's and the public
// reads', open new connections on the next request.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { withPublic } from './transaction.ts';
import { createTestRadhus, testEngine } from '../../test-support/app.ts';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

const waitFor = async (done: () => boolean, what: string) => {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!done()) throw new Error(`waited 5 s for ${what}`);
};

describe.skipIf(testEngine() !== 'postgres')('connections PostgreSQL closes while they are idle', () => {
  it('are logged and replaced; the process and the next requests carry on', async () => {
    // A migrated database of its own (its roles exist), opened a second time with a log to read.
    const radhus = await createTestRadhus();
    cleanup.push(() => radhus.close());
    const url = radhus.ctx.config.databaseUrl!;
    const lines: string[] = [];
    const db: Database = await openDatabase({ databaseUrl: url, log: (line) => lines.push(line) });
    cleanup.push(() => db.close());
    await sql`select 1`.execute(db.kysely);
    await withPublic(db, (tx) => sql`select 1`.execute(tx));

    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    cleanup.push(() => admin.end());
    // Every idle connection to this file's database: both pools of `db`, and radhus's own.
    const ours = await admin.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state = 'idle'`);
    expect(ours.rows.length).toBeGreaterThanOrEqual(2);
    await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [ours.rows.map((r) => r.pid)]);

    await waitFor(() => lines.some((l) => l.includes('application connection')) && lines.some((l) => l.includes('public connection')), 'both pools to report the closed connections');
    expect(lines.every((l) => /^PostgreSQL closed an idle (application|public) connection \(.+\); the pool opens a new one when it needs it$/.test(l))).toBe(true);
    expect((await sql<{ n: number }>`select 1 as n`.execute(db.kysely)).rows).toEqual([{ n: 1 }]);
    expect((await withPublic(db, (tx) => sql<{ u: string }>`select current_user::text as u`.execute(tx))).rows).toEqual([{ u: 'radhus_public' }]);
    expect((await sql<{ n: number }>`select 1 as n`.execute(radhus.ctx.db.kysely)).rows).toEqual([{ n: 1 }]);
  });
});
