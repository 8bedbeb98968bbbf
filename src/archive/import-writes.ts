// SPDX-License-Identifier: EUPL-1.2
// The archive writes of `radhus import noark5`: an extraction made by another system becomes new
// series of the municipality with everything in them, keeping the package's own numbers and
// systemIDs (in the system_id column, apart from the primary key). The archive is the only module
// writing these tables; the deposit module maps the XML and calls these through service.ts.
// The freeze triggers stay in force: a closed case file cannot take new entries, an archived entry no
// new documents, so a case file is written the way one is closed — open first, its entries and what
// hangs on them, then the entries archived and the case closed, all in the caller's transaction.
// Imported case files and entries are marked (0019): their numbers are unique per series, not per
// municipality like the numbers Rådhus allocates.
// Imported rows are history, not changes: no change-log rows are written for them (the package's own
// change log is loaded instead, insertChange), and the number series are not touched.
// Konvertering, utført kassasjon and sletting are records of what happened in the other system: they
// keep the package's own dates and persons (records.ts, `recorded`). A package holds only the object a
// conversion made, not the one it was made from, so an imported conversion names that object as both
// (from_object_id = to_object_id: "made by this conversion, from an object not kept here"). A sletting
// says only that a file of the document was deleted, when and by whom: the deleted object gets a row
// of its own as a deleted object has here (rows stay, bytes go) — no bytes, an unknown format, a
// version and variant that fit the kind — so the export finds it deleted and writes the sletting again.
import { sql } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import { writeEvent } from '../platform/outbox.ts';
import type { Screening } from '../common/screening.ts';
import type { ArchiveCtx, EntityType } from './change-log.ts';
import { formatNumber } from './numbering.ts';
import { recordConversion, recordDeletion, recordDisposal, type DeletionKind, type RecordedAs } from './records.ts';
import type { ArchiveTables, CaseFileStatus, CorrespondentsTable, DocumentObjectsTable, EntryStatus, EntryType, FollowUpMethod, RetentionDecisionsTable } from './tables.ts';

const db = (tx: Tx) => tables<ArchiveTables>(tx);
const json = (s: Screening | null) => (s ? JSON.stringify(s) : null);

export interface ImportedSeries {
  id: string; systemId: string; title: string; status: 'active' | 'overlap' | 'closed'; periodStart: string; periodEnd: string | null;
  createdAt: Date; createdBy: string; closedAt: Date | null; closedBy: string | null; classificationSystemId: string | null; separation: 'sharp' | 'soft' | null;
}
export interface ImportedSystem { id: string; systemId: string; title: string; type: string; typeCode: string; createdAt: Date; createdBy: string }
export interface ImportedClass { id: string; systemId: string; classificationSystemId: string; parentId: string | null; classId: string; title: string; createdAt: Date; createdBy: string }
export interface ImportedRetention {
  targetType: RetentionDecisionsTable['target_type']; targetId: string; decision: RetentionDecisionsTable['decision']; authority: string;
  years: number; disposalDate: string; createdAt: Date; createdBy: string;
}
export interface ImportedRemark { type: string; text: string; createdAt: Date; createdBy: string }
/** A konvertering of the object: it was made from fromFormat, at and by whom the package says. */
export interface ImportedConversion { at: Date; by: string; fromFormat: string; toFormat: string; tool: string | null; comment: string | null }
export interface ImportedObject {
  id: string; systemId: string; version: number; variant: DocumentObjectsTable['variant']; format: string; formatDetails: string | null; mimeType: string;
  fileName: string; checksum: string; size: number; createdAt: Date; createdBy: string; conversions: ImportedConversion[];
}
export interface ImportedDocument {
  id: string; systemId: string; number: number; relation: 'main' | 'attachment'; title: string; type: string; status: 'draft' | 'final'; screening: Screening | null;
  createdAt: Date; createdBy: string; remarks: ImportedRemark[]; disposal: RecordedAs | null; deletion: (RecordedAs & { kind: DeletionKind }) | null; objects: ImportedObject[];
}
export interface ImportedCorrespondent {
  role: CorrespondentsTable['role']; name: string; address: string | null; postalCode: string | null; postalTown: string | null; country: string | null; email: string | null;
}
export interface ImportedFollowUp { method: FollowUpMethod; byEntrySystemId: string | null; at: Date; by: string }
export interface ImportedEntry {
  id: string; systemId: string; year: number; sequence: number; numberInCase: number; type: EntryType; status: EntryStatus; title: string; publicTitle: string;
  description: string | null; documentDate: string | null; receivedDate: string | null; sentDate: string | null; dueDate: string | null; journalDate: string;
  publishedAt: Date | null; unit: string | null; officer: string | null; screening: Screening | null; createdAt: Date; createdBy: string;
  archivedAt: Date | null; archivedBy: string | null; correspondents: ImportedCorrespondent[]; followUps: ImportedFollowUp[]; remarks: ImportedRemark[]; documents: ImportedDocument[];
}
export interface ImportedCase {
  id: string; systemId: string; seriesId: string; classId: string | null; year: number; sequence: number; title: string; publicTitle: string; description: string | null;
  status: CaseFileStatus; caseDate: string; unit: string | null; officer: string | null; screening: Screening | null; keywords: string[];
  createdAt: Date; createdBy: string; closedAt: Date | null; closedBy: string | null; retention: ImportedRetention | null; remarks: ImportedRemark[]; entries: ImportedEntry[];
}

