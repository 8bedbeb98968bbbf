// SPDX-License-Identifier: EUPL-1.2
// The archive's service interface: what other modules (e-services, democracy, demo data, deposit)
// may call. They never touch the archive tables themselves.
export { bootstrapArchive, activeSeries, listClasses, listSeries } from './structure.ts';
export { createCaseFile, updateCaseFile, closeCaseFile, caseFileTakesEntries, type NewCaseFile } from './case-files.ts';
export { createRegistryEntry, updateRegistryEntry, followUpEntry, type NewRegistryEntry } from './registry-entries.ts';
export { addDocument, addDocumentObject, type FileMeta } from './documents.ts';
export { addRemark, addCrossReference, decideRetention } from './annotations.ts';
export type { ArchiveCtx } from './change-log.ts';
export { caseFilesOfUnit, publicViewOfCaseFile, publicViewOfEntry, type PublicCaseView, type PublicCaseFileView, type PublicEntryView } from './public-view.ts';
export { caseFilesOfTenant, type PublicDocumentView } from './publication.ts';
export { listCaseFiles } from './queries.ts';
export { dateIn, formatNumber } from './numbering.ts';
export type { CorrespondentInput } from './correspondents.ts';
export type { EntryType } from './tables.ts';
export { entryForAccess, findEntryForAccess, documentsForAccess, entryOfDocument, type AccessEntry, type AccessEntryDocument } from './access.ts';
export { closeSeriesPeriod, type ClosePeriodInput, type ClosePeriodResult } from './periods.ts';
export { detectFormat, sniffFormat, type DetectedFormat } from './formats.ts';
export { listArchiveCodes, codeNames, type ArchiveCode, type CodeList } from './codes.ts';
export { deletionKindCodes, recordConversion, recordDisposal, recordDeletion, type ConversionRecord, type DeletionKind, type RecordedAs } from './records.ts';
export { caseFileStatusCodes, correspondentRoleCodes, documentRelationCodes, documentStatusCodes, entryStatusCodes, entryTypeCodes, followUpCodes, retentionCodes, screeningMetadataCodes, variantCodes } from './noark-codes.ts';
export { noarkElement, noarkValue } from './noark-elements.ts';
export { casesOfParty, caseOfParty, documentOfParty, decisionHistory, casesNamingProperty, numberVariants, personPartiesOfCase, type PersonParty, type PartyCase, type PartyCaseSummary, type PartyEntry, type PartyDocument, type PartyDocumentObject, type DecisionHistory, type PropertyCase } from './party-cases.ts';
export {
  importFonds, insertSeries, insertClassificationSystem, insertClass, insertRetention, insertCaseFile, linkImportedSeries, insertCrossReference, insertChange,
  type ImportedSeries, type ImportedSystem, type ImportedClass, type ImportedRetention, type ImportedRemark, type ImportedObject, type ImportedConversion, type ImportedDocument,
  type ImportedCorrespondent, type ImportedFollowUp, type ImportedEntry, type ImportedCase,
} from './import-writes.ts';
export { changeDocumentPublication } from './screening.ts';
