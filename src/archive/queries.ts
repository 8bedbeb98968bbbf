// SPDX-License-Identifier: EUPL-1.2
// Reads of the archive, shaped for the API. Case lists page by keyset on the time-ordered id.
import { sql } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import { invalid, notFound } from '../platform/http/problem.ts';
import { isUuid } from '../platform/ids.ts';
import { requireCaseFile } from './case-files.ts';
import { requireEntry } from './registry-entries.ts';
import type { ArchiveTables, CaseFilesTable, CorrespondentsTable, CrossReferencesTable, RemarksTable, RetentionDecisionsTable } from './tables.ts';
import type { CaseListQuery } from './schemas.ts';

const db = (tx: Tx) => tables<ArchiveTables>(tx);

export type { CaseListQuery };

const caseColumns = [
  'id', 'tenant_id', 'series_id', 'class_id', 'case_year', 'case_sequence', 'title', 'public_title', 'description', 'status',
  'case_date', 'responsible_unit', 'responsible_officer', 'responsible_unit_id', 'responsible_officer_id', 'screening', 'keywords', 'created_at', 'created_by', 'updated_at', 'closed_at', 'closed_by',
] as const;

export async function listCaseFiles(tx: Tx, query: CaseListQuery) {
  let q = db(tx).selectFrom('case_files').select(caseColumns);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    q = q.where('id', '<', cursor);
  }
  const text = query.q?.trim();
  if (text) {
    const number = /^(\d{4})\/(\d+)$/.exec(text);
    if (number && Number(number[2]) > 2 ** 31 - 1) throw invalid([{ field: 'q', code: 'outOfRange', message: 'a case number like 2026/12 has a sequence number below 2147483648' }]);
    if (number) q = q.where('case_year', '=', Number(number[1])).where('case_sequence', '=', Number(number[2]));
    else
      q = q.where((eb) =>
        eb.or([
          sql<boolean>`search @@ websearch_to_tsquery(radhus_search_config(tenant_id), ${text})`,
          sql<boolean>`search @@ websearch_to_tsquery('simple', ${text})`,
          eb('title', 'ilike', `%${text.replace(/[\\%_]/g, '\\$&')}%`),
        ]),
      );
  }
  const rows = await q.orderBy('id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  return { rows: page, nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!.id) : null };
}

const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!isUuid(id)) throw invalid([{ field: 'cursor', code: 'invalidCursor', message: 'is not a cursor from a previous page; start again without it' }]);
  return id;
}

export async function entrySummaries(tx: Tx, caseFileIds: string[]) {
  if (!caseFileIds.length) return [];
  return db(tx)
    .selectFrom('registry_entries as e')
    .select([
      'e.id', 'e.case_file_id', 'e.entry_year', 'e.entry_sequence', 'e.number_in_case', 'e.type', 'e.status', 'e.title', 'e.public_title',
      'e.journal_date', 'e.document_date', 'e.received_date', 'e.sent_date', 'e.due_date', 'e.screening',
    ])
    .select((eb) => [
      eb.exists(eb.selectFrom('follow_ups as f').select('f.id').whereRef('f.registry_entry_id', '=', 'e.id')).as('followed_up'),
      // The case view shows how each letter was followed up without asking for every entry.
      eb.selectFrom('follow_ups as f').select('f.method').whereRef('f.registry_entry_id', '=', 'e.id').orderBy('f.followed_up_at').limit(1).as('follow_up_method'),
      eb.selectFrom('documents as d').select((x) => x.fn.countAll<number>().as('n')).whereRef('d.registry_entry_id', '=', 'e.id').as('document_count'),
    ])
    .where('e.case_file_id', 'in', caseFileIds)
    .orderBy('e.number_in_case')
    .execute();
}

export async function correspondentsOf(tx: Tx, entryIds: string[]) {
  if (!entryIds.length) return [];
  return db(tx).selectFrom('correspondents').selectAll().where('registry_entry_id', 'in', entryIds).orderBy('position').execute();
}

/**
 * A case file with its class, entries (with their parties, follow-up state and document count),
 * remarks, cross references and latest retention decision, in one statement: reading a case is the
 * commonest request, and each round trip costs more than the rows.
 */