/** The fonds imported series join: the municipality's first (bootstrapArchive makes one per municipality). */
export async function importFonds(tx: Tx): Promise<string> {
  const fonds = await db(tx).selectFrom('fonds').select('id').orderBy('created_at').executeTakeFirst();
  if (!fonds) throw new Error('the municipality has no fonds (arkiv) to import into');
  return fonds.id;
}

export async function insertSeries(tx: Tx, c: ArchiveCtx, fondsId: string, s: ImportedSeries): Promise<void> {
  await db(tx).insertInto('series').values({
    id: s.id, tenant_id: c.tenantId, fonds_id: fondsId, classification_system_id: s.classificationSystemId, title: s.title, status: s.status,
    period_start: s.periodStart, period_end: s.periodEnd, created_at: s.createdAt, created_by: s.createdBy, closed_at: s.closedAt, closed_by: s.closedBy,
    separation: s.separation, system_id: s.systemId,
  }).execute();
  // The one record of the import itself: who loaded the series, when (creation rows are not exported).
  await db(tx).insertInto('change_log').values({
    tenant_id: c.tenantId, changed_at: c.at, actor: c.actor, entity_type: 'series', entity_id: s.id, operation: 'create', field: null, old_value: null,
    new_value: JSON.stringify({ imported: s.systemId, title: s.title }),
  }).execute();
}

/** A classification system, and the series it is written under uses it. */
export async function insertClassificationSystem(tx: Tx, c: ArchiveCtx, s: ImportedSystem, seriesId: string | null): Promise<void> {
  await db(tx).insertInto('classification_systems')
    .values({ id: s.id, tenant_id: c.tenantId, title: s.title, type: s.type, type_code: s.typeCode, created_at: s.createdAt, created_by: s.createdBy, system_id: s.systemId })
    .execute();
  if (seriesId) await db(tx).updateTable('series').set({ classification_system_id: s.id }).where('id', '=', seriesId).execute();
}

export async function insertClass(tx: Tx, c: ArchiveCtx, k: ImportedClass): Promise<void> {
  await db(tx).insertInto('classes').values({
    id: k.id, tenant_id: c.tenantId, classification_system_id: k.classificationSystemId, parent_id: k.parentId, class_id: k.classId, title: k.title,
    created_at: k.createdAt, created_by: k.createdBy, system_id: k.systemId,
  }).execute();
}

export async function insertRetention(tx: Tx, c: ArchiveCtx, r: ImportedRetention): Promise<void> {
  await db(tx).insertInto('retention_decisions').values({
    id: newId(), tenant_id: c.tenantId, target_type: r.targetType, target_id: r.targetId, decision: r.decision, authority: r.authority,
    preservation_years: r.years, disposal_date: r.disposalDate, created_at: r.createdAt, created_by: r.createdBy,
  }).execute();
}

