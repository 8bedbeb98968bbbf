// SPDX-License-Identifier: EUPL-1.2
// Rows → API objects, with the `actions` the caller may take.
import type { Principal } from '../platform/http/auth.ts';
import { actorName, canWrite } from './permissions.ts';
import { formatDocumentNumber, formatNumber } from './numbering.ts';
import { needsFollowUp } from './registry-entries.ts';
import type { caseFileDetails, entryDetails, entrySummaries } from './queries.ts';
import type { CaseFilesTable, CorrespondentsTable, RemarksTable } from './tables.ts';

type Summary = Awaited<ReturnType<typeof entrySummaries>>[number];
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isOpen = (status: string) => status !== 'closed' && status !== 'void';

export function presentCaseFile(row: CaseFilesTable, principal: Principal | undefined) {
  const writable = canWrite(principal) && isOpen(row.status);
  return {
    id: row.id,
    caseNumber: formatNumber(row.case_year, row.case_sequence),
    caseYear: row.case_year,
    caseSequence: row.case_sequence,
    title: row.title,
    publicTitle: row.public_title,
    description: row.description,
    status: row.status,
    caseDate: row.case_date,
    seriesId: row.series_id,
    classId: row.class_id,
    responsibleUnit: row.responsible_unit,
    responsibleOfficer: row.responsible_officer,
    responsibleUnitId: row.responsible_unit_id,
    responsibleOfficerId: row.responsible_officer_id,
    keywords: row.keywords,
    screening: row.screening,
    createdAt: row.created_at.toISOString(),
    createdBy: actorName(row.created_by),
    updatedAt: row.updated_at.toISOString(),
    closedAt: iso(row.closed_at),
    closedBy: row.closed_by && actorName(row.closed_by),
    actions: { update: writable, close: writable, addEntry: writable, addRemark: canWrite(principal) },
  };
}

function presentSummary(e: Summary, caseFile: CaseFilesTable, parties: CorrespondentsTable[]) {
  return {
    id: e.id,
    registryNumber: formatNumber(e.entry_year, e.entry_sequence),
    documentNumber: formatDocumentNumber(caseFile.case_year, caseFile.case_sequence, e.number_in_case),
    numberInCase: e.number_in_case,
    type: e.type,
    status: e.status,
    title: e.title,
    publicTitle: e.public_title,
    journalDate: e.journal_date,
    documentDate: e.document_date,
    receivedDate: e.received_date,
    sentDate: e.sent_date,
    screened: Boolean(e.screening),
    needsFollowUp: needsFollowUp(e.type),
    followedUp: Boolean(e.followed_up),
    documentCount: Number(e.document_count ?? 0),
    correspondents: parties.filter((p) => p.registry_entry_id === e.id).map((p) => ({ name: p.name, kind: p.kind, role: p.role })),
  };
}

type DocumentRow = Awaited<ReturnType<typeof caseFileDetails>>['documents'][number];

/** An entry as the case view shows it: the summary plus follow-up, screening and documents. */
function presentCaseEntry(e: Summary, caseFile: CaseFilesTable, parties: CorrespondentsTable[], documents: DocumentRow[]) {
  return {
    ...presentSummary(e, caseFile, parties),
    dueDate: e.due_date,
    followUpMethod: e.follow_up_method ?? null,
    screening: e.screening,
    documents: documents
      .filter((d) => d.registry_entry_id === e.id)
      .map((d) => ({ id: d.id, documentNumber: d.document_number, relation: d.relation, title: d.title, status: d.status, fileName: d.file_name, size: d.size === null ? null : Number(d.size) })),
  };
}

/** Letters that still await follow-up: closing the case is refused until they are answered. */
const unanswered = (entries: Summary[], caseFile: CaseFilesTable) =>
  entries
    .filter((e) => needsFollowUp(e.type) && !e.followed_up && e.status !== 'void' && e.status !== 'archived')
    .map((e) => ({ id: e.id, documentNumber: formatDocumentNumber(caseFile.case_year, caseFile.case_sequence, e.number_in_case), registryNumber: formatNumber(e.entry_year, e.entry_sequence), title: e.title, dueDate: e.due_date }));

