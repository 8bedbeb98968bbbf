// SPDX-License-Identifier: EUPL-1.2
// Shared by the dispatcher and the job runner: who this process is, the roles a background
// transaction switches between, and how long to wait before trying again.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Tx } from '../db/transaction.ts';

/** Names this process in leases and logs: host, pid and a random part (pids repeat across containers). */
export const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * Bookkeeping (outbox of every municipality, consumer positions, jobs) runs as radhus_worker
 * (migration 0006), whose policies let it read all of those and nothing of the archive.
 */
export async function asWorker(tx: Tx): Promise<void> {
  await sql`select set_config('role', 'radhus_worker', true)`.execute(tx);
}

/**
 * The event's municipality, as `withTenant` enters it (platform/db/transaction.ts): the handler
 * runs as radhus_app under row-level security, in the same transaction that moves the position.
 */
export async function asTenant(tx: Tx, tenantId: string, actor: string): Promise<void> {
  await sql`select set_config('role', 'radhus_app', true),
                   set_config('radhus.tenant_id', ${tenantId}, true),
                   set_config('radhus.actor', ${actor}, true)`.execute(tx);
}

/** 1 s, 2 s, 4 s … capped at 10 minutes: a broken consumer or job does not hammer the database. */
export function backoffMs(attempts: number): number {
  return Math.min(1_000 * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}

export const errorText = (error: unknown): string => {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.slice(0, 2_000);
};