async function insertRemarks(tx: Tx, c: ArchiveCtx, targetType: 'case-file' | 'registry-entry' | 'document', targetId: string, remarks: ImportedRemark[]): Promise<void> {
  for (const r of remarks)
    await db(tx).insertInto('remarks')
      .values({ id: newId(), tenant_id: c.tenantId, target_type: targetType, target_id: targetId, remark_type: r.type, text: r.text, created_at: r.createdAt, created_by: r.createdBy })
      .execute();
}

/**
 * One case file with its entries, documents, files' rows, parties, follow-ups and remarks, closed as
 * it was. The files must be in the store already (staged by the caller, committed with the
 * transaction). Follow-ups name the entry that followed up by systemID: one in this case file or one
 * imported before it (else the reference is left empty and returned, so the caller can report it).
 */
export async function insertCaseFile(tx: Tx, c: ArchiveCtx, k: ImportedCase): Promise<{ unresolvedFollowUps: string[] }> {
  await db(tx).insertInto('case_files').values({
    id: k.id, tenant_id: c.tenantId, series_id: k.seriesId, class_id: k.classId, case_year: k.year, case_sequence: k.sequence, title: k.title,
    public_title: k.publicTitle, description: k.description, status: 'in-progress', case_date: k.caseDate, responsible_unit: k.unit,
    responsible_officer: k.officer, responsible_unit_id: null, responsible_officer_id: null, screening: json(k.screening), keywords: k.keywords,
    created_at: k.createdAt, created_by: k.createdBy, updated_at: k.closedAt ?? k.createdAt, closed_at: null, closed_by: null, system_id: k.systemId, imported: true,
  }).execute();
  await insertRemarks(tx, c, 'case-file', k.id, k.remarks);
  if (k.retention) await insertRetention(tx, c, k.retention);
  const local = new Map(k.entries.map((e) => [e.systemId, e.id]));
  const unresolvedFollowUps: string[] = [];
  for (const e of k.entries) {
    await db(tx).insertInto('registry_entries').values({
      id: e.id, tenant_id: c.tenantId, case_file_id: k.id, entry_year: e.year, entry_sequence: e.sequence, number_in_case: e.numberInCase, type: e.type,
      status: 'registered', title: e.title, public_title: e.publicTitle, description: e.description, document_date: e.documentDate, received_date: e.receivedDate,
      sent_date: e.sentDate, due_date: e.dueDate, journal_date: e.journalDate, published_at: e.publishedAt, responsible_unit: e.unit, responsible_officer: e.officer,
      responsible_unit_id: null, responsible_officer_id: null, screening: json(e.screening), created_at: e.createdAt, created_by: e.createdBy,
      updated_at: e.archivedAt ?? e.createdAt, archived_at: null, archived_by: null, system_id: e.systemId, imported_series_id: k.seriesId,
    }).execute();
    await insertRemarks(tx, c, 'registry-entry', e.id, e.remarks);
    let position = 0;
    for (const p of e.correspondents)
      await db(tx).insertInto('correspondents').values({
        id: newId(), tenant_id: c.tenantId, registry_entry_id: e.id, kind: 'person', role: p.role, name: p.name, identity_number: null, organisation_number: null,
        address: p.address, postal_code: p.postalCode, postal_town: p.postalTown, country: p.country, email: p.email, position: position++,
      }).execute();
    for (const d of e.documents) {
      await db(tx).insertInto('documents').values({
        id: d.id, tenant_id: c.tenantId, registry_entry_id: e.id, document_number: d.number, relation: d.relation, title: d.title, document_type: d.type,
        status: d.status, screening: json(d.screening), created_at: d.createdAt, created_by: d.createdBy, system_id: d.systemId,
      }).execute();
      await insertRemarks(tx, c, 'document', d.id, d.remarks);
      for (const o of d.objects) {
        await db(tx).insertInto('document_objects').values({
          id: o.id, tenant_id: c.tenantId, document_id: d.id, version: o.version, variant: o.variant, format: o.format, format_details: o.formatDetails,
          mime_type: o.mimeType, file_name: o.fileName, checksum: o.checksum, size: o.size, created_at: o.createdAt, created_by: o.createdBy, system_id: o.systemId,
        }).execute();
        for (const k of o.conversions)
          await recordConversion(tx, c, {
            fromObjectId: o.id, toObjectId: o.id, toChecksum: o.checksum, toSize: o.size, fromFormat: k.fromFormat, toFormat: k.toFormat,
            toFormatDetails: k.toFormat === o.format ? o.formatDetails : null, tool: k.tool ?? '', comment: k.comment,
          }, { at: k.at, by: k.by });
      }
      if (d.deletion) await recordDeletion(tx, c, await insertDeletedObject(tx, c, d, d.deletion.kind), d.deletion.kind, d.deletion);
      if (d.disposal) await recordDisposal(tx, c, { type: 'document', id: d.id }, d.disposal);
    }
  }
  for (const e of k.entries)
    for (const f of e.followUps) {
      let by: string | null = f.byEntrySystemId ? (local.get(f.byEntrySystemId) ?? null) : null;
      if (f.byEntrySystemId && !by) {
        by = (await sql<{ id: string }>`select id from registry_entries where system_id = ${f.byEntrySystemId}`.execute(tx)).rows[0]?.id ?? null;
        if (!by) unresolvedFollowUps.push(f.byEntrySystemId);
      }
      await db(tx).insertInto('follow_ups')
        .values({ id: newId(), tenant_id: c.tenantId, registry_entry_id: e.id, method: f.method, by_registry_entry_id: by, followed_up_at: f.at, followed_up_by: f.by })
        .execute();
    }
  // Now as they were: entries archived (or void), then the case closed; the freeze holds from here.
  for (const e of k.entries)
    await db(tx).updateTable('registry_entries').set({ status: e.status, archived_at: e.archivedAt, archived_by: e.archivedBy }).where('id', '=', e.id).execute();
  await db(tx).updateTable('case_files').set({ status: k.status, closed_at: k.closedAt, closed_by: k.closedBy }).where('id', '=', k.id).execute();
  // The public journal follows (the projection reads the case as it now is; entries keep their journal dates).
  await writeEvent(tx, { tenantId: c.tenantId, type: 'case-file.created', aggregateType: 'case-file', aggregateId: k.id, payload: { caseNumber: formatNumber(k.year, k.sequence), imported: true }, at: c.at });
  return { unresolvedFollowUps };
}

