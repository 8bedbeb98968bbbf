// SPDX-License-Identifier: EUPL-1.2
// Dokumentbeskrivelse and dokumentobjekt: a document belongs to a registry entry and has versions,
// each in one or more variants (production format, archival format, a redacted copy). The bytes live
// in the file store under their SHA-256; here only their description.
import { sql } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { writeEvent } from '../platform/outbox.ts';
import type { StoredFile } from '../platform/files/store.ts';
import type { DetectedFormat } from './formats.ts';
import { logChanges, logCreated, type ArchiveCtx } from './change-log.ts';
import { normaliseScreening, validateScreening } from '../common/screening.ts';
import type { UpdateDocumentBody } from './schemas.ts';
import { requireOpenEntry } from './registry-entries.ts';
import type { ArchiveTables, DocumentObjectsTable, DocumentsTable } from './tables.ts';

export interface FileMeta extends StoredFile {
  fileName: string;
  mimeType: string;
  /** the format detected from the content (formats.ts), when the bytes were seen on the way in */
  detected?: DetectedFormat | undefined;
}

export interface NewDocument {
  title?: string | undefined;
  relation?: 'main' | 'attachment' | undefined;
  documentType?: string | undefined;
  variant?: DocumentObjectsTable['variant'] | undefined;
}

const db = (tx: Tx) => tables<ArchiveTables>(tx);

/** PRONOM ids for the formats Arkivverket accepts for deposit; others keep their MIME type. */
const pronom: Record<string, string> = {
  'application/pdf': 'fmt/276',
  'text/plain': 'x-fmt/111',
  'image/tiff': 'fmt/353',
  'image/png': 'fmt/11',
  'image/jpeg': 'fmt/43',
  'application/xml': 'fmt/101',
  'text/xml': 'fmt/101',
  'application/vnd.oasis.opendocument.text': 'fmt/290',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'fmt/412',
};
export const formatOf = (mimeType: string): string => pronom[mimeType] ?? mimeType;

/** The entry, locked, if its documents may still change (not archived, its case not closed). */
export async function entryOpenForDocuments(tx: Tx, entryId: string) {
  return requireOpenEntry(tx, entryId);
}

export async function addDocument(tx: Tx, c: ArchiveCtx, entryId: string, input: NewDocument, file: FileMeta): Promise<{ document: DocumentsTable; object: DocumentObjectsTable }> {
  const entry = await entryOpenForDocuments(tx, entryId);
  const title = (input.title ?? file.fileName.replace(/\.[^.]+$/, '')).trim() || file.fileName;
  if (title.length > 1000) throw invalid([{ field: 'title', code: 'tooLong', message: 'must be at most 1000 characters' }]);
  const existing = await sql<{ n: number | null; mains: number }>`
    select max(document_number) as n, count(*) filter (where relation = 'main')::int as mains from documents where registry_entry_id = ${entryId}`.execute(tx);
  const documentNumber = (existing.rows[0]?.n ?? 0) + 1;
  const relation = input.relation ?? (existing.rows[0]?.mains ? 'attachment' : 'main');
  if (relation === 'main' && existing.rows[0]?.mains) throw conflict('the entry has a main document already; add this one as relation "attachment", or as a new version of the main document');
  const document: DocumentsTable = {
    id: newId(),
    tenant_id: c.tenantId,
    registry_entry_id: entry.id,
    document_number: documentNumber,
    relation,
    title,
    document_type: input.documentType ?? 'letter',
    status: 'draft',
    screening: null,
    created_at: c.at,
    created_by: c.actor,
  };
  await db(tx).insertInto('documents').values({ ...document, screening: null }).execute();
  await logCreated(tx, c, 'document', document.id, { registryEntryId: entryId, documentNumber, relation, title });
  const object = await insertObject(tx, c, document.id, 1, input.variant ?? 'production', file);
  await writeEvent(tx, { tenantId: c.tenantId, type: 'document.added', aggregateType: 'registry-entry', aggregateId: entry.id, payload: { documentId: document.id, checksum: file.checksum }, at: c.at });
  return { document, object };
}

