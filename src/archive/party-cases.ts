// SPDX-License-Identifier: EUPL-1.2
// What a party may see of their own cases (My page, issue 9 §3). A case is a person's when their
// identity number is on a correspondent of one of its letters. Under forvaltningsloven § 18 a party
// may see the case's documents, but not internal ones (§ 18 a: organinterne dokumenter), and never
// what is screened to protect someone else (§ 19): so
//   - only letters in and out are shown (no memos, notes or internal letters), outgoing letters only
//     once finalised or sent, never reserved or void entries;
//   - a letter the person sent or received is theirs in full (title and documents);
//   - another letter of the case is shown in full when nothing of it is screened, otherwise by its
//     public title (screened words as *****) without documents;
//   - a screened document is shown only on the person's own letters;
//   - the case's title is its public title when the case is screened (the title may name others).
// Reads only, under the municipality's row-level security; the caller passes the person's numbers.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import { isUuid } from '../platform/ids.ts';
import { formatDocumentNumber, formatNumber } from './numbering.ts';

export interface PartyCaseSummary {
  id: string;
  caseNumber: string;
  title: string;
  status: string;
  caseDate: string;
  closedAt: Date | null;
  classId: string | null;
  className: string | null;
  seriesId: string;
  responsibleUnit: string | null;
  lastEntryAt: Date | null;
}

export interface PartyDocument {
  id: string;
  documentNumber: number;
  title: string;
  fileName: string;
  mimeType: string;
  format: string;
  size: number;
}

export interface PartyEntry {
  id: string;
  documentNumber: string;
  type: 'incoming' | 'outgoing';
  title: string;
  journalDate: string;
  createdAt: Date;
  /** The person sent or received this letter. */
  mine: boolean;
  /** Something of the letter is screened from the person: shown by its public title only. */
  screened: boolean;
  documents: PartyDocument[];
}

export interface PartyCase extends PartyCaseSummary {
  entries: PartyEntry[];
}

export interface PartyDocumentObject {
  documentId: string;
  caseFileId: string;
  fileName: string;
  mimeType: string;
  format: string;
  checksum: string;
  size: number;
}

/** The forms one person's number may have been registered in: as given, and a Swedish number without its century. */
export function numberVariants(identityNumbers: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of identityNumbers) {
    const digits = n.replace(/[\s+-]/g, '');
    if (!digits) continue;
    out.add(digits);
    if (digits.length === 12) out.add(digits.slice(2));
  }
  return [...out];
}

const numbersSql = (numbers: string[]) => sql`array[${sql.join(numbers.length ? numbers : [''])}]::text[]`;

/** Entries that a party sees at all: letters in, and letters out once they are finalised or sent. */
const visibleEntry = sql`e.type in ('incoming', 'outgoing') and e.status not in ('reserved', 'void')
  and (e.type = 'incoming' or e.status in ('finalised', 'approved', 'dispatched', 'archived'))`;

interface CaseRow {
  id: string;
  case_year: number;
  case_sequence: number;
  title: string;
  public_title: string;
  screened: boolean;
  status: string;
  case_date: string | Date;
  closed_at: Date | null;
  class_id: string | null;
  class_name: string | null;
  series_id: string;
  responsible_unit: string | null;
  last_entry_at: Date | null;
}

const day = (d: string | Date): string => (typeof d === 'string' ? d.slice(0, 10) : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);

const presentCase = (r: CaseRow): PartyCaseSummary => ({
  id: r.id,
  caseNumber: formatNumber(r.case_year, r.case_sequence),
  title: r.screened ? r.public_title : r.title,
  status: r.status,
  caseDate: day(r.case_date),
  closedAt: r.closed_at,
  classId: r.class_id,
  className: r.class_name,
  seriesId: r.series_id,
  responsibleUnit: r.responsible_unit,
  lastEntryAt: r.last_entry_at,
});

const caseSelect = (numbers: string[]) => sql`
  select c.id, c.case_year, c.case_sequence, c.title, c.public_title, (c.screening is not null) as screened, c.status, c.case_date,
    c.closed_at, c.class_id, k.title as class_name, c.series_id, c.responsible_unit,
    (select max(e.created_at) from registry_entries e where e.case_file_id = c.id and ${visibleEntry}) as last_entry_at
  from case_files c left join classes k on k.id = c.class_id
  where c.status <> 'void' and exists (
    select 1 from registry_entries e join correspondents p on p.registry_entry_id = e.id
    where e.case_file_id = c.id and e.status <> 'void' and p.kind = 'person' and p.identity_number = any(${numbersSql(numbers)}))`;

