// SPDX-License-Identifier: EUPL-1.2
// The contract between the outbox dispatcher and the modules that consume events. Events carry ids,
// not content: a consumer reads the current state through the producer's service functions, so
// replaying an old event can never bring back an old (perhaps since screened) value.
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/transaction.ts';

export interface DomainEvent {
  /** The outbox row id. */
  id: number;
  tenantId: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  at: Date;
}

export interface EventConsumer {
  /** Stable and unique: the key of its durable position. Renaming a consumer starts it from the beginning. */
  name: string;
  /** The event types it handles; its position moves past other events without calling it. */
  types: readonly string[];
  /**
   * Handles one event inside a transaction that is already in the event's tenant (row-level
   * security applies) and that also advances this consumer's position: what it writes to the
   * database happens exactly once. Anything outside the database (mail, webhooks) is not done
   * here but scheduled as a job in the same transaction.
   */
  handle(tx: Tx, event: DomainEvent, ctx: AppContext): Promise<void>;
  /**
   * For `radhus events replay`: removes what this consumer feeds, in the replay's transaction. Called
   * once per municipality, entered as that tenant (radhus_app, row-level security), like `handle`.
   */
  reset?(tx: Tx): Promise<void>;
}
