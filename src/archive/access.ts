// SPDX-License-Identifier: EUPL-1.2
// What the handling of an access request (innsynskrav, src/access-requests) needs of the archive:
// an entry's responsible unit and its documents, and finding an entry by the numbers an outside
// order names (registry number, case number with document number, or system id). Reads only; the
// decision itself is registered with the ordinary use cases (createCaseFile, createRegistryEntry).
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import { isUuid } from '../platform/ids.ts';
import { formatDocumentNumber, formatNumber } from './numbering.ts';

export interface AccessEntryDocument {
  documentId: string;
  documentNumber: number;
  title: string;
  fileName: string;
  mimeType: string;
  checksum: string;
  size: number;
}

export interface AccessEntry {
  id: string;
  registryNumber: string;
  documentNumber: string;
  caseNumber: string;
  caseFileId: string;
  status: string;
  /** The entry's responsible unit, else its case's. */
  unitId: string | null;
  unitName: string | null;
}

interface EntryRow {
  id: string;
  entry_year: number;
  entry_sequence: number;
  number_in_case: number;
  case_year: number;
  case_sequence: number;
  case_file_id: string;
  status: string;
  unit_id: string | null;
  unit_name: string | null;
}

const present = (r: EntryRow): AccessEntry => ({
  id: r.id,
  registryNumber: formatNumber(r.entry_year, r.entry_sequence),
  documentNumber: formatDocumentNumber(r.case_year, r.case_sequence, r.number_in_case),
  caseNumber: formatNumber(r.case_year, r.case_sequence),
  caseFileId: r.case_file_id,
  status: r.status,
  unitId: r.unit_id,
  unitName: r.unit_name,
});

const entrySelect = sql`select e.id, e.entry_year, e.entry_sequence, e.number_in_case, c.case_year, c.case_sequence, e.case_file_id, e.status,
    coalesce(e.responsible_unit_id, case when e.responsible_unit is null then c.responsible_unit_id end) as unit_id,
    coalesce(e.responsible_unit, c.responsible_unit) as unit_name
  from registry_entries e join case_files c on c.id = e.case_file_id`;

/** The entry of this municipality (row-level security), or undefined. */
export async function entryForAccess(tx: Tx, entryId: string): Promise<AccessEntry | undefined> {
  if (!isUuid(entryId)) return undefined;
  const row = (await sql<EntryRow>`${entrySelect} where e.id = ${entryId}::uuid`.execute(tx)).rows[0];
  return row && present(row);
}

const NUMBER = /^\s*(\d{2,4})\s*\/\s*(\d{1,9})\s*$/;
const DOCUMENT_NUMBER = /^\s*(\d{2,4})\s*\/\s*(\d{1,9})\s*-\s*(\d{1,6})\s*$/;
/** Two-digit years are the 1900s, as eInnsyn writes them (saksaar < 100). */
const fullYear = (y: string): number => (Number(y) < 100 ? Number(y) + 1900 : Number(y));

/**
 * An entry by what an order names: a system id, a registry number "2026/457", or a case number
 * "2026/12" with the entry's number in the case (3, or "2026/12-3"). Undefined when nothing matches.
 */
export async function findEntryForAccess(tx: Tx, ref: { systemId?: string | undefined; registryNumber?: string | undefined; caseNumber?: string | undefined; numberInCase?: string | undefined }): Promise<AccessEntry | undefined> {
  if (ref.systemId && isUuid(ref.systemId.trim())) {
    const found = await entryForAccess(tx, ref.systemId.trim());
    if (found) return found;
  }
  const registry = ref.registryNumber ? NUMBER.exec(ref.registryNumber) : null;
  if (registry) {
    // An imported series may repeat a number the municipality allocated itself (0016): its own first.
    const row = (await sql<EntryRow>`${entrySelect} where e.entry_year = ${fullYear(registry[1]!)} and e.entry_sequence = ${Number(registry[2])} order by e.imported_series_id nulls first limit 1`.execute(tx)).rows[0];
    if (row) return present(row);
  }
  const whole = ref.numberInCase ? DOCUMENT_NUMBER.exec(ref.numberInCase) : null;
  const kase = whole ? [whole[0], whole[1], whole[2]] : ref.caseNumber ? NUMBER.exec(ref.caseNumber) : null;
  const inCase = whole ? whole[3] : ref.numberInCase?.trim();
  if (kase && inCase && /^\d{1,6}$/.test(inCase)) {
    const row = (
      await sql<EntryRow>`${entrySelect} where c.case_year = ${fullYear(kase[1]!)} and c.case_sequence = ${Number(kase[2])} and e.number_in_case = ${Number(inCase)} order by c.imported limit 1`.execute(tx)
    ).rows[0];
    if (row) return present(row);
  }
  return undefined;
}

/** Each document of the entry with the file to send: the newest version, archival format first. */
export async function documentsForAccess(tx: Tx, entryId: string): Promise<AccessEntryDocument[]> {
  const rows = await sql<{ document_id: string; document_number: number; title: string; file_name: string; mime_type: string; checksum: string; size: string | number }>`
    select distinct on (d.id) d.id as document_id, d.document_number, d.title, o.file_name, o.mime_type, o.checksum, o.size
    from documents d join document_objects o on o.document_id = d.id
    where d.registry_entry_id = ${entryId}::uuid and o.variant in ('archival', 'production')
    order by d.id, o.version desc, case o.variant when 'archival' then 0 else 1 end`.execute(tx);
  return rows.rows
    .map((r) => ({ documentId: r.document_id, documentNumber: r.document_number, title: r.title, fileName: r.file_name, mimeType: r.mime_type, checksum: r.checksum, size: Number(r.size) }))
    .sort((a, b) => a.documentNumber - b.documentNumber);
}

/** The registry entry a document belongs to, for a reader that holds only the document's id (the members' workspace). */
export async function entryOfDocument(tx: Tx, documentId: string): Promise<string | undefined> {
  if (!isUuid(documentId)) return undefined;
  return (await sql<{ registry_entry_id: string }>`select registry_entry_id from documents where id = ${documentId}::uuid`.execute(tx)).rows[0]?.registry_entry_id;
}