/** Every case of this municipality where the person is a party, newest activity first. */
export async function casesOfParty(tx: Tx, identityNumbers: readonly string[]): Promise<PartyCaseSummary[]> {
  const numbers = numberVariants(identityNumbers);
  if (!numbers.length) return [];
  const rows = await sql<CaseRow>`${caseSelect(numbers)} order by coalesce((select max(e.created_at) from registry_entries e where e.case_file_id = c.id), c.created_at) desc, c.id limit 500`.execute(tx);
  return rows.rows.map(presentCase);
}

/** One case of the person's with the letters and documents they may see, or undefined (not theirs, or no such case). */
export async function caseOfParty(tx: Tx, identityNumbers: readonly string[], caseFileId: string): Promise<PartyCase | undefined> {
  const numbers = numberVariants(identityNumbers);
  if (!numbers.length || !isUuid(caseFileId)) return undefined;
  const row = (await sql<CaseRow>`${caseSelect(numbers)} and c.id = ${caseFileId}::uuid`.execute(tx)).rows[0];
  if (!row) return undefined;
  const entries = await sql<{
    id: string; case_year: number; case_sequence: number; number_in_case: number; type: 'incoming' | 'outgoing'; title: string; public_title: string;
    journal_date: string | Date; created_at: Date; screened: boolean; mine: boolean;
  }>`
    select e.id, c.case_year, c.case_sequence, e.number_in_case, e.type, e.title, e.public_title, e.journal_date, e.created_at,
      (e.screening is not null) as screened,
      exists (select 1 from correspondents p where p.registry_entry_id = e.id and p.kind = 'person' and p.identity_number = any(${numbersSql(numbers)})) as mine
    from registry_entries e join case_files c on c.id = e.case_file_id
    where e.case_file_id = ${caseFileId}::uuid and ${visibleEntry}
    order by e.number_in_case`.execute(tx);
  const shown = entries.rows.map((e) => ({ ...e, hidden: e.screened && !e.mine }));
  const documents = await documentsOf(tx, shown.filter((e) => !e.hidden).map((e) => e.id), new Set(shown.filter((e) => e.mine).map((e) => e.id)));
  return {
    ...presentCase(row),
    entries: shown.map((e) => ({
      id: e.id,
      documentNumber: formatDocumentNumber(e.case_year, e.case_sequence, e.number_in_case),
      type: e.type,
      title: e.hidden ? e.public_title : e.title,
      journalDate: day(e.journal_date),
      createdAt: e.created_at,
      mine: e.mine,
      screened: e.hidden,
      documents: documents.get(e.id) ?? [],
    })),
  };
}

/** The newest version of each document of the entries, archival format first; screened documents only on the person's own letters. */
async function documentsOf(tx: Tx, entryIds: string[], ownEntries: Set<string>): Promise<Map<string, PartyDocument[]>> {
  const byEntry = new Map<string, PartyDocument[]>();
  if (!entryIds.length) return byEntry;
  const rows = await sql<{ id: string; registry_entry_id: string; document_number: number; title: string; screened: boolean; file_name: string; mime_type: string; format: string; size: string | number }>`
    select distinct on (d.id) d.id, d.registry_entry_id, d.document_number, d.title, (d.screening is not null) as screened, o.file_name, o.mime_type, o.format, o.size
    from documents d join document_objects o on o.document_id = d.id
    where d.registry_entry_id = any(array[${sql.join(entryIds)}]::uuid[]) and o.variant in ('archival', 'production')
    order by d.id, o.version desc, case o.variant when 'archival' then 0 else 1 end`.execute(tx);
  for (const r of rows.rows) {
    if (r.screened && !ownEntries.has(r.registry_entry_id)) continue;
    const list = byEntry.get(r.registry_entry_id) ?? [];
    list.push({ id: r.id, documentNumber: r.document_number, title: r.title, fileName: r.file_name, mimeType: r.mime_type, format: r.format, size: Number(r.size) });
    byEntry.set(r.registry_entry_id, list);
  }
  for (const list of byEntry.values()) list.sort((a, b) => a.documentNumber - b.documentNumber);
  return byEntry;
}

/** The file of a document the person may see (by the same rules as caseOfParty), or undefined. */
export async function documentOfParty(tx: Tx, identityNumbers: readonly string[], documentId: string): Promise<PartyDocumentObject | undefined> {
  if (!isUuid(documentId)) return undefined;
  const owner = (await sql<{ case_file_id: string }>`select e.case_file_id from documents d join registry_entries e on e.id = d.registry_entry_id where d.id = ${documentId}::uuid`.execute(tx)).rows[0];
  if (!owner) return undefined;
  const kase = await caseOfParty(tx, identityNumbers, owner.case_file_id);
  const visible = kase?.entries.some((e) => e.documents.some((d) => d.id === documentId));
  if (!visible) return undefined;
  const o = (
    await sql<{ file_name: string; mime_type: string; format: string; checksum: string; size: string | number }>`
      select o.file_name, o.mime_type, o.format, o.checksum, o.size from document_objects o
      where o.document_id = ${documentId}::uuid and o.variant in ('archival', 'production')
      order by o.version desc, case o.variant when 'archival' then 0 else 1 end limit 1`.execute(tx)
  ).rows[0];
  return o && { documentId, caseFileId: owner.case_file_id, fileName: o.file_name, mimeType: o.mime_type, format: o.format, checksum: o.checksum, size: Number(o.size) };
}

