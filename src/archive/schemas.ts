// SPDX-License-Identifier: EUPL-1.2
// One TypeBox schema per request and response: validation, TypeScript types and OpenAPI from the
// same source.
import { Type, type Static } from 'typebox';
import { screenableFields } from './tables.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const DateStr = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Text = (max: number, extra: object = {}) => Type.String({ maxLength: max, ...extra });
const Id = Type.String({ format: 'uuid' });

export const ScreeningInput = Type.Object(
  {
    accessCode: Type.Optional(Text(20, { description: 'tilgangskode; default U' })),
    legalBasis: Text(500, { minLength: 1, description: 'skjermingshjemmel, e.g. "Offl. § 13 jf. fvl. § 13 første ledd nr. 1"' }),
    fields: Type.Optional(Type.Array(Type.Enum(screenableFields), { maxItems: 10 })),
    titleWords: Type.Optional(Type.Array(Text(200), { maxItems: 50, description: 'words of the title shown as ***** in public' })),
    until: Type.Optional(Type.Union([DateStr, Type.Null()])),
  },
  { additionalProperties: false },
);

/** A party screened on its own: shown as ***** in public, with its own access code (public journal). */
export const PartyScreeningInput = Type.Object(
  {
    accessCode: Type.Optional(Text(20, { description: 'tilgangskode; default U' })),
    legalBasis: Text(500, { minLength: 1, description: 'skjermingshjemmel' }),
    until: Type.Optional(Type.Union([DateStr, Type.Null()])),
  },
  { additionalProperties: false },
);

export const Screening = Type.Object({
  accessCode: Type.String(),
  legalBasis: Type.String(),
  fields: Type.Array(Type.String()),
  titleWords: Type.Array(Type.String()),
  until: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export const CreateCaseFileBody = Type.Object(
  {
    title: Text(1000, { minLength: 1 }),
    description: Type.Optional(Text(10000)),
    classId: Type.Optional(Id),
    seriesId: Type.Optional(Id),
    responsibleUnit: Type.Optional(Text(200, { description: 'free text; prefer responsibleUnitId' })),
    responsibleOfficer: Type.Optional(Text(200, { description: 'free text; prefer responsibleOfficerId' })),
    responsibleUnitId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'an open unit of this municipality (GET …/units)' })),
    responsibleOfficerId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'a case officer or archivist here (GET …/officers); a case defaults to its creator' })),
    keywords: Type.Optional(Type.Array(Text(100), { maxItems: 50 })),
    screening: Type.Optional(ScreeningInput),
  },
  { additionalProperties: false },
);
export type CreateCaseFileBody = Static<typeof CreateCaseFileBody>;

export const CaseListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'words of the title or description, or a case number like 2026/12' })),
    status: Type.Optional(Type.Enum(['in-progress', 'closed-by-officer', 'closed', 'void'] as const)),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type CaseListQuery = Static<typeof CaseListQuery>;

