// SPDX-License-Identifier: EUPL-1.2
// Every request's work runs in one transaction under the non-superuser role `radhus_app`, with the
// tenant set by SET LOCAL: row-level security in the database, not the application, keeps one
// municipality's rows from another. The setting ends with the transaction, so a pooled connection
// never carries a tenant into the next request.
import { sql, type ControlledTransaction, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.ts';

export interface Actor {
  /** 'user' for people, 'system' for bearer-token integrations, 'cli' for the command line. */
  kind: 'user' | 'system' | 'cli';
  id: string;
  name: string;
}

export interface TenantContext {
  tenantId: string;
  actor: Actor;
}

export type Tx = Transaction<any>;

export async function withTenant<T>(db: Database, ctx: TenantContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(async (tx) => {
    await sql`select set_config('role', 'radhus_app', true),
                     set_config('radhus.tenant_id', ${ctx.tenantId}, true),
                     set_config('radhus.actor', ${`${ctx.actor.kind}:${ctx.actor.id}`}, true)`.execute(tx);
    return work(tx);
  });
}

/**
 * A tenant transaction begun before the work is known: authentication opens it (role and tenant
 * set), checks the caller's credentials in it, and the route's work then runs in the same
 * transaction instead of one of its own (finishOpenTenant). Whoever opens one must finish it.
 */
export interface OpenTenantTransaction {
  tx: ControlledTransaction<any>;
  tenantId: string;
}

export async function beginTenant(db: Database, tenantId: string): Promise<OpenTenantTransaction> {
  const tx = await db.kysely.startTransaction().execute();
  try {
    await sql`select set_config('role', 'radhus_app', true), set_config('radhus.tenant_id', ${tenantId}, true)`.execute(tx);
  } catch (error) {
    await tx.rollback().execute();
    throw error;
  }
  return { tx, tenantId };
}

/** Runs the work in an open transaction and commits it, or rolls it back when the work fails. */
export async function finishOpenTenant<T>(open: OpenTenantTransaction, work: (tx: Tx) => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work(open.tx);
  } catch (error) {
    await open.tx.rollback().execute().catch(() => undefined);
    throw error;
  }
  await open.tx.commit().execute();
  return result;
}

/** Switches a transaction begun without a tenant to one, e.g. right after creating it. */
export async function enterTenant(tx: Tx, tenantId: string): Promise<void> {
  await sql`select set_config('radhus.tenant_id', ${tenantId}, true)`.execute(tx);
}

/** A transaction as the application role without any tenant: sees only installation-wide tables. */
export async function withoutTenant<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(async (tx) => {
    await sql`select set_config('role', 'radhus_app', true)`.execute(tx);
    return work(tx);
  });
}

/**
 * Public reads as `radhus_public`, the role of public routes and pages: it can read the public
 * projection tables and public_tenants, and nothing else (migrations 0005 and later), read-only.
 * On PostgreSQL they run on connections that are that role from their start (`publicReads`),
 * without a transaction: each statement sees what was committed when it began, so a page and its
 * count may differ by an entry published between them, and no statement sees half of a projection's
 * change. On PGlite they run in a read-only transaction that switches to the role.
 */
export async function withPublic<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  // The work takes a transaction's type; on the public pool it gets the pool's handle, which runs
  // the same statements (nothing here opens savepoints or nested transactions on it).
  if (db.publicReads) return work(db.publicReads as unknown as Tx);
  return withPublicTransaction(db, work);
}

/** withPublic's way on PGlite (and on PostgreSQL until 2026-12-02): a read-only transaction that switches to radhus_public. */
export async function withPublicTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(async (tx) => {
    await sql`select set_config('role', 'radhus_public', true), set_config('transaction_read_only', 'on', true)`.execute(tx);
    return work(tx);
  });
}

/** Narrows the untyped handle to a module's own table types. */
export function tables<T>(handle: Kysely<any>): Kysely<T> {
  return handle as Kysely<T>;
}
