// SPDX-License-Identifier: EUPL-1.2
// The reads of the Noark 5 extraction: the frame (fonds, series, classification) whole, the case
// files in keyset batches, and for each batch everything that hangs on its case files. Read-only;
// every query runs under the municipality's row-level security like any other request.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/transaction.ts';
import type { Screening } from '../../common/screening.ts';

const rows = async <T>(tx: Tx, query: ReturnType<typeof sql<T>>): Promise<T[]> => (await query.execute(tx)).rows;
const ids = (list: readonly string[]) => sql.join(list.map((id) => sql`${id}::uuid`));

export interface FondsRow { id: string; system_id: string; title: string; description: string | null; status: string; created_at: Date; created_by: string; closed_at: Date | null; closed_by: string | null }
export interface CreatorRow { creator_id: string; name: string; description: string | null }
export interface SeriesRow {
  id: string; system_id: string; fonds_id: string; classification_system_id: string | null; title: string; status: 'active' | 'overlap' | 'closed';
  period_start: string; period_end: string | null; created_at: Date; created_by: string; closed_at: Date | null; closed_by: string | null;
  predecessor: string | null; successor: string | null; predecessor_separation: 'sharp' | 'soft' | null; separation: 'sharp' | 'soft' | null;
}
export interface SystemRow { id: string; system_id: string; title: string; type: string; type_code: string; created_at: Date; created_by: string }
export interface ClassRow { id: string; system_id: string; parent_id: string | null; class_id: string; title: string; created_at: Date; created_by: string }
export interface CaseRow {
  id: string; system_id: string; class_id: string | null; case_year: number; case_sequence: number; title: string; public_title: string; description: string | null;
  status: string; case_date: string; unit: string | null; officer: string | null; screening: Screening | null; keywords: string[];
  created_at: Date; created_by: string; closed_at: Date | null; closed_by: string | null;
}
export interface EntryRow {
  id: string; system_id: string; case_file_id: string; entry_year: number; entry_sequence: number; number_in_case: number; type: string; status: string;
  title: string; public_title: string; description: string | null; document_date: string | null; received_date: string | null; sent_date: string | null;
  due_date: string | null; journal_date: string; published_at: Date | null; unit: string | null; officer: string | null; screening: Screening | null;
  created_at: Date; created_by: string; archived_at: Date | null; archived_by: string | null;
}
export interface CorrespondentRow {
  registry_entry_id: string; role: string; name: string; address: string | null; postal_code: string | null; postal_town: string | null; country: string | null; email: string | null;
  /** the party's own screening (0012 on main: screening per correspondent), read so it also works before that column exists */
  own_screening: unknown;
}
export interface FollowUpRow { registry_entry_id: string; method: string; by_entry: string | null; followed_up_at: Date; followed_up_by: string }
export interface DocumentRow { id: string; system_id: string; registry_entry_id: string; document_number: number; relation: string; title: string; document_type: string; status: string; screening: Screening | null; created_at: Date; created_by: string }
export interface ObjectRow {
  id: string; system_id: string; document_id: string; version: number; variant: string; format: string; format_details: string | null; mime_type: string;
  file_name: string; checksum: string; size: string | number; created_at: Date; created_by: string;
}
export interface ConversionRow { id: string; from_object_id: string; to_object_id: string | null; to_checksum: string; to_size: string | number; from_format: string; to_format: string; to_format_details: string | null; converted_at: Date; converted_by: string; tool: string; comment: string | null }
export interface RemarkRow { target_id: string; remark_type: string; text: string; created_at: Date; created_by: string }
export interface CrossRefRow { from_id: string; to_type: string; to_system_id: string | null }
export interface RetentionRow { target_id: string; decision: string; authority: string; preservation_years: number; disposal_date: string }
export interface DisposalRow { target_id: string; executed_at: Date; executed_by: string }
export interface DeletionRow { document_object_id: string; kind: string; deleted_at: Date; deleted_by: string }

const sid = (alias: string) => sql.raw(`coalesce(${alias}.system_id, ${alias}.id::text)`);