/** SHA-256 of no bytes: the deleted object's row keeps no checksum of a file the package does not hold. */
const NO_BYTES = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * The row of the object a sletting deleted (the package names only the kind): a production format or
 * an earlier version (production variant), or a redacted variant, at the version the kind implies
 * where that is free. Never where a download would pick it (the newest version, archival before
 * production before redacted: pickObject) over a file the document still has.
 */
async function insertDeletedObject(tx: Tx, c: ArchiveCtx, d: ImportedDocument, kind: DeletionKind): Promise<string> {
  const preference = ['archival', 'production', 'redacted'] as const;
  const last = Math.max(1, ...d.objects.map((o) => o.version));
  const kindVariant: DocumentObjectsTable['variant'] = kind === 'variant' ? 'redacted' : 'production';
  const taken = (v: number, variant: string) => d.objects.some((o) => o.version === v && o.variant === variant);
  const hidden = (v: number, variant: DocumentObjectsTable['variant']) =>
    d.objects.length === 0 || v < last || d.objects.some((o) => o.version === last && preference.indexOf(o.variant) < preference.indexOf(variant));
  const versions = [...new Set([kind === 'earlier-version' ? last - 1 : last, ...Array.from({ length: last }, (_, i) => last - i)])].filter((v) => v >= 1);
  // Never an archival variant: that is what a deletion must leave in place.
  const variants = [...new Set([kindVariant, 'production', 'redacted'] as const)];
  const slot = versions.flatMap((v) => variants.map((variant) => ({ version: v, variant })))
    .find((x) => !taken(x.version, x.variant) && hidden(x.version, x.variant)) ?? { version: last + 1, variant: kindVariant };
  const id = newId();
  await db(tx).insertInto('document_objects').values({
    id, tenant_id: c.tenantId, document_id: d.id, version: slot.version, variant: slot.variant, format: 'UNKNOWN', format_details: null,
    mime_type: 'application/octet-stream', file_name: 'slettet', checksum: NO_BYTES, size: 0, created_at: d.createdAt, created_by: d.createdBy, system_id: null,
  }).execute();
  return id;
}