/** A new version (next number) or another variant of an existing version. */
export async function addDocumentObject(tx: Tx, c: ArchiveCtx, documentId: string, input: { variant: DocumentObjectsTable['variant']; version?: number | undefined }, file: FileMeta): Promise<DocumentObjectsTable> {
  const document = await documentOpenForFiles(tx, documentId);
  const latest = (await db(tx).selectFrom('document_objects').select((eb) => eb.fn.max('version').as('v')).where('document_id', '=', documentId).executeTakeFirst())?.v ?? 0;
  const version = input.version ?? (input.variant === 'production' ? latest + 1 : latest);
  if (version < 1 || version > latest + 1) throw invalid([{ field: 'version', code: 'outOfRange', message: `must be between 1 and ${latest + 1}` }]);
  const clash = await db(tx).selectFrom('document_objects').select('id').where('document_id', '=', documentId).where('version', '=', version).where('variant', '=', input.variant).executeTakeFirst();
  if (clash) throw conflict(`version ${version} already has a ${input.variant} variant; upload a new version instead`);
  const object = await insertObject(tx, c, documentId, version, input.variant, file);
  await writeEvent(tx, { tenantId: c.tenantId, type: 'document.version-added', aggregateType: 'registry-entry', aggregateId: document.registry_entry_id, payload: { documentId, version, variant: input.variant }, at: c.at });
  return object;
}

async function insertObject(tx: Tx, c: ArchiveCtx, documentId: string, version: number, variant: DocumentObjectsTable['variant'], file: FileMeta): Promise<DocumentObjectsTable> {
  const object: DocumentObjectsTable = {
    id: newId(),
    tenant_id: c.tenantId,
    document_id: documentId,
    version,
    variant,
    format: file.detected?.format ?? formatOf(file.mimeType),
    format_details: file.detected?.details ?? null,
    mime_type: file.mimeType,
    file_name: file.fileName,
    checksum: file.checksum,
    size: file.size,
    created_at: c.at,
    created_by: c.actor,
  };
  await db(tx).insertInto('document_objects').values(object).execute();
  await logCreated(tx, c, 'document-object', object.id, { documentId, version, variant, checksum: file.checksum, size: file.size, fileName: file.fileName });
  return object;
}

/** The document, if the entry it belongs to may still take new files. */
export async function documentOpenForFiles(tx: Tx, id: string): Promise<DocumentsTable> {
  const document = await requireDocument(tx, id);
  await entryOpenForDocuments(tx, document.registry_entry_id);
  return document;
}

export async function requireDocument(tx: Tx, id: string): Promise<DocumentsTable> {
  const row = isUuid(id) ? await db(tx).selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!row) throw notFound(`document ${id}`);
  return row;
}

/** The object to download: the given version/variant, else the newest archival, else newest production. */
export async function pickObject(tx: Tx, documentId: string, want: { version?: number | undefined; variant?: string | undefined }): Promise<DocumentObjectsTable> {
  await requireDocument(tx, documentId);
  let query = db(tx).selectFrom('document_objects').selectAll().where('document_id', '=', documentId);
  if (want.version !== undefined) query = query.where('version', '=', want.version);
  if (want.variant !== undefined) query = query.where('variant', '=', want.variant as DocumentObjectsTable['variant']);
  const rows = await query.orderBy('version', 'desc').execute();
  const preference = ['archival', 'production', 'redacted'];
  rows.sort((a, b) => b.version - a.version || preference.indexOf(a.variant) - preference.indexOf(b.variant));
  const row = rows[0];
  if (!row) throw notFound(`a file for document ${documentId}${want.version ? ` version ${want.version}` : ''}${want.variant ? ` in variant ${want.variant}` : ''}`);
  return row;
}

export type DocumentPatch = UpdateDocumentBody;

/** Title, type and screening (skjermingDokument) of a document whose entry is not archived. */
export async function updateDocument(tx: Tx, c: ArchiveCtx, id: string, patch: DocumentPatch): Promise<DocumentsTable> {
  const before = await documentOpenForFiles(tx, id);
  const title = patch.title !== undefined ? patch.title.trim() : before.title;
  const errors: FieldError[] = title ? [] : [{ field: 'title', code: 'required', message: 'must not be empty' }];
  if (patch.screening) errors.push(...validateScreening(patch.screening, title));
  if (errors.length) throw invalid(errors);
  const screening = patch.screening === undefined ? before.screening : patch.screening && normaliseScreening(patch.screening);
  const after = { title, document_type: patch.documentType ?? before.document_type, screening };
  const changed = await logChanges(tx, c, 'document', id, before as unknown as Record<string, unknown>, after);
  if (!changed.length) return before;
  await db(tx).updateTable('documents').set({ ...after, screening: screening && JSON.stringify(screening) }).where('id', '=', id).execute();
  await writeEvent(tx, { tenantId: c.tenantId, type: 'document.updated', aggregateType: 'registry-entry', aggregateId: before.registry_entry_id, payload: { documentId: id, fields: changed }, at: c.at });
  return { ...before, ...after };
}