export const readFonds = (tx: Tx) =>
  rows<FondsRow>(tx, sql`select f.id, ${sid('f')} as system_id, f.title, f.description, f.status, f.created_at, f.created_by, f.closed_at, f.closed_by from fonds f order by f.created_at`);
export const readCreators = (tx: Tx, fondsId: string) =>
  rows<CreatorRow>(tx, sql`select creator_id, name, description from fonds_creators where fonds_id = ${fondsId} order by creator_id`);

export const readSeries = (tx: Tx, only: string | null) =>
  rows<SeriesRow>(tx, sql`
    select s.id, ${sid('s')} as system_id, s.fonds_id, s.classification_system_id, s.title, s.status, s.period_start::text, s.period_end::text,
      s.created_at, s.created_by, s.closed_at, s.closed_by, s.separation,
      (select ${sid('p')} from series p where p.id = s.predecessor_id) as predecessor,
      (select p.separation from series p where p.id = s.predecessor_id) as predecessor_separation,
      (select ${sid('n')} from series n where n.id = s.successor_id) as successor
    from series s where ${only === null ? sql`true` : sql`s.id::text = ${only} or coalesce(s.system_id, '') = ${only}`}
    order by s.period_start, s.created_at`);

export const readSystem = async (tx: Tx, id: string) =>
  (await rows<SystemRow>(tx, sql`select s.id, ${sid('s')} as system_id, s.title, s.type, s.type_code, s.created_at, s.created_by from classification_systems s where s.id = ${id}`))[0];
export const readClasses = (tx: Tx, systemId: string) =>
  rows<ClassRow>(tx, sql`select c.id, ${sid('c')} as system_id, c.parent_id, c.class_id, c.title, c.created_at, c.created_by from classes c where c.classification_system_id = ${systemId} order by c.class_id`);

/** Case files a deposit takes: closed (avsluttet) or void, i.e. with avsluttetDato. */
const depositable = sql`status in ('closed', 'void')`;

export const countOpenCaseFiles = async (tx: Tx, seriesId: string) =>
  (await rows<{ n: number }>(tx, sql`select count(*)::int as n from case_files where series_id = ${seriesId} and not (${depositable})`))[0]!.n;
export const openCaseNumbers = (tx: Tx, seriesId: string, limit: number) =>
  rows<{ case_year: number; case_sequence: number }>(tx, sql`select case_year, case_sequence from case_files where series_id = ${seriesId} and not (${depositable}) order by case_year, case_sequence limit ${limit}`);

/**
 * The next batch of depositable case files of a series and class (null: those without a class), after the given key.
 * The page is taken first, on its own: joined in one query, the planner (estimating one row, as the
 * tenant condition comes from row-level security) sorted every remaining case file of the series
 * for each batch — 1 s per batch at 250 000 case files, quadratic over an export; alone, 5 ms.
 */
export const readCaseBatch = (tx: Tx, seriesId: string, classId: string | null, after: [number, number], limit: number) =>
  rows<CaseRow>(tx, sql`
    with page as materialized (
      select c.id, c.system_id, c.class_id, c.case_year, c.case_sequence, c.title, c.public_title, c.description, c.status, c.case_date,
        c.responsible_unit_id, c.responsible_unit, c.responsible_officer_id, c.responsible_officer,
        c.screening, c.keywords, c.created_at, c.created_by, c.closed_at, c.closed_by
      from case_files c
      where c.series_id = ${seriesId} and ${classId === null ? sql`c.class_id is null` : sql`c.class_id = ${classId}`} and c.${depositable}
        and (c.case_year, c.case_sequence) > (${after[0]}, ${after[1]})
      order by c.case_year, c.case_sequence limit ${limit})
    select c.id, ${sid('c')} as system_id, c.class_id, c.case_year, c.case_sequence, c.title, c.public_title, c.description, c.status, c.case_date::text,
      coalesce(u.name, c.responsible_unit) as unit, coalesce(o.name, c.responsible_officer) as officer,
      c.screening, c.keywords, c.created_at, c.created_by, c.closed_at, c.closed_by
    from page c
    left join administrative_units u on u.id = c.responsible_unit_id
    left join users o on o.id = c.responsible_officer_id
    order by c.case_year, c.case_sequence`);