export const UpdateCaseFileBody = Type.Object(
  {
    title: Type.Optional(Text(1000, { minLength: 1 })),
    description: Type.Optional(Text(10000)),
    classId: Type.Optional(Id),
    responsibleUnit: Type.Optional(Text(200, { description: 'free text; prefer responsibleUnitId' })),
    responsibleOfficer: Type.Optional(Text(200, { description: 'free text; prefer responsibleOfficerId' })),
    responsibleUnitId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'an open unit of this municipality (GET …/units)' })),
    responsibleOfficerId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'a case officer or archivist here (GET …/officers); a case defaults to its creator' })),
    keywords: Type.Optional(Type.Array(Text(100), { maxItems: 50 })),
    screening: Type.Optional(Type.Union([ScreeningInput, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCaseFileBody = Static<typeof UpdateCaseFileBody>;

export const CorrespondentInput = Type.Object(
  {
    name: Text(500, { minLength: 1 }),
    kind: Type.Union([Type.Literal('person'), Type.Literal('organisation')]),
    role: Type.Union([Type.Literal('sender'), Type.Literal('recipient'), Type.Literal('copy'), Type.Literal('internal-sender'), Type.Literal('internal-recipient')]),
    identityNumber: Type.Optional(Text(20, { description: 'fødselsnummer / D-nummer / personnummer / samordningsnummer' })),
    organisationNumber: Type.Optional(Text(20)),
    address: Type.Optional(Text(500)),
    postalCode: Type.Optional(Text(20)),
    postalTown: Type.Optional(Text(100)),
    country: Type.Optional(Text(2)),
    email: Type.Optional(Text(320)),
    screening: Type.Optional(PartyScreeningInput),
  },
  { additionalProperties: false },
);

// Lists of values are enums built from `as const` tuples: a union mapped from a plain array would
// have the static type `never`, which fits every parameter and so hides a wrong call.
export type CorrespondentInput = Static<typeof CorrespondentInput>;

export const EntryType = Type.Enum(
  ['incoming', 'outgoing', 'internal-with-followup', 'internal-without-followup', 'case-memo'] as const,
  { description: 'journalposttype: I, U, N (for oppfølging), X (uten oppfølging), S (saksframlegg)' },
);
export const EntryStatus = Type.Enum(['reserved', 'registered', 'finalised', 'approved', 'dispatched', 'archived', 'void'] as const);

export const CreateRegistryEntryBody = Type.Object(
  {
    type: EntryType,
    title: Text(1000, { minLength: 1 }),
    description: Type.Optional(Text(10000)),
    documentDate: Type.Optional(DateStr),
    receivedDate: Type.Optional(DateStr),
    sentDate: Type.Optional(DateStr),
    dueDate: Type.Optional(DateStr),
    responsibleUnit: Type.Optional(Text(200, { description: 'free text; prefer responsibleUnitId' })),
    responsibleOfficer: Type.Optional(Text(200, { description: 'free text; prefer responsibleOfficerId' })),
    responsibleUnitId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'an open unit of this municipality (GET …/units)' })),
    responsibleOfficerId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'a case officer or archivist here (GET …/officers); a case defaults to its creator' })),
    correspondents: Type.Optional(Type.Array(CorrespondentInput, { maxItems: 500 })),
    screening: Type.Optional(ScreeningInput),
    followsUp: Type.Optional(Type.Array(Id, { maxItems: 100, description: 'entries of the case that this one answers (avskrivning)' })),
    journalDate: Type.Optional(Type.String({ format: 'date', description: 'system users migrating history only' })),
    publishedAt: Type.Optional(Type.String({ format: 'date-time', description: 'system users migrating history only' })),
    accessibleAfter: Type.Optional(Type.String({ format: 'date-time', description: 'not in the public journal before this time' })),
    assessedAt: Type.Optional(Type.String({ format: 'date-time', description: 'when it was assessed for publication (offentlighetsvurdert)' })),
  },
  { additionalProperties: false },
);
export type CreateRegistryEntryBody = Static<typeof CreateRegistryEntryBody>;

export const UpdateRegistryEntryBody = Type.Object(
  {
    title: Type.Optional(Text(1000, { minLength: 1 })),
    description: Type.Optional(Text(10000)),
    status: Type.Optional(EntryStatus),
    documentDate: Type.Optional(Type.Union([DateStr, Type.Null()])),
    receivedDate: Type.Optional(Type.Union([DateStr, Type.Null()])),
    sentDate: Type.Optional(Type.Union([DateStr, Type.Null()])),
    dueDate: Type.Optional(Type.Union([DateStr, Type.Null()])),
    responsibleUnit: Type.Optional(Text(200, { description: 'free text; prefer responsibleUnitId' })),
    responsibleOfficer: Type.Optional(Text(200, { description: 'free text; prefer responsibleOfficerId' })),
    responsibleUnitId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'an open unit of this municipality (GET …/units)' })),
    responsibleOfficerId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'a case officer or archivist here (GET …/officers); a case defaults to its creator' })),
    screening: Type.Optional(Type.Union([ScreeningInput, Type.Null()])),
    accessibleAfter: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'not in the public journal before this time' })),
    assessedAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'when it was assessed for publication (offentlighetsvurdert)' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRegistryEntryBody = Static<typeof UpdateRegistryEntryBody>;

