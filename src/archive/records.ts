// SPDX-License-Identifier: EUPL-1.2
// Records that only grow (0014): conversions (konvertering), executed disposal (utført kassasjon)
// and deletion (sletting). The archive keeps the rows of what was disposed of or deleted; only the
// bytes may go, and these rows say when, by whom and why.
// Each is stamped with the caller's time and person (c.at, c.actor), unless `recorded` says when and
// by whom it happened: an import brings records of events that happened in another system, and those
// keep the package's own dates and persons, never the time of the import.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import type { ArchiveCtx } from './change-log.ts';

/** When and by whom the recorded event happened, where that is not now and the caller (an import). */
export interface RecordedAs {
  at: Date;
  by: string;
}

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

export async function recordConversion(tx: Tx, c: ArchiveCtx, record: ConversionRecord, recorded?: RecordedAs): Promise<string> {
  const id = newId();
  await sql`insert into conversions (id, tenant_id, from_object_id, to_object_id, to_checksum, to_size, from_format, to_format, to_format_details, converted_at, converted_by, tool, comment)
    values (${id}, ${c.tenantId}, ${record.fromObjectId}, ${record.toObjectId ?? null}, ${record.toChecksum}, ${record.toSize}, ${record.fromFormat}, ${record.toFormat},
      ${record.toFormatDetails ?? null}, ${recorded?.at ?? c.at}, ${recorded?.by ?? c.actor}, ${record.tool}, ${record.comment ?? null})`.execute(tx);
  return id;
}

export async function recordDisposal(tx: Tx, c: ArchiveCtx, target: { type: 'case-file' | 'document'; id: string }, recorded?: RecordedAs): Promise<string> {
  const id = newId();
  await sql`insert into executed_disposals (id, tenant_id, target_type, target_id, executed_at, executed_by)
    values (${id}, ${c.tenantId}, ${target.type}, ${target.id}, ${recorded?.at ?? c.at}, ${recorded?.by ?? c.actor})`.execute(tx);
  return id;
}

export type DeletionKind = 'production-format' | 'earlier-version' | 'variant';
/** Noark 5 slettingstype per kind (code and name, as the code list spells them). */
export const deletionKindCodes: Record<DeletionKind, { code: string; name: string }> = {
  'production-format': { code: 'SP', name: 'Sletting av produksjonsformat' },
  'earlier-version': { code: 'SV', name: 'Sletting av tidligere versjon' },
  variant: { code: 'SS', name: 'Sletting av variant med sladdet informasjon' },
};

export async function recordDeletion(tx: Tx, c: ArchiveCtx, objectId: string, kind: DeletionKind, recorded?: RecordedAs): Promise<string> {
  const id = newId();
  await sql`insert into deletions (id, tenant_id, document_object_id, kind, deleted_at, deleted_by)
    values (${id}, ${c.tenantId}, ${objectId}, ${kind}, ${recorded?.at ?? c.at}, ${recorded?.by ?? c.actor})`.execute(tx);
  return id;
}