export const countDepositable = async (tx: Tx, seriesId: string) =>
  (await rows<{ cases: number; entries: number; objects: number }>(tx, sql`
    select (select count(*)::int from case_files c where c.series_id = ${seriesId} and c.${depositable}) as cases,
      (select count(*)::int from registry_entries e join case_files c on c.id = e.case_file_id where c.series_id = ${seriesId} and c.${depositable}) as entries,
      (select count(*)::int from document_objects o join documents d on d.id = o.document_id join registry_entries e on e.id = d.registry_entry_id
        join case_files c on c.id = e.case_file_id where c.series_id = ${seriesId} and c.${depositable}) as objects`))[0]!;

export const readEntries = (tx: Tx, caseIds: string[]) =>
  caseIds.length === 0 ? Promise.resolve([] as EntryRow[]) : rows<EntryRow>(tx, sql`
    select e.id, ${sid('e')} as system_id, e.case_file_id, e.entry_year, e.entry_sequence, e.number_in_case, e.type, e.status, e.title, e.public_title, e.description,
      e.document_date::text, e.received_date::text, e.sent_date::text, e.due_date::text, e.journal_date::text, e.published_at,
      coalesce(u.name, e.responsible_unit) as unit, coalesce(o.name, e.responsible_officer) as officer, e.screening,
      e.created_at, e.created_by, e.archived_at, e.archived_by
    from registry_entries e
    left join administrative_units u on u.id = e.responsible_unit_id
    left join users o on o.id = e.responsible_officer_id
    where e.case_file_id in (${ids(caseIds)}) order by e.case_file_id, e.number_in_case`);

export const readCorrespondents = (tx: Tx, entryIds: string[]) =>
  entryIds.length === 0 ? Promise.resolve([] as CorrespondentRow[]) : rows<CorrespondentRow>(tx, sql`
    select p.registry_entry_id, p.role, p.name, p.address, p.postal_code, p.postal_town, p.country, p.email, to_jsonb(p) -> 'screening' as own_screening
    from correspondents p where p.registry_entry_id in (${ids(entryIds)}) order by p.registry_entry_id, p.position`);

export const readFollowUps = (tx: Tx, entryIds: string[]) =>
  entryIds.length === 0 ? Promise.resolve([] as FollowUpRow[]) : rows<FollowUpRow>(tx, sql`
    select f.registry_entry_id, f.method, (select ${sid('b')} from registry_entries b where b.id = f.by_registry_entry_id) as by_entry, f.followed_up_at, f.followed_up_by
    from follow_ups f where f.registry_entry_id in (${ids(entryIds)}) order by f.followed_up_at`);

export const readDocuments = (tx: Tx, entryIds: string[]) =>
  entryIds.length === 0 ? Promise.resolve([] as DocumentRow[]) : rows<DocumentRow>(tx, sql`
    select d.id, ${sid('d')} as system_id, d.registry_entry_id, d.document_number, d.relation, d.title, d.document_type, d.status, d.screening, d.created_at, d.created_by
    from documents d where d.registry_entry_id in (${ids(entryIds)}) order by d.registry_entry_id, d.document_number`);

export const readObjects = (tx: Tx, documentIds: string[]) =>
  documentIds.length === 0 ? Promise.resolve([] as ObjectRow[]) : rows<ObjectRow>(tx, sql`
    select o.id, ${sid('o')} as system_id, o.document_id, o.version, o.variant, o.format, o.format_details, o.mime_type, o.file_name, o.checksum, o.size, o.created_at, o.created_by
    from document_objects o where o.document_id in (${ids(documentIds)}) order by o.document_id, o.version, o.variant`);

export const readConversions = (tx: Tx, objectIds: string[]) =>
  objectIds.length === 0 ? Promise.resolve([] as ConversionRow[]) : rows<ConversionRow>(tx, sql`
    select id, from_object_id, to_object_id, to_checksum, to_size, from_format, to_format, to_format_details, converted_at, converted_by, tool, comment
    from conversions where from_object_id in (${ids(objectIds)}) or to_object_id in (${ids(objectIds)}) order by converted_at, id`);