export async function caseFileDetails(tx: Tx, id: string) {
  if (!isUuid(id)) throw notFound(`case file ${id}`);
  const result = await sql<CaseFilesTable & { details: DetailsJson }>`
    select cf.*, json_build_object(
      'cls', (select json_build_object('id', c.id, 'class_id', c.class_id, 'title', c.title) from classes c where c.id = cf.class_id),
      'entries', coalesce((
        select json_agg(json_build_object(
          'id', e.id, 'case_file_id', e.case_file_id, 'entry_year', e.entry_year, 'entry_sequence', e.entry_sequence,
          'number_in_case', e.number_in_case, 'type', e.type, 'status', e.status, 'title', e.title, 'public_title', e.public_title,
          'journal_date', e.journal_date, 'document_date', e.document_date, 'received_date', e.received_date, 'sent_date', e.sent_date,
          'due_date', e.due_date, 'screening', e.screening,
          'followed_up', exists (select 1 from follow_ups f where f.registry_entry_id = e.id),
          -- The case view shows how each letter was followed up without asking for every entry.
          'follow_up_method', (select f.method from follow_ups f where f.registry_entry_id = e.id order by f.followed_up_at limit 1),
          'document_count', (select count(*) from documents d where d.registry_entry_id = e.id),
          'documents', coalesce((select json_agg(json_build_object(
              'id', d.id, 'registry_entry_id', d.registry_entry_id, 'document_number', d.document_number, 'relation', d.relation,
              'title', d.title, 'status', d.status, 'file_name', o.file_name, 'size', o.size) order by d.document_number)
            from documents d
            left join lateral (select file_name, size from document_objects o where o.document_id = d.id order by o.version desc, o.variant limit 1) o on true
            where d.registry_entry_id = e.id), '[]'::json),
          'parties', coalesce((select json_agg(json_build_object('registry_entry_id', p.registry_entry_id, 'name', p.name, 'kind', p.kind, 'role', p.role) order by p.position)
                               from correspondents p where p.registry_entry_id = e.id), '[]'::json)
        ) order by e.number_in_case)
        from registry_entries e where e.case_file_id = cf.id), '[]'::json),
      'remarks', coalesce((select json_agg(r order by r.created_at) from remarks r where r.target_id = cf.id), '[]'::json),
      'crossReferences', coalesce((select json_agg(x) from cross_references x where x.from_id = cf.id), '[]'::json),
      'retention', (select row_to_json(t) from retention_decisions t where t.target_id = cf.id order by t.created_at desc limit 1)
    ) as details
    from case_files cf where cf.id = ${id}`.execute(tx);
  const row = result.rows[0];
  if (!row) throw notFound(`case file ${id}`);
  const { details, ...caseFile } = row;
  const entries = details.entries.map(({ parties: _parties, documents: _documents, ...e }) => e);
  return {
    caseFile: caseFile as CaseFilesTable,
    entries,
    parties: details.entries.flatMap((e) => e.parties) as CorrespondentsTable[],
    documents: details.entries.flatMap((e) => e.documents),
    cls: details.cls ?? undefined,
    remarks: details.remarks.map((r) => ({ ...r, created_at: new Date(r.created_at) })) as RemarksTable[],
    crossReferences: details.crossReferences.map((x) => ({ ...x, created_at: new Date(x.created_at) })) as CrossReferencesTable[],
    retention: details.retention ? ({ ...details.retention, created_at: new Date(details.retention.created_at) } as RetentionDecisionsTable) : undefined,
  };
}

/** A document of an entry with its newest file, as the case view lists it. */
interface DocumentWithFile {
  id: string;
  registry_entry_id: string;
  document_number: number;
  relation: string;
  title: string;
  status: string;
  file_name: string | null;
  size: string | number | null;
}

type Timestamped<T> = Omit<T, 'created_at'> & { created_at: string };
interface DetailsJson {
  cls: { id: string; class_id: string; title: string } | null;
  entries: (Awaited<ReturnType<typeof entrySummaries>>[number] & { parties: Pick<CorrespondentsTable, 'registry_entry_id' | 'name' | 'kind' | 'role'>[]; documents: DocumentWithFile[] })[];
  remarks: Timestamped<RemarksTable>[];
  crossReferences: Timestamped<CrossReferencesTable>[];
  retention: Timestamped<RetentionDecisionsTable> | null;
}

export async function entryDetails(tx: Tx, id: string) {
  const entry = await requireEntry(tx, id);
  const caseFile = await requireCaseFile(tx, entry.case_file_id);
  const parties = await correspondentsOf(tx, [id]);
  const documents = await db(tx).selectFrom('documents').selectAll().where('registry_entry_id', '=', id).orderBy('document_number').execute();
  const objects = documents.length
    ? await db(tx).selectFrom('document_objects').selectAll().where('document_id', 'in', documents.map((d) => d.id)).orderBy('version').execute()
    : [];
  const followUps = await db(tx).selectFrom('follow_ups').selectAll().where('registry_entry_id', '=', id).execute();
  const followsUp = await db(tx).selectFrom('follow_ups').select(['registry_entry_id']).where('by_registry_entry_id', '=', id).execute();
  const remarks = await db(tx).selectFrom('remarks').selectAll().where('target_id', '=', id).orderBy('created_at').execute();
  return { entry, caseFile, parties, documents, objects, followUps, followsUp: followsUp.map((f) => f.registry_entry_id), remarks };
}
