// SPDX-License-Identifier: EUPL-1.2
// What the public may see of a case file and its registry entries, read from the current state.
// The archive owns screening, so it decides here, once, what leaves it for the public projection
// (journal/): public titles only (screened words of the entry and of its case become *****),
// numbers, dates, type, the responsible unit unless that unit is hidden from the public, and the
// parties by name and role, screened ones as ***** and never with an identity number. A void or
// wholly screened record is not public at all.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import { isUuid } from '../platform/ids.ts';
import { formatDocumentNumber, formatNumber } from './numbering.ts';
import { publicTitle, SCREENED_MARK } from '../common/screening.ts';
import { whollyScreenedFields } from '../common/screening.ts';
import type { Screening } from './tables.ts';
import { publicDocumentsOf, screensClass, type PublicDocumentView } from './publication.ts';

export interface PublicCaseFileView {
  id: string;
  tenantId: string;
  caseNumber: string;
  caseYear: number;
  caseSequence: number;
  publicTitle: string;
  status: string;
  caseDate: string;
  responsibleUnit: string | null;
  /** The case's class code, ***** where it reveals a person. */
  classCode: string | null;
  /** When the case was closed; null while it is open (a consultation on it ends then). */
  closedAt: Date | null;
  updatedAt: Date;
}

export interface PublicEntryView {
  id: string;
  tenantId: string;
  caseFileId: string;
  registryNumber: string;
  entryYear: number;
  entrySequence: number;
  documentNumber: string;
  entryType: string;
  caseNumber: string;
  casePublicTitle: string;
  publicTitle: string;
  documentDate: string | null;
  journalDate: string;
  responsibleUnit: string | null;
  correspondents: { name: string; role: string }[];
  /** The unscreened parties' names by kind: personal names are searchable for 12 months only. */
  personNames: string[];
  organisationNames: string[];
  classCode: string | null;
  documents: PublicDocumentView[];
  publishedAt: Date;
  accessibleAfter: Date | null;
  /**
   * What the municipality's publication policy decides on (journal/): the real class code, unit and
   * type. Never written to a public table; the journal uses it only to leave an entry out.
   */
  policy: { classCode: string | null; unitId: string | null; type: string };
  updatedAt: Date;
}

/** A case file as the public may see it (null: not public), and each of its entries: public or withdrawn. */
export interface PublicCaseView {
  caseFileId: string;
  caseFile: PublicCaseFileView | null;
  entries: PublicEntryView[];
  /** Entries of the case that must not be public (void, wholly screened, or the case is not public). */
  withdrawn: string[];
}

interface CaseRow {
  id: string;
  tenant_id: string;
  case_year: number;
  case_sequence: number;
  public_title: string;
  status: string;
  case_date: string;
  responsible_unit: string | null;
  responsible_unit_id: string | null;
  screening: Screening | null;
  class_code: string | null;
  closed_at: Date | null;
  updated_at: Date;
}

interface EntryRow {
  id: string;
  tenant_id: string;
  case_file_id: string;
  entry_year: number;
  entry_sequence: number;
  number_in_case: number;
  type: string;
  status: string;
  public_title: string;
  document_date: string | null;
  journal_date: string;
  published_at: Date | null;
  responsible_unit: string | null;
  responsible_unit_id: string | null;
  screening: Screening | null;
  accessible_after: Date | null;
  created_at: Date;
  updated_at: Date;
}

interface UnitRow {
  id: string;
  name: string;
  hidden_from_public: boolean;
}

/** Every field that can be screened is screened: nothing of the record is public, not even that it exists. */
export const isWhollyScreened = (screening: Screening | null): boolean => !!screening && whollyScreenedFields.every((f) => screening.fields.includes(f));

/** Extra words to mask: the case's screened words must not surface through an entry or a party. */
const maskWords = (text: string, words: readonly string[]): string =>
  words.length ? publicTitle(text, { fields: [], titleWords: [...words] }) : text;