export const readRemarks = (tx: Tx, targetIds: string[]) =>
  targetIds.length === 0 ? Promise.resolve([] as RemarkRow[]) : rows<RemarkRow>(tx, sql`
    select target_id, remark_type, text, created_at, created_by from remarks where target_id in (${ids(targetIds)}) order by created_at`);

export const readCrossReferences = (tx: Tx, fromIds: string[]) =>
  fromIds.length === 0 ? Promise.resolve([] as CrossRefRow[]) : rows<CrossRefRow>(tx, sql`
    select x.from_id, x.to_type, coalesce(
      (select ${sid('c')} from case_files c where c.id = x.to_id),
      (select ${sid('e')} from registry_entries e where e.id = x.to_id),
      (select ${sid('k')} from classes k where k.id = x.to_id)) as to_system_id
    from cross_references x where x.from_id in (${ids(fromIds)}) order by x.created_at`);

/** The decision in force per target: the newest (a new decision supersedes, both stay). */
export const readRetention = (tx: Tx, targetIds: string[]) =>
  targetIds.length === 0 ? Promise.resolve([] as RetentionRow[]) : rows<RetentionRow>(tx, sql`
    select distinct on (target_id) target_id, decision, authority, preservation_years, disposal_date::text
    from retention_decisions where target_id in (${ids(targetIds)}) order by target_id, created_at desc, id desc`);

export const readDisposals = (tx: Tx, targetIds: string[]) =>
  targetIds.length === 0 ? Promise.resolve([] as DisposalRow[]) : rows<DisposalRow>(tx, sql`
    select target_id, executed_at, executed_by from executed_disposals where target_id in (${ids(targetIds)})`);

export const readDeletions = (tx: Tx, objectIds: string[]) =>
  objectIds.length === 0 ? Promise.resolve([] as DeletionRow[]) : rows<DeletionRow>(tx, sql`
    select document_object_id, kind, deleted_at, deleted_by from deletions where document_object_id in (${ids(objectIds)})`);

/** The actor who archived an entry before arkivertAv was kept (0014): the change log's status change. */
export const readArchivers = (tx: Tx, entryIds: string[]) =>
  entryIds.length === 0 ? Promise.resolve([] as { entity_id: string; actor: string }[]) : rows<{ entity_id: string; actor: string }>(tx, sql`
    select distinct on (entity_id) entity_id, actor from change_log
    where entity_id in (${ids(entryIds)}) and field = 'status' and new_value = '"archived"'::jsonb order by entity_id, id desc`);

export interface ChangeRow {
  id: string;
  changed_at: Date;
  actor: string;
  entity_type: string;
  field: string | null;
  old_value: unknown;
  new_value: unknown;
  /** systemID of the unit the change belongs to when that unit is in the extraction, else null */
  unit_system_id: string | null;
}

/**
 * The next batch of the change log after the given id (updates only: creation is not a change).
 * Rows about parts without a systemID of their own (correspondents, follow-ups, remarks, …) are
 * attributed to the entry, case or document they belong to; rows about units outside the
 * extraction come back with unit_system_id null and are left out by the caller.
 */
