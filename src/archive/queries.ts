// SPDX-License-Identifier: EUPL-1.2
// Reads of the archive, shaped for the API. Case lists page by keyset on the time-ordered id.
import { sql } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import { invalid } from '../platform/http/problem.ts';
import { requireCaseFile } from './case-files.ts';
import { requireEntry } from './registry-entries.ts';
import type { ArchiveTables } from './tables.ts';
import type { CaseListQuery } from './schemas.ts';

const db = (tx: Tx) => tables<ArchiveTables>(tx);

export type { CaseListQuery };

const caseColumns = [
  'id', 'tenant_id', 'series_id', 'class_id', 'case_year', 'case_sequence', 'title', 'public_title', 'description', 'status',
  'case_date', 'responsible_unit', 'responsible_officer', 'screening', 'keywords', 'created_at', 'created_by', 'updated_at', 'closed_at', 'closed_by',
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
  if (!/^[0-9a-f-]{36}$/.test(id)) throw invalid([{ field: 'cursor', code: 'invalidCursor', message: 'is not a cursor from a previous page; start again without it' }]);
  return id;
}

export async function entrySummaries(tx: Tx, caseFileIds: string[]) {
  if (!caseFileIds.length) return [];
  return db(tx)
    .selectFrom('registry_entries as e')
    .select([
      'e.id', 'e.case_file_id', 'e.entry_year', 'e.entry_sequence', 'e.number_in_case', 'e.type', 'e.status', 'e.title', 'e.public_title',
      'e.journal_date', 'e.document_date', 'e.received_date', 'e.sent_date', 'e.screening',
    ])
    .select((eb) => [
      eb.exists(eb.selectFrom('follow_ups as f').select('f.id').whereRef('f.registry_entry_id', '=', 'e.id')).as('followed_up'),
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

export async function caseFileDetails(tx: Tx, id: string) {
  const caseFile = await requireCaseFile(tx, id);
  const entries = await entrySummaries(tx, [id]);
  const parties = await correspondentsOf(tx, entries.map((e) => e.id));
  const cls = caseFile.class_id ? await db(tx).selectFrom('classes').select(['id', 'class_id', 'title']).where('id', '=', caseFile.class_id).executeTakeFirst() : undefined;
  const remarks = await db(tx).selectFrom('remarks').selectAll().where('target_id', '=', id).orderBy('created_at').execute();
  const crossReferences = await db(tx).selectFrom('cross_references').selectAll().where('from_id', '=', id).execute();
  const retention = await db(tx).selectFrom('retention_decisions').selectAll().where('target_id', '=', id).orderBy('created_at', 'desc').executeTakeFirst();
  return { caseFile, entries, parties, cls, remarks, crossReferences, retention };
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