function unitName(unitId: string | null, text: string | null, units: UnitRow[]): string | null {
  // By id when known; a name without id is matched by name, so a hidden unit is hidden either way.
  const unit = unitId ? units.find((u) => u.id === unitId) : text ? units.find((u) => u.name.toLocaleLowerCase() === text.trim().toLocaleLowerCase()) : undefined;
  if (unit?.hidden_from_public) return null;
  // A unit known by id is shown by its current name, so renaming it renames it on public pages too.
  return (unitId && unit?.name) || text?.trim() || unit?.name || null;
}

async function unitsOf(tx: Tx): Promise<UnitRow[]> {
  return (await sql<UnitRow>`select id, name, hidden_from_public from administrative_units`.execute(tx)).rows;
}

function caseView(row: CaseRow, units: UnitRow[]): PublicCaseFileView | null {
  if (row.status === 'void' || isWhollyScreened(row.screening)) return null;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    caseNumber: formatNumber(row.case_year, row.case_sequence),
    caseYear: row.case_year,
    caseSequence: row.case_sequence,
    publicTitle: row.public_title,
    status: row.status,
    caseDate: row.case_date,
    responsibleUnit: unitName(row.responsible_unit_id, row.responsible_unit, units),
    classCode: row.class_code && (screensClass(row.class_code, row.screening) ? SCREENED_MARK : row.class_code),
    closedAt: row.status === 'closed' ? row.closed_at : null,
    updatedAt: row.updated_at,
  };
}

async function entryViews(tx: Tx, kase: CaseRow, caseFile: PublicCaseFileView | null, entries: EntryRow[], units: UnitRow[]): Promise<Pick<PublicCaseView, 'entries' | 'withdrawn'>> {
  const result: Pick<PublicCaseView, 'entries' | 'withdrawn'> = { entries: [], withdrawn: [] };
  const shown = caseFile ? entries.filter((e) => e.status !== 'void' && !isWhollyScreened(e.screening)) : [];
  result.withdrawn = entries.filter((e) => !shown.includes(e)).map((e) => e.id);
  if (!caseFile || !shown.length) return result;
  const parties = (
    await sql<{ registry_entry_id: string; name: string; role: string; kind: string; screening: unknown }>`
      select registry_entry_id, name, role, kind, screening from correspondents
      where registry_entry_id in (${sql.join(shown.map((e) => e.id))}) order by registry_entry_id, position`.execute(tx)
  ).rows;
  const caseWords = kase.screening?.titleWords ?? [];
  const documents = await publicDocumentsOf(tx, kase, shown);
  for (const e of shown) {
    const words = [...caseWords, ...(e.screening?.titleWords ?? [])];
    const partiesScreened = [e.screening, kase.screening].some((s) => s?.fields.includes('correspondents'));
    // A party screened on its own, for the whole entry, or named by a screened word is *****.
    const ofEntry = parties
      .filter((p) => p.registry_entry_id === e.id)
      .map((p) => ({ ...p, screened: partiesScreened || Boolean(p.screening) || maskWords(p.name, words) !== p.name }));
    result.entries.push({
      id: e.id,
      tenantId: e.tenant_id,
      caseFileId: e.case_file_id,
      registryNumber: formatNumber(e.entry_year, e.entry_sequence),
      entryYear: e.entry_year,
      entrySequence: e.entry_sequence,
      documentNumber: formatDocumentNumber(kase.case_year, kase.case_sequence, e.number_in_case),
      entryType: e.type,
      caseNumber: caseFile.caseNumber,
      casePublicTitle: caseFile.publicTitle,
      publicTitle: maskWords(e.public_title, caseWords),
      documentDate: e.document_date,
      journalDate: e.journal_date,
      responsibleUnit: unitName(e.responsible_unit_id, e.responsible_unit, units),
      // A party named by a screened word is screened as a whole: part of a name can identify.
      correspondents: ofEntry.map((p) => ({ name: p.screened ? SCREENED_MARK : p.name, role: p.role })),
      personNames: ofEntry.filter((p) => !p.screened && p.kind === 'person').map((p) => p.name),
      organisationNames: ofEntry.filter((p) => !p.screened && p.kind === 'organisation').map((p) => p.name),
      classCode: kase.class_code && (screensClass(kase.class_code, kase.screening, e.screening) ? SCREENED_MARK : kase.class_code),
      documents: documents.get(e.id) ?? [],
      publishedAt: e.published_at ?? e.created_at,
      accessibleAfter: e.accessible_after,
      policy: { classCode: kase.class_code, unitId: e.responsible_unit_id, type: e.type },
      updatedAt: new Date(Math.max(e.updated_at.getTime(), kase.updated_at.getTime())),
    });
  }
  return result;
}