/** Predecessor and successor between the imported series, by the package's systemIDs; a series without a system of its own gets the one its case files are classified in. */
export async function linkImportedSeries(tx: Tx, links: { id: string; predecessor: string | null; successor: string | null }[]): Promise<void> {
  for (const l of links) {
    const find = async (systemId: string | null) =>
      systemId ? ((await sql<{ id: string }>`select id from series where system_id = ${systemId}`.execute(tx)).rows[0]?.id ?? null) : null;
    await db(tx).updateTable('series').set({ predecessor_id: await find(l.predecessor), successor_id: await find(l.successor) }).where('id', '=', l.id).execute();
    await sql`update series s set classification_system_id = (
        select k.classification_system_id from case_files c join classes k on k.id = c.class_id where c.series_id = s.id limit 1)
      where s.id = ${l.id} and s.classification_system_id is null`.execute(tx);
  }
}

const unitTables = [
  { table: 'case_files', type: 'case-file' },
  { table: 'registry_entries', type: 'registry-entry' },
  { table: 'documents', type: 'document' },
  { table: 'series', type: 'series' },
  { table: 'classes', type: 'class' },
] as const;

/** The imported unit with this systemID: its kind and id (units outside the imported series are not looked at). */
async function findUnit(tx: Tx, systemId: string, seriesIds: string[]): Promise<{ type: EntityType; id: string } | null> {
  const inSeries = sql.join(seriesIds.map((id) => sql`${id}::uuid`));
  for (const { table, type } of unitTables) {
    const scope =
      type === 'case-file' ? sql`series_id in (${inSeries})`
      : type === 'registry-entry' ? sql`case_file_id in (select id from case_files where series_id in (${inSeries}))`
      : type === 'document' ? sql`registry_entry_id in (select e.id from registry_entries e join case_files c on c.id = e.case_file_id where c.series_id in (${inSeries}))`
      : type === 'series' ? sql`id in (${inSeries})`
      : sql`classification_system_id in (select classification_system_id from series where id in (${inSeries}))`;
    const row = (await sql<{ id: string }>`select id from ${sql.table(table)} where system_id = ${systemId} and ${scope} limit 1`.execute(tx)).rows[0];
    if (row) return { type, id: row.id };
  }
  return null;
}

/** A kryssreferanse between imported units; false when the target is not among them. */
export async function insertCrossReference(tx: Tx, c: ArchiveCtx, seriesIds: string[], from: { type: 'case-file' | 'registry-entry'; id: string }, toSystemId: string): Promise<boolean> {
  const to = await findUnit(tx, toSystemId, seriesIds);
  if (!to || (to.type !== 'case-file' && to.type !== 'registry-entry' && to.type !== 'class')) return false;
  await db(tx).insertInto('cross_references')
    .values({ id: newId(), tenant_id: c.tenantId, from_type: from.type, from_id: from.id, to_type: to.type, to_id: to.id, created_at: c.at, created_by: c.actor })
    .execute();
  return true;
}

/** One endring of the package's change log, attributed to the imported unit it names; false when it names none. */
export async function insertChange(tx: Tx, c: ArchiveCtx, seriesIds: string[], change: { unitSystemId: string; element: string; at: Date; actor: string; oldValue: string | null; newValue: string | null }): Promise<boolean> {
  const unit = await findUnit(tx, change.unitSystemId, seriesIds);
  if (!unit) return false;
  // The field is the Noark element itself: the export writes a field it has no element for as it is.
  await db(tx).insertInto('change_log').values({
    tenant_id: c.tenantId, changed_at: change.at, actor: change.actor, entity_type: unit.type, entity_id: unit.id, operation: 'update', field: change.element,
    old_value: JSON.stringify(change.oldValue), new_value: JSON.stringify(change.newValue),
  }).execute();
  return true;
}
