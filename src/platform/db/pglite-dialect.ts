// SPDX-License-Identifier: EUPL-1.2
// A Kysely dialect for embedded PGlite. PGlite is a single connection, so one transaction must not
// interleave with another: the driver hands out that connection to one holder at a time.
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  /** Holders and waiters, for the pool figures in /metrics. */
  queued = 0;
  lock(): Promise<() => void> {
    let release!: () => void;
    this.queued++;
    const next = new Promise<void>((resolve) => (release = () => (this.queued--, resolve())));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

/** The single PGlite connection seen as a pool of one. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

class PgliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Like node-postgres: without parameters the simple protocol runs, which allows several
    // statements (migrations); with parameters, one prepared statement.
    const result =
      query.parameters.length === 0
        ? ((await this.pg.exec(query.sql)).at(-1) ?? { rows: [], affectedRows: 0 })
        : await this.pg.query<R>(query.sql, query.parameters as unknown[]);
    const affected = result.affectedRows;
    const rows = result.rows as R[];
    return affected !== undefined && query.query?.kind !== 'SelectQueryNode'
      ? { rows, numAffectedRows: BigInt(affected) }
      : { rows };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream; page with keyset queries instead');
  }
}

class PgliteDriver implements Driver {
  readonly mutex = new Mutex();
  private readonly releases = new WeakMap<DatabaseConnection, () => void>();
  private readonly connection: PgliteConnection;

  constructor(pg: PGlite) {
    this.connection = new PgliteConnection(pg);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.mutex.lock();
    // The same object every time: the mutex, not identity, keeps holders apart.
    this.releases.set(this.connection, release);
    return this.connection;
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    const release = this.releases.get(conn);
    this.releases.delete(conn);
    release?.();
  }

  async destroy(): Promise<void> {}
}

export class PgliteDialect implements Dialect {
  private driver: PgliteDriver | undefined;
  constructor(private readonly pg: PGlite) {}
  stats(): PoolStats {
    const queued = this.driver?.mutex.queued ?? 0;
    return { total: 1, idle: queued === 0 ? 1 : 0, waiting: Math.max(0, queued - 1) };
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    this.driver = new PgliteDriver(this.pg);
    return this.driver;
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
