// SPDX-License-Identifier: EUPL-1.2
// One database handle for both engines: embedded PGlite in DATA_DIR (the default) or a PostgreSQL
// server (DATABASE_URL). Same SQL, same migrations; values are parsed the same way on both.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PgliteDialect, type PoolStats } from './pglite-dialect.ts';
import { durablePgliteOptions } from './durable-pglite.ts';
import { StatementCache } from './statement-cache.ts';
import { preparingPool } from './pg-prepared.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  engine: Engine;
  /** Untyped here; each module narrows it to its own tables with `tables<T>()` (transaction.ts). */
  kysely: Kysely<any>;
  /** Runs a multi-statement script as the owner (migrations, set-up). */
  execScript(script: string): Promise<void>;
  /**
   * PostgreSQL only: a pool whose connections are `radhus_public` and read-only from their start,
   * for public reads without a transaction around them (withPublic in transaction.ts). PGlite has
   * one connection and no round trips to save, so there public reads keep their transaction.
   */
  publicReads?: Kysely<any>;
  /** Connections in use and waiting, for /metrics. */
  poolStats(): PoolStats;
  /** PGlite only: the whole data folder as a tar file, to start other databases from (`template`). */
  dumpTo?(file: string): Promise<void>;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
// Calendar dates stay 'YYYY-MM-DD' strings: a Date object would shift them by the time zone.
const parsers = {
  [INT8]: (v: string) => Number(v),
  [NUMERIC]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
};

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data folder; undefined means in memory (tests). */
  dataDir?: string | undefined;
  /**
   * In memory only: a PGlite data folder dumped to a tar file (`dumpDataDir`) to start from. The
   * tests make one migrated database per run and start each test file's database from it, since
   * a new in-memory PGlite spends seconds in initdb before it runs a single migration.
   */
  template?: string | undefined;
  /**
   * PostgreSQL: where a connection the server closed while it sat idle in the pool is reported
   * (a restart, a failover, pg_terminate_backend). Standard error unless given.
   */
  log?: ((line: string) => void) | undefined;
}

/**
 * DATABASE_PREPARED_STATEMENTS: how many statements to keep prepared (statement-cache.ts), per
 * process on PGlite and per installation's pool on PostgreSQL; 0 turns it off. Default 500.
 */
export function preparedStatementCapacity(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber(env, 'DATABASE_PREPARED_STATEMENTS', 500, 0, 100_000);
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

/** DATABASE_POOL_SIZE: connections per process for the application's work (default 10). */
export function poolSize(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber(env, 'DATABASE_POOL_SIZE', 10, 1, 1000);
}

/** DATABASE_PUBLIC_POOL_SIZE: connections for public reads, beside DATABASE_POOL_SIZE's (default 10 each). */
export function publicPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber(env, 'DATABASE_PUBLIC_POOL_SIZE', 10, 1, 1000);
}

/**
 * DATABASE_URL for the public pool: its connections start as `radhus_public`, read-only. The startup
 * options go into the URL after any it has (the later `-c` wins): node-postgres lets a URL's own
 * `options` replace a pool's, which would have left the public pool connected as the owner.
 */
export function publicReadsUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('DATABASE_URL must be a URL such as postgres://user:password@host:5432/database (a socket: postgres:///database?host=/run/postgresql)');
  }
  const own = '-c role=radhus_public -c default_transaction_read_only=on';
  const given = parsed.searchParams.get('options')?.trim();
  parsed.searchParams.set('options', given ? `${given} ${own}` : own);
  return parsed.toString();
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.log ?? ((line) => process.stderr.write(`${line}\n`)));
  return openPglite(options.dataDir, options.template);
}

function pgliteFolder(dataDir: string): string {
  return join(dataDir, 'pglite');
}

async function openPglite(dataDir: string | undefined, template: string | undefined): Promise<Database> {
  let folder: string | undefined;
  if (dataDir) {
    folder = pgliteFolder(dataDir);
    mkdirSync(folder, { recursive: true });
  }
  // On a folder, commits are fsynced before they are acknowledged (see durable-pglite.ts: PGlite's
  // defaults survive a killed process but not a power cut). In memory there is nothing to sync.
  // btree_gin: the public journal's search indexes have the municipality as a GIN key (migration 0018).
  const extensions = { btree_gin };
  const pglite = folder
    ? await PGlite.create({ ...durablePgliteOptions(folder), parsers, extensions, relaxedDurability: false })
    : await PGlite.create({ parsers, extensions, ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}) });
  // Literals in EXECUTE (statement-cache.ts) are safe only with standard strings: a backslash
  // must not escape the closing quote. It is PostgreSQL's default; refuse to prepare otherwise.
  const standardStrings = (await pglite.query<{ on: string }>(`select current_setting('standard_conforming_strings') as on`)).rows[0]?.on === 'on';
  const dialect = new PgliteDialect(pglite, standardStrings ? preparedStatementCapacity() : 0);
  const kysely = new Kysely<any>({ dialect });
  return {
    engine: 'pglite',
    kysely,
    poolStats: () => dialect.stats(),
    execScript: async (script) => {
      await pglite.exec(script);
    },
    dumpTo: async (file) => {
      writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()), { mode: 0o600 });
    },
    close: async () => {
      await kysely.destroy();
      await pglite.close();
    },
  };
}

async function openPostgres(url: string, log: (line: string) => void): Promise<Database> {
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      (parsers as Record<number, (v: string) => unknown>)[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize(), types });
  // node-postgres reports an idle connection the server closed as an 'error' event on the pool, and
  // an EventEmitter's 'error' without a listener ends the process: a restart of PostgreSQL took every
  // server down with it. The pool has already dropped that connection and opens a new one when asked.
  const idleLost = (which: string) => (error: Error) => log(`PostgreSQL closed an idle ${which} connection (${error.message}); the pool opens a new one when it needs it`);
  pool.on('error', idleLost('application'));
  // Surface a wrong URL at start, with the server's own words, instead of at the first request.
  const client = await pool.connect().catch((error: Error) => {
    throw new Error(`cannot connect to DATABASE_URL: ${error.message}`);
  });
  client.release();
  const capacity = preparedStatementCapacity();
  const prepared = (p: pg.Pool) => (capacity > 0 ? preparingPool(p, new StatementCache(capacity, { evict: false })) : p);
  const kysely = new Kysely<any>({ dialect: new PostgresDialect({ pool: prepared(pool) }) });
  // The public pages' and routes' reads: BEGIN, the role switch and COMMIT around statements of well
  // under a millisecond were most of what a public read cost the database (BENCHMARKS.md, "The public
  // journal at national scale, second round"). Its connections are opened lazily, on the first public read.
  const publicPool = new pg.Pool({ connectionString: publicReadsUrl(url), max: publicPoolSize(), types });
  publicPool.on('error', idleLost('public'));
  const publicReads = new Kysely<any>({ dialect: new PostgresDialect({ pool: prepared(publicPool) }) });
  return {
    engine: 'postgres',
    kysely,
    publicReads,
    poolStats: () => ({
      total: pool.totalCount + publicPool.totalCount,
      idle: pool.idleCount + publicPool.idleCount,
      waiting: pool.waitingCount + publicPool.waitingCount,
    }),
    execScript: async (script) => {
      await pool.query(script);
    },
    close: async () => {
      await Promise.all([kysely.destroy(), publicReads.destroy()]);
    },
  };
}