const caseColumns = sql`id, tenant_id, case_year, case_sequence, public_title, status, case_date, responsible_unit, responsible_unit_id, screening, closed_at, updated_at,
  (select k.class_id from classes k where k.id = case_files.class_id) as class_code`;
const entryColumns = sql`id, tenant_id, case_file_id, entry_year, entry_sequence, number_in_case, type, status, public_title, document_date, journal_date,
  published_at, accessible_after, responsible_unit, responsible_unit_id, screening, created_at, updated_at`;

/** The case file and all its entries (for a change of the case: its title reaches every entry). */
export async function publicViewOfCaseFile(tx: Tx, caseFileId: string): Promise<PublicCaseView | null> {
  if (!isUuid(caseFileId)) return null;
  const kase = (await sql<CaseRow>`select ${caseColumns} from case_files where id = ${caseFileId}`.execute(tx)).rows[0];
  if (!kase) return null;
  const units = await unitsOf(tx);
  const caseFile = caseView(kase, units);
  const entries = (await sql<EntryRow>`select ${entryColumns} from registry_entries where case_file_id = ${caseFileId} order by number_in_case`.execute(tx)).rows;
  return { caseFileId: kase.id, caseFile, ...(await entryViews(tx, kase, caseFile, entries, units)) };
}

/** One entry with its case file (the case row must exist before the entry's in the projection). */
export async function publicViewOfEntry(tx: Tx, entryId: string): Promise<PublicCaseView | null> {
  if (!isUuid(entryId)) return null;
  const entry = (await sql<EntryRow>`select ${entryColumns} from registry_entries where id = ${entryId}`.execute(tx)).rows[0];
  if (!entry) return null;
  const kase = (await sql<CaseRow>`select ${caseColumns} from case_files where id = ${entry.case_file_id}`.execute(tx)).rows[0]!;
  const units = await unitsOf(tx);
  const caseFile = caseView(kase, units);
  return { caseFileId: kase.id, caseFile, ...(await entryViews(tx, kase, caseFile, [entry], units)) };
}

/**
 * The case files whose public rows show this unit (the case's or one of its entries', by id, or by
 * the unit's name where only the name was kept): what to rewrite when the unit is renamed or hidden.
 */
export async function caseFilesOfUnit(tx: Tx, unitId: string): Promise<string[]> {
  if (!isUuid(unitId)) return [];
  const rows = await sql<{ id: string }>`
    with unit as (select id, lower(name) as name from administrative_units where id = ${unitId}::uuid)
    select c.id from case_files c, unit
      where c.responsible_unit_id = unit.id or (c.responsible_unit_id is null and lower(trim(c.responsible_unit)) = unit.name)
    union
    select e.case_file_id from registry_entries e, unit
      where e.responsible_unit_id = unit.id or (e.responsible_unit_id is null and lower(trim(e.responsible_unit)) = unit.name)
    order by 1`.execute(tx);
  return rows.rows.map((r) => r.id);
}