export const readChangeBatch = (tx: Tx, seriesIds: string[], after: string, limit: number) =>
  rows<ChangeRow>(tx, sql`
    with batch as (
      select l.id, l.changed_at, l.actor, l.entity_type, l.field, l.old_value, l.new_value,
        case l.entity_type
          when 'correspondent' then (select registry_entry_id from correspondents where id = l.entity_id)
          when 'follow-up' then (select registry_entry_id from follow_ups where id = l.entity_id)
          when 'document-object' then (select document_id from document_objects where id = l.entity_id)
          when 'remark' then (select target_id from remarks where id = l.entity_id)
          when 'cross-reference' then (select from_id from cross_references where id = l.entity_id)
          when 'retention-decision' then (select target_id from retention_decisions where id = l.entity_id)
          else l.entity_id end as unit_id
      from change_log l where l.operation = 'update' and l.id > ${after}::bigint order by l.id limit ${limit}
    )
    -- Each unit is checked against the extraction by its own case file, an index lookup per row:
    -- a list of all exported case files (a CTE) was rebuilt for every row, so the change log took
    -- time quadratic in the size of the archive (bench/deposit-export.ts found it).
    select b.id::text, b.changed_at, b.actor, b.entity_type, b.field, b.old_value, b.new_value, coalesce(
      (select ${sid('c')} from case_files c where c.id = b.unit_id and c.series_id in (${ids(seriesIds)}) and c.${depositable}),
      (select ${sid('e')} from registry_entries e join case_files c on c.id = e.case_file_id
        where e.id = b.unit_id and c.series_id in (${ids(seriesIds)}) and c.${depositable}),
      (select ${sid('d')} from documents d join registry_entries e on e.id = d.registry_entry_id join case_files c on c.id = e.case_file_id
        where d.id = b.unit_id and c.series_id in (${ids(seriesIds)}) and c.${depositable}),
      (select ${sid('s')} from series s where s.id = b.unit_id and s.id in (${ids(seriesIds)})),
      (select ${sid('k')} from classes k join series s on s.classification_system_id = k.classification_system_id where k.id = b.unit_id and s.id in (${ids(seriesIds)}) limit 1),
      (select ${sid('f')} from fonds f where f.id = b.unit_id)) as unit_system_id
    from batch b order by b.id`);

export interface JournalRow extends EntryRow {
  case_year: number; case_sequence: number; case_title: string; case_public_title: string; case_screening: Screening | null;
  case_unit: string | null; case_officer: string | null; class_code: string | null; class_title: string | null; series_system_id: string;
}

/** Where a journal page starts: after this registry number, and after this entry among those numbered alike (an imported series). */
export type JournalKey = [year: number, sequence: number, id: string];

/** The next batch of journal posts of the exported case files, in journal order (year, sequence, id). */
export const readJournalBatch = (tx: Tx, seriesIds: string[], after: JournalKey | undefined, limit: number) =>
  rows<JournalRow>(tx, sql`
    -- The page first, on its own: with the joins below in the same query the planner could choose
    -- to join every remaining entry and sort them for each batch (quadratic; bench/deposit-export.ts).
    with page as materialized (
      select e.id from registry_entries e join case_files c on c.id = e.case_file_id
      where c.series_id in (${ids(seriesIds)}) and c.${depositable}
        ${after ? sql`and (e.entry_year, e.entry_sequence, e.id) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)` : sql``}
      order by e.entry_year, e.entry_sequence, e.id limit ${limit}
    )
    select e.id, ${sid('e')} as system_id, e.case_file_id, e.entry_year, e.entry_sequence, e.number_in_case, e.type, e.status, e.title, e.public_title, e.description,
      e.document_date::text, e.received_date::text, e.sent_date::text, e.due_date::text, e.journal_date::text, e.published_at,
      coalesce(u.name, e.responsible_unit) as unit, coalesce(o.name, e.responsible_officer) as officer, e.screening,
      e.created_at, e.created_by, e.archived_at, e.archived_by,
      c.case_year, c.case_sequence, c.title as case_title, c.public_title as case_public_title, c.screening as case_screening,
      coalesce(cu.name, c.responsible_unit) as case_unit, coalesce(co.name, c.responsible_officer) as case_officer,
      k.class_id as class_code, k.title as class_title, ${sid('s')} as series_system_id
    from page
    join registry_entries e on e.id = page.id
    join case_files c on c.id = e.case_file_id
    join series s on s.id = c.series_id
    left join classes k on k.id = c.class_id
    left join administrative_units u on u.id = e.responsible_unit_id
    left join users o on o.id = e.responsible_officer_id
    left join administrative_units cu on cu.id = c.responsible_unit_id
    left join users co on co.id = c.responsible_officer_id
    order by e.entry_year, e.entry_sequence, e.id`);

export const readJournalBounds = async (tx: Tx, seriesIds: string[]) =>
  (await rows<{ first: string | null; last: string | null; n: number }>(tx, sql`
    select min(e.journal_date)::text as first, max(e.journal_date)::text as last, count(*)::int as n
    from registry_entries e join case_files c on c.id = e.case_file_id where c.series_id in (${ids(seriesIds)}) and c.${depositable}`))[0]!;