export const FollowUpBody = Type.Object(
  {
    method: Type.Enum(['replied-by-letter', 'replied-by-email', 'replied-by-phone', 'replied-by-memo', 'noted', 'for-information', 'case-closed'] as const, {
      description: 'avskrivningsmåte: BU, BE, TLF, BN, TE, TO, SA',
    }),
    byRegistryEntryId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export type FollowUpBody = Static<typeof FollowUpBody>;

export const RemarkBody = Type.Object({ text: Text(10000, { minLength: 1 }), remarkType: Type.Optional(Text(50)) }, { additionalProperties: false });
export const CrossReferenceBody = Type.Object(
  { toType: Type.Union([Type.Literal('case-file'), Type.Literal('registry-entry')]), toId: Id },
  { additionalProperties: false },
);
export const RetentionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('keep'), Type.Literal('dispose'), Type.Literal('review-later')]),
    authority: Text(500, { minLength: 1 }),
    preservationYears: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    disposalDate: Type.Optional(DateStr),
  },
  { additionalProperties: false },
);

export const UpdateDocumentBody = Type.Object(
  {
    title: Type.Optional(Text(1000, { minLength: 1 })),
    documentType: Type.Optional(Text(100)),
    screening: Type.Optional(Type.Union([ScreeningInput, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDocumentBody = Static<typeof UpdateDocumentBody>;

export const Actions = Type.Record(Type.String(), Type.Boolean(), { description: 'what the caller may do now' });

export const CorrespondentOut = Type.Object({
  id: Id,
  name: Type.String(),
  kind: Type.String(),
  role: Type.String(),
  identityNumber: Nullable(Type.String()),
  organisationNumber: Nullable(Type.String()),
  address: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  postalTown: Nullable(Type.String()),
  email: Nullable(Type.String()),
});

export const EntrySummary = Type.Object({
  id: Id,
  registryNumber: Type.String({ description: 'journalår/journalsekvensnummer, e.g. 2026/456' }),
  documentNumber: Type.String({ description: 'registreringsID: case number and number in case, e.g. 2026/123-2' }),
  numberInCase: Type.Integer(),
  type: Type.String(),
  status: Type.String(),
  title: Type.String(),
  publicTitle: Type.String(),
  journalDate: Type.String(),
  documentDate: Nullable(Type.String()),
  receivedDate: Nullable(Type.String()),
  sentDate: Nullable(Type.String()),
  screened: Type.Boolean(),
  needsFollowUp: Type.Boolean(),
  followedUp: Type.Boolean(),
  documentCount: Type.Integer(),
  correspondents: Type.Array(Type.Object({ name: Type.String(), kind: Type.String(), role: Type.String() })),
});

/** An entry in a case file's details: enough for the case view without a request per entry. */
export const CaseEntry = Type.Object({
  ...EntrySummary.properties,
  dueDate: Nullable(Type.String()),
  followUpMethod: Nullable(Type.String({ description: 'avskrivningsmåte of the first follow-up, if any' })),
  screening: Type.Union([Screening, Type.Null()]),
  documents: Type.Array(
    Type.Object({
      id: Id,
      documentNumber: Type.Integer(),
      relation: Type.String(),
      title: Type.String(),
      status: Type.String(),
      fileName: Nullable(Type.String({ description: 'of the newest version' })),
      size: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});

export const UnansweredEntry = Type.Object({ id: Id, documentNumber: Type.String(), registryNumber: Type.String(), title: Type.String(), dueDate: Nullable(Type.String()) });

const Remark = Type.Object({ id: Id, text: Type.String(), remarkType: Type.String(), createdAt: Type.String(), createdBy: Type.String() });

export const CaseFileOut = Type.Object({
  id: Id,
  caseNumber: Type.String({ description: 'saksår/sakssekvensnummer, e.g. 2026/123' }),
  caseYear: Type.Integer(),
  caseSequence: Type.Integer(),
  title: Type.String(),
  publicTitle: Type.String(),
  description: Nullable(Type.String()),
  status: Type.String(),
  caseDate: Type.String(),
  seriesId: Id,
  classId: Nullable(Type.String()),
  class: Type.Optional(Type.Union([Type.Object({ id: Id, code: Type.String(), title: Type.String() }), Type.Null()])),
  responsibleUnit: Nullable(Type.String()),
  responsibleOfficer: Nullable(Type.String()),
  responsibleUnitId: Nullable(Type.String({ format: 'uuid' })),
  responsibleOfficerId: Nullable(Type.String({ format: 'uuid' })),
  keywords: Type.Array(Type.String()),
  screening: Type.Union([Screening, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  closedAt: Nullable(Type.String()),
  closedBy: Nullable(Type.String()),
  registryEntries: Type.Optional(Type.Array(CaseEntry)),
  unansweredEntries: Type.Optional(Type.Array(UnansweredEntry, { description: 'letters awaiting follow-up, which keep the case from being closed' })),
  remarks: Type.Optional(Type.Array(Remark)),
  crossReferences: Type.Optional(Type.Array(Type.Object({ id: Id, toType: Type.String(), toId: Id }))),
  retention: Type.Optional(Type.Union([Type.Object({ decision: Type.String(), authority: Type.String(), preservationYears: Type.Union([Type.Integer(), Type.Null()]), disposalDate: Nullable(Type.String()) }), Type.Null()])),
  actions: Actions,
});

export const DocumentObjectOut = Type.Object({
  id: Id,
  version: Type.Integer(),
  variant: Type.String(),
  format: Type.String(),
  mimeType: Type.String(),
  fileName: Type.String(),
  checksum: Type.String({ description: 'SHA-256, hex' }),
  checksumAlgorithm: Type.Literal('SHA-256'),
  size: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const DocumentOut = Type.Object({
  id: Id,
  documentNumber: Type.Integer(),
  relation: Type.String(),
  title: Type.String(),
  documentType: Type.String(),
  status: Type.String(),
  screening: Type.Union([Screening, Type.Null()]),
  objects: Type.Array(DocumentObjectOut),
});

export const RegistryEntryOut = Type.Object({
  ...EntrySummary.properties,
  caseFileId: Id,
  caseNumber: Type.String(),
  description: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  responsibleUnit: Nullable(Type.String()),
  responsibleOfficer: Nullable(Type.String()),
  responsibleUnitId: Nullable(Type.String({ format: 'uuid' })),
  responsibleOfficerId: Nullable(Type.String({ format: 'uuid' })),
  screening: Type.Union([Screening, Type.Null()]),
  correspondents: Type.Array(CorrespondentOut),
  documents: Type.Array(DocumentOut),
  followUps: Type.Array(Type.Object({ id: Id, method: Type.String(), byRegistryEntryId: Nullable(Type.String()), followedUpAt: Type.String(), followedUpBy: Type.String() })),
  followsUp: Type.Array(Id),
  remarks: Type.Array(Remark),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
  archivedAt: Nullable(Type.String()),
  actions: Actions,
});

export const UploadedDocument = Type.Object({
  id: Id,
  documentNumber: Type.Integer(),
  objectId: Id,
  version: Type.Integer(),
  variant: Type.String(),
  checksum: Type.String({ description: 'SHA-256 of the stored bytes, hex' }),
  size: Type.Integer(),
  fileName: Type.String(),
  mimeType: Type.String(),
});

export const ChangeLogOut = Type.Object({
  items: Type.Array(
    Type.Object({
      changedAt: Type.String({ format: 'date-time' }),
      actor: Type.String(),
      entityType: Type.String(),
      entityId: Id,
      operation: Type.String(),
      field: Nullable(Type.String()),
      oldValue: Type.Unknown(),
      newValue: Type.Unknown(),
    }),
  ),
});

export const ScreeningChangeBody = Type.Object(
  { screening: Type.Union([ScreeningInput, Type.Null()], { description: 'the new screening; null lifts it' }) },
  { additionalProperties: false },
);
export const PartyScreeningChangeBody = Type.Object(
  { screening: Type.Union([PartyScreeningInput, Type.Null()], { description: 'the new screening of the party; null lifts it' }) },
  { additionalProperties: false },
);
export const DocumentPublicationBody = Type.Object(
  {
    screening: Type.Optional(Type.Union([ScreeningInput, Type.Null()], { description: "the document's own screening; null: its entry's applies" })),
    publishedInFull: Type.Optional(Type.Boolean({ description: 'the document itself is public (downloadable) when no screening applies to it' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const ScreeningChangeOut = Type.Object({
  id: Type.String({ format: 'uuid' }),
  publicTitle: Nullable(Type.String()),
  screening: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  publishedInFull: Type.Optional(Type.Boolean()),
});
