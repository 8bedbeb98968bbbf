// SPDX-License-Identifier: EUPL-1.2
// Which statements run as prepared statements, so PostgreSQL plans them once instead of on every
// request. Planning is most of the cost of the archive's larger reads (a case file with its entries
// is planned in ~2 ms and executed in ~0.3 ms on PGlite), and PGlite's one-off statements also take
// five protocol round trips where a prepared one takes one.
//
// A statement is prepared the second time its text is seen (one-off texts, such as an IN list of an
// unusual length, are never prepared), only if it is a plain query (PREPARE accepts nothing else),
// and at most `capacity` at a time. Where a statement can be dropped again (PGlite: one session) the
// least recently used makes room for a new one; where it cannot (a pool of PostgreSQL connections,
// each holding its own), statements beyond the capacity simply run unprepared.
// Parameters stay parameters on PostgreSQL; on PGlite they become quoted literals of the EXECUTE
// (sqlLiteral), since PGlite's EXECUTE takes no protocol parameters.

const PREPARABLE = /^\s*(select|insert|update|delete|with|values)\b/i;
// One statement only: PREPARE takes the first and would leave the rest to run on their own.
const preparable = (text: string) => PREPARABLE.test(text) && !text.includes(';');

export interface PreparedStatement {
  name: string;
  /** Set by the engine once prepared (PGlite reads the parameter types back). */
  parameterTypes?: number[];
}

export interface Admission {
  statement: PreparedStatement;
  /** True the first time: the caller must prepare it on its connection. */
  isNew: boolean;
  /** A statement dropped to make room, to DEALLOCATE where the engine can. */
  evicted?: PreparedStatement;
}

export class StatementCache {
  private readonly prepared = new Map<string, PreparedStatement>();
  private readonly seen = new Map<string, true>();
  private counter = 0;

  constructor(
    private readonly capacity: number,
    private readonly options: { evict: boolean; prefix?: string } = { evict: true },
  ) {}

  get size(): number {
    return this.prepared.size;
  }

  /** undefined: run this one as an ordinary statement. */
  admit(text: string): Admission | undefined {
    if (this.capacity <= 0 || !preparable(text)) return undefined;
    const known = this.prepared.get(text);
    if (known) {
      // Map order is recency order: move it to the end.
      this.prepared.delete(text);
      this.prepared.set(text, known);
      return { statement: known, isNew: false };
    }
    if (!this.seen.has(text)) {
      this.seen.set(text, true);
      // The memory of texts seen once is bounded too, oldest first.
      if (this.seen.size > this.capacity * 4) this.seen.delete(this.seen.keys().next().value!);
      return undefined;
    }
    if (!this.options.evict && this.prepared.size >= this.capacity) return undefined;
    this.seen.delete(text);
    // Never reused for another text, so a connection that prepared it once can trust the name.
    const statement: PreparedStatement = { name: `${this.options.prefix ?? 'rh_'}${++this.counter}` };
    this.prepared.set(text, statement);
    let evicted: PreparedStatement | undefined;
    if (this.prepared.size > this.capacity) {
      const [oldest, dropped] = this.prepared.entries().next().value!;
      this.prepared.delete(oldest);
      evicted = dropped;
    }
    return { statement, isNew: true, ...(evicted ? { evicted } : {}) };
  }

  /** Forgets a statement whose preparation failed, so it is tried afresh next time. */
  forget(text: string): void {
    this.prepared.delete(text);
  }
}

/**
 * A value as an SQL string literal, for PostgreSQL with standard_conforming_strings on (checked
 * when the cache is set up): the only character with a meaning inside '…' is the quote itself.
 * undefined for what cannot be written as a literal (a NUL byte ends a protocol string), so the
 * caller sends that statement with real parameters instead.
 */
export function sqlLiteral(value: string): string | undefined {
  if (value.includes('\0')) return undefined;
  return `'${value.replaceAll("'", "''")}'`;
}
