// SPDX-License-Identifier: EUPL-1.2
// The transactional outbox: events are rows written in the same transaction as the change, so an
// event exists exactly when the change committed. Dispatchers (journal, notifications, webhooks)
// read pending rows later; nothing is sent from inside a request.
import type { Generated } from 'kysely';
import { tables, type Tx } from './db/transaction.ts';

interface OutboxTable {
  id: Generated<number>;
  tenant_id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: unknown;
  created_at: Date;
  dispatched_at: Date | null;
}

export interface OutboxEvent {
  tenantId: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  at: Date;
}

export async function writeEvent(tx: Tx, event: OutboxEvent): Promise<void> {
  await tables<{ outbox: OutboxTable }>(tx)
    .insertInto('outbox')
    .values({
      tenant_id: event.tenantId,
      event_type: event.type,
      aggregate_type: event.aggregateType,
      aggregate_id: event.aggregateId,
      payload: JSON.stringify(event.payload),
      created_at: event.at,
      dispatched_at: null,
    })
    .execute();
}
