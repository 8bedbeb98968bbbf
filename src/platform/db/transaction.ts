// SPDX-License-Identifier: EUPL-1.2
// Every request's work runs in one transaction under the non-superuser role `radhus_app`, with the
// tenant set by SET LOCAL: row-level security in the database, not the application, keeps one
// municipality's rows from another. The setting ends with the transaction, so a pooled connection
// never carries a tenant into the next request.
import { sql, type Kysely, type Transaction } from 'kysely';
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
 * A read-only transaction as `radhus_public`, the role of public routes and pages: it can read the
 * public projection tables and public_tenants, and nothing else (migrations 0005 and later).
 */
export async function withPublic<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(async (tx) => {
    await sql`select set_config('role', 'radhus_public', true), set_config('transaction_read_only', 'on', true)`.execute(tx);
    return work(tx);
  });
}

/** Narrows the untyped handle to a module's own table types. */
export function tables<T>(handle: Kysely<any>): Kysely<T> {
  return handle as Kysely<T>;
}