const presentRemark = (r: RemarksTable) => ({ id: r.id, text: r.text, remarkType: r.remark_type, createdAt: r.created_at.toISOString(), createdBy: actorName(r.created_by) });

export function presentCaseFileDetails(d: Awaited<ReturnType<typeof caseFileDetails>>, principal: Principal | undefined) {
  return {
    ...presentCaseFile(d.caseFile, principal),
    class: d.cls ? { id: d.cls.id, code: d.cls.class_id, title: d.cls.title } : null,
    registryEntries: d.entries.map((e) => presentCaseEntry(e, d.caseFile, d.parties, d.documents)),
    unansweredEntries: unanswered(d.entries, d.caseFile),
    remarks: d.remarks.map(presentRemark),
    crossReferences: d.crossReferences.map((x) => ({ id: x.id, toType: x.to_type, toId: x.to_id })),
    retention: d.retention
      ? { decision: d.retention.decision, authority: d.retention.authority, preservationYears: d.retention.preservation_years, disposalDate: d.retention.disposal_date }
      : null,
  };
}

export function presentEntryDetails(d: Awaited<ReturnType<typeof entryDetails>>, principal: Principal | undefined) {
  const { entry, caseFile } = d;
  const open = entry.status !== 'archived' && entry.status !== 'void' && isOpen(caseFile.status);
  const writable = canWrite(principal) && open;
  const followedUp = d.followUps.length > 0;
  return {
    ...presentSummary({ ...entry, followed_up: followedUp, follow_up_method: d.followUps[0]?.method ?? null, document_count: d.documents.length }, caseFile, d.parties),
    caseFileId: caseFile.id,
    caseNumber: formatNumber(caseFile.case_year, caseFile.case_sequence),
    description: entry.description,
    dueDate: entry.due_date,
    publishedAt: iso(entry.published_at),
    responsibleUnit: entry.responsible_unit,
    responsibleOfficer: entry.responsible_officer,
    responsibleUnitId: entry.responsible_unit_id,
    responsibleOfficerId: entry.responsible_officer_id,
    screening: entry.screening,
    correspondents: d.parties.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      role: p.role,
      identityNumber: p.identity_number,
      organisationNumber: p.organisation_number,
      address: p.address,
      postalCode: p.postal_code,
      postalTown: p.postal_town,
      email: p.email,
    })),
    documents: d.documents.map((doc) => ({
      id: doc.id,
      documentNumber: doc.document_number,
      relation: doc.relation,
      title: doc.title,
      documentType: doc.document_type,
      status: doc.status,
      screening: doc.screening,
      objects: d.objects
        .filter((o) => o.document_id === doc.id)
        .map((o) => ({ id: o.id, version: o.version, variant: o.variant, format: o.format, mimeType: o.mime_type, fileName: o.file_name, checksum: o.checksum, checksumAlgorithm: 'SHA-256' as const, size: Number(o.size), createdAt: o.created_at.toISOString() })),
    })),
    followUps: d.followUps.map((f) => ({ id: f.id, method: f.method, byRegistryEntryId: f.by_registry_entry_id, followedUpAt: f.followed_up_at.toISOString(), followedUpBy: actorName(f.followed_up_by) })),
    followsUp: d.followsUp,
    remarks: d.remarks.map(presentRemark),
    createdAt: entry.created_at.toISOString(),
    createdBy: actorName(entry.created_by),
    archivedAt: iso(entry.archived_at),
    actions: {
      update: writable,
      uploadDocument: writable,
      followUp: writable && needsFollowUp(entry.type) && !followedUp,
      addRemark: canWrite(principal),
    },
  };
}
