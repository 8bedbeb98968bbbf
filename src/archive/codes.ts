// SPDX-License-Identifier: EUPL-1.2
// The municipality's own code tables (archive_codes, 0014): document types, remark types,
// classification types and access codes (tilgangskoder). Each list has one default; the default
// access code is the one a screening gets when none is named, so it must exist in the list.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';

export type CodeList = 'document-type' | 'remark-type' | 'classification-type' | 'access-code';
export interface ArchiveCode {
  list: CodeList;
  code: string;
  name: string;
  isDefault: boolean;
}

/** What every municipality starts with (the same rows 0014 gave the municipalities it found). */
export const standardCodes: readonly ArchiveCode[] = [
  { list: 'document-type', code: 'letter', name: 'Brev', isDefault: true },
  { list: 'document-type', code: 'application', name: 'Søknad', isDefault: false },
  { list: 'document-type', code: 'decision', name: 'Vedtak', isDefault: false },
  { list: 'document-type', code: 'memo', name: 'Notat', isDefault: false },
  { list: 'document-type', code: 'minutes', name: 'Møtebok', isDefault: false },
  { list: 'document-type', code: 'report', name: 'Rapport', isDefault: false },
  { list: 'remark-type', code: 'general', name: 'Generell merknad', isDefault: true },
  { list: 'remark-type', code: 'procedure', name: 'Merknad fra saksbehandler', isDefault: false },
  { list: 'classification-type', code: 'FH', name: 'Funksjonsbasert, hierarkisk', isDefault: true },
  { list: 'classification-type', code: 'OB', name: 'Objektbasert', isDefault: false },
  { list: 'classification-type', code: 'EH', name: 'Emnebasert, hierarkisk', isDefault: false },
  { list: 'access-code', code: 'U', name: 'Unntatt offentlighet', isDefault: true },
  { list: 'access-code', code: 'P', name: 'Personalsaker', isDefault: false },
  { list: 'access-code', code: 'X', name: 'Unntatt offentlighet, annen hjemmel', isDefault: false },
];

export async function seedArchiveCodes(tx: Tx, tenantId: string): Promise<void> {
  for (const c of standardCodes) {
    await sql`insert into archive_codes (tenant_id, list, code, name, is_default)
      values (${tenantId}, ${c.list}, ${c.code}, ${c.name}, ${c.isDefault}) on conflict do nothing`.execute(tx);
  }
}

export async function listArchiveCodes(tx: Tx, list?: CodeList): Promise<ArchiveCode[]> {
  const rows = await sql<{ list: CodeList; code: string; name: string; is_default: boolean }>`
    select list, code, name, is_default from archive_codes
    where ${list === undefined ? sql`true` : sql`list = ${list}`} order by list, code`.execute(tx);
  return rows.rows.map((r) => ({ list: r.list, code: r.code, name: r.name, isDefault: r.is_default }));
}

/** The name of a code for the extraction, or the code itself when the list does not know it. */
export async function codeNames(tx: Tx, list: CodeList): Promise<(code: string) => string> {
  const names = new Map((await listArchiveCodes(tx, list)).map((c) => [c.code, c.name]));
  return (code) => names.get(code) ?? code;
}
