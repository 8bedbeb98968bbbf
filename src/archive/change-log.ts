// SPDX-License-Identifier: EUPL-1.2
// Endringslogg: who changed which field of what, from which value to which, written in the same
// transaction as the change. Creation is one row holding the initial values.
import { tables, type Tx } from '../platform/db/transaction.ts';
import type { ArchiveTables } from './tables.ts';

export interface ArchiveCtx {
  tenantId: string;
  /** e.g. "user:0190…:Kari Nordmann" or "system:0190…:Fagsystem" */
  actor: string;
  at: Date;
}

export type EntityType = 'fonds' | 'series' | 'class' | 'case-file' | 'registry-entry' | 'correspondent' | 'follow-up' | 'document' | 'document-object' | 'remark' | 'cross-reference' | 'retention-decision';

export async function logCreated(tx: Tx, c: ArchiveCtx, entityType: EntityType, entityId: string, values: Record<string, unknown>): Promise<void> {
  await tables<ArchiveTables>(tx)
    .insertInto('change_log')
    .values({ tenant_id: c.tenantId, changed_at: c.at, actor: c.actor, entity_type: entityType, entity_id: entityId, operation: 'create', field: null, old_value: null, new_value: JSON.stringify(values) })
    .execute();
}

/** Logs one row per field whose value differs; returns the names of the changed fields. */
export async function logChanges(tx: Tx, c: ArchiveCtx, entityType: EntityType, entityId: string, before: Record<string, unknown>, after: Record<string, unknown>): Promise<string[]> {
  const changed = Object.keys(after).filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null));
  if (!changed.length) return changed;
  await tables<ArchiveTables>(tx)
    .insertInto('change_log')
    .values(
      changed.map((field) => ({
        tenant_id: c.tenantId,
        changed_at: c.at,
        actor: c.actor,
        entity_type: entityType,
        entity_id: entityId,
        operation: 'update' as const,
        field,
        old_value: JSON.stringify(before[field] ?? null),
        new_value: JSON.stringify(after[field] ?? null),
      })),
    )
    .execute();
  return changed;
}

export async function changeLogOf(tx: Tx, entityId: string) {
  return tables<ArchiveTables>(tx).selectFrom('change_log').selectAll().where('entity_id', '=', entityId).orderBy('id').execute();
}
