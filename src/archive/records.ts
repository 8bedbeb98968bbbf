// SPDX-License-Identifier: EUPL-1.2
// Records that only grow (0014): conversions (konvertering), executed disposal (utført kassasjon)
// and deletion (sletting). The archive keeps the rows of what was disposed of or deleted; only the
// bytes may go, and these rows say when, by whom and why.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import type { ArchiveCtx } from './change-log.ts';

export interface ConversionRecord {
  fromObjectId: string;
  toObjectId?: string | null;
  toChecksum: string;
  toSize: number;
  fromFormat: string;
  toFormat: string;
  toFormatDetails?: string | null;
  tool: string;
  comment?: string | null;
}

export async function recordConversion(tx: Tx, c: ArchiveCtx, record: ConversionRecord): Promise<string> {
  const id = newId();
  await sql`insert into conversions (id, tenant_id, from_object_id, to_object_id, to_checksum, to_size, from_format, to_format, to_format_details, converted_at, converted_by, tool, comment)
    values (${id}, ${c.tenantId}, ${record.fromObjectId}, ${record.toObjectId ?? null}, ${record.toChecksum}, ${record.toSize}, ${record.fromFormat}, ${record.toFormat},
      ${record.toFormatDetails ?? null}, ${c.at}, ${c.actor}, ${record.tool}, ${record.comment ?? null})`.execute(tx);
  return id;
}

export async function recordDisposal(tx: Tx, c: ArchiveCtx, target: { type: 'case-file' | 'document'; id: string }): Promise<string> {
  const id = newId();
  await sql`insert into executed_disposals (id, tenant_id, target_type, target_id, executed_at, executed_by)
    values (${id}, ${c.tenantId}, ${target.type}, ${target.id}, ${c.at}, ${c.actor})`.execute(tx);
  return id;
}

export async function recordDeletion(tx: Tx, c: ArchiveCtx, objectId: string, kind: 'production-format' | 'earlier-version' | 'variant'): Promise<string> {
  const id = newId();
  await sql`insert into deletions (id, tenant_id, document_object_id, kind, deleted_at, deleted_by)
    values (${id}, ${c.tenantId}, ${objectId}, ${kind}, ${c.at}, ${c.actor})`.execute(tx);
  return id;
}
