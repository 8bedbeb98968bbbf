// SPDX-License-Identifier: EUPL-1.2
// A Kysely dialect for embedded PGlite. PGlite is a single connection, so one transaction must not
// interleave with another: the driver hands out that connection to one holder at a time.
import type { PGlite, Results } from '@electric-sql/pglite';
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
import { sqlLiteral, StatementCache } from './statement-cache.ts';

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
  constructor(
    private readonly pg: PGlite,
    private readonly statements: StatementCache | undefined,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Like node-postgres: without parameters the simple protocol runs, which allows several
    // statements (migrations); with parameters, a prepared statement when the cache takes it,
    // else one unnamed statement.
    const result =
      query.parameters.length === 0
        ? ((await this.pg.exec(query.sql)).at(-1) ?? { rows: [], affectedRows: 0 })
        : ((await this.executePrepared<R>(query.sql, query.parameters)) ?? (await this.pg.query<R>(query.sql, query.parameters as unknown[])));
    const affected = result.affectedRows;
    const rows = result.rows as R[];
    return affected !== undefined && query.query?.kind !== 'SelectQueryNode'
      ? { rows, numAffectedRows: BigInt(affected) }
      : { rows };
  }

  /**
   * EXECUTE of a prepared statement with its parameters as literals, written by PGlite's own
   * serializer for each parameter's type, exactly as its unnamed statements would send them.
   * undefined when the statement is not (yet) prepared or a value cannot be a literal.
   */
  private async executePrepared<R>(text: string, parameters: readonly unknown[]): Promise<Results<R> | undefined> {
    const admission = this.statements?.admit(text);
    if (!admission) return undefined;
    const { statement } = admission;
    if (admission.isNew) {
      try {
        const results = await this.pg.exec(
          `${admission.evicted ? `deallocate ${admission.evicted.name}; ` : ''}prepare ${statement.name} as ${text};
           select parameter_types::oid[]::int[] as types from pg_prepared_statements where name = '${statement.name}'`,
        );
        statement.parameterTypes = (results.at(-1)!.rows[0] as { types: number[] }).types;
      } catch (error) {
        this.statements!.forget(text);
        throw error;
      }
    }
    const literals: string[] = [];
    for (const [i, value] of parameters.entries()) {
      if (value === null || value === undefined) {
        literals.push('null');
        continue;
      }
      const serialize = this.pg.serializers[statement.parameterTypes![i]!];
      const written: unknown = serialize ? serialize(value) : String(value);
      const literal = typeof written === 'string' ? sqlLiteral(written) : undefined;
      if (literal === undefined) return undefined;
      literals.push(literal);
    }
    return (await this.pg.exec(`execute ${statement.name}(${literals.join(', ')})`)).at(-1) as Results<R>;
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

  constructor(pg: PGlite, statements: StatementCache | undefined) {
    this.connection = new PgliteConnection(pg, statements);
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
  /** statements: how many to keep prepared (0: none); see statement-cache.ts. */
  constructor(
    private readonly pg: PGlite,
    private readonly statements = 0,
  ) {}
  stats(): PoolStats {
    const queued = this.driver?.mutex.queued ?? 0;
    return { total: 1, idle: queued === 0 ? 1 : 0, waiting: Math.max(0, queued - 1) };
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    this.driver = new PgliteDriver(this.pg, this.statements > 0 ? new StatementCache(this.statements, { evict: true }) : undefined);
    return this.driver;
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