export interface DecisionHistory {
  /** Finished cases of the same class (or, without a class, the same series without a class). */
  finished: number;
  medianDays: number | null;
  p80Days: number | null;
}

/**
 * How long this municipality took to finish cases like this one: days from the case date to the
 * day it was closed (in the municipality's time zone), over every closed case of the same class.
 * Median and 80th percentile interpolated between neighbours, as PostgreSQL's percentile_cont.
 */
export async function decisionHistory(tx: Tx, kind: { classId: string | null; seriesId: string }, timeZone: string): Promise<DecisionHistory> {
  const same = kind.classId ? sql`c.class_id = ${kind.classId}::uuid` : sql`c.class_id is null and c.series_id = ${kind.seriesId}::uuid`;
  const row = (
    await sql<{ finished: number; median: number | null; p80: number | null }>`
      select count(*)::int as finished,
        percentile_cont(0.5) within group (order by ((c.closed_at at time zone ${timeZone})::date - c.case_date)) as median,
        percentile_cont(0.8) within group (order by ((c.closed_at at time zone ${timeZone})::date - c.case_date)) as p80
      from case_files c
      where ${same} and c.status in ('closed', 'closed-by-officer') and c.closed_at is not null`.execute(tx)
  ).rows[0];
  return { finished: Number(row?.finished ?? 0), medianDays: row?.median === null || row?.median === undefined ? null : Number(row.median), p80Days: row?.p80 === null || row?.p80 === undefined ? null : Number(row.p80) };
}

export interface PropertyCase {
  id: string;
  caseNumber: string;
  publicTitle: string;
  status: string;
  caseDate: string;
}

/**
 * Cases whose title or description names the property as "gnr/bnr" (e.g. "12/34", "gnr. 12 bnr. 34",
 * "gnr 12, bnr 34"): the way Norwegian building cases are titled. Matched on the public title (and
 * the description of unscreened cases) and shown by public title only: the owner need not be a party,
 * and a screened word must not tie a case to a property.
 */
export async function casesNamingProperty(tx: Tx, gnr: number, bnr: number): Promise<PropertyCase[]> {
  const slash = `(^|[^0-9/])${gnr}\\s*/\\s*${bnr}([^0-9/]|$)`;
  const words = `gnr\\.?\\s*${gnr}\\s*,?\\s*(og\\s+)?bnr\\.?\\s*${bnr}([^0-9]|$)`;
  const rows = await sql<{ id: string; case_year: number; case_sequence: number; public_title: string; status: string; case_date: string | Date }>`
    select c.id, c.case_year, c.case_sequence, c.public_title, c.status, c.case_date from case_files c
    where c.status <> 'void' and (c.public_title ~* ${slash} or c.public_title ~* ${words}
      or (c.screening is null and (coalesce(c.description, '') ~* ${slash} or coalesce(c.description, '') ~* ${words})))
    order by c.case_year desc, c.case_sequence desc limit 100`.execute(tx);
  return rows.rows.map((r) => ({ id: r.id, caseNumber: formatNumber(r.case_year, r.case_sequence), publicTitle: r.public_title, status: r.status, caseDate: day(r.case_date) }));
}

export interface PersonParty {
  identityNumber: string;
  name: string;
  email: string | null;
}

/**
 * The persons with an identity number among a case's correspondents, with the newest address the
 * case has for each; undefined when the municipality has no such case.
 */
export async function personPartiesOfCase(tx: Tx, caseFileId: string): Promise<PersonParty[] | undefined> {
  if (!isUuid(caseFileId)) return undefined;
  if (!(await sql`select 1 from case_files where id = ${caseFileId}::uuid`.execute(tx)).rows.length) return undefined;
  const rows = await sql<{ identity_number: string; name: string; email: string | null }>`
    select distinct on (p.identity_number) p.identity_number, p.name, p.email
    from correspondents p join registry_entries e on e.id = p.registry_entry_id
    where e.case_file_id = ${caseFileId}::uuid and e.status <> 'void' and p.kind = 'person' and p.identity_number is not null
    order by p.identity_number, (p.email is null), e.created_at desc`.execute(tx);
  return rows.rows.map((r) => ({ identityNumber: r.identity_number, name: r.name, email: r.email }));
}
