// SPDX-License-Identifier: EUPL-1.2
// The shapes the staff UI reads from /api/v1, all from the generated types of docs/openapi.json
// (schema.d.ts), and the helpers the other files in web/src/api/ derive their shapes with. Roles,
// languages, the screened fields and the error codes are the server's own, from src/common.
export type { Language } from '../../../src/common/languages.ts';
export type { Role } from '../../../src/common/roles.ts';
export type { FieldError } from '../../../src/common/errors.ts';
export { screenableFields, type ScreenedField } from '../../../src/common/screening.ts';
import type { ScreenedField } from '../../../src/common/screening.ts';
import type { operations } from './schema.d.ts';

// ------------------------------------------------------------------ from docs/openapi.json
// schema.d.ts is generated, not committed (scripts/api-types.mjs, run after install and before each
// typecheck): requests and answers are typed by it, so a change in the API that the UI misses fails
// the typecheck.

type Content<T, Media extends string> = T extends { content: { [M in Media]: infer B } } ? B : never;
type Json<T> = Content<T, 'application/json'>;
/** The body an operation takes: JSON unless another media type is named (an upload is multipart/form-data). */
export type RequestBody<Op extends keyof operations, Media extends string = 'application/json'> = Content<NonNullable<operations[Op]['requestBody']>, Media>;
/** The query parameters an operation takes. */
export type QueryParams<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
/** The JSON body of an operation's answer with this status. */
export type ResponseBody<Op extends keyof operations, Status extends keyof operations[Op]['responses']> = Json<operations[Op]['responses'][Status]>;

/** The element type of a list in an answer. */
export type Item<T> = T extends readonly (infer I)[] ? I : never;
/** The API's type with these fields narrowed to the UI's unions: the API's schema says `string` where a table has a CHECK list. */
export type Narrow<T, N extends { [K in keyof N]: K extends keyof T ? unknown : never }> = Omit<T, keyof N> & N;
/** true when every field of the UI's shape exists in the API's; otherwise names the missing ones. */
export type Covers<Api, Ui> = [Exclude<keyof Ui, keyof Api>] extends [never] ? true : { missingFromTheApi: Exclude<keyof Ui, keyof Api> };

/** A municipality as getTenant and listTenants answer it. */
export type Tenant = ResponseBody<'getTenant', 200>;
export type Country = Tenant['country'];

/** Who is logged in, with a CSRF token (null without a session) and the roles per municipality. */
export type Session = ResponseBody<'getSession', 200>;
export type SessionTenant = Item<Session['tenants']>;

export const caseStatuses = ['in-progress', 'closed-by-officer', 'closed', 'void'] as const;
export type CaseFileStatus = (typeof caseStatuses)[number];

export const entryTypes = ['incoming', 'outgoing', 'internal-with-followup', 'internal-without-followup', 'case-memo'] as const;
export type EntryType = (typeof entryTypes)[number];
export type EntryStatus = 'reserved' | 'registered' | 'finalised' | 'approved' | 'dispatched' | 'archived' | 'void';

export const correspondentRoles = ['sender', 'recipient', 'copy', 'internal-sender', 'internal-recipient'] as const;
export type CorrespondentRole = (typeof correspondentRoles)[number];
export type CorrespondentKind = 'person' | 'organisation';

export const followUpMethods = ['replied-by-letter', 'replied-by-email', 'replied-by-phone', 'replied-by-memo', 'noted', 'for-information', 'case-closed'] as const;
export type FollowUpMethod = (typeof followUpMethods)[number];

// The archive's shapes (case files, registry entries and what they carry) from the generated types.
// The API's schema says `string` where the archive's tables have CHECK lists (a case's and an entry's
// status, an entry's type, a correspondent's kind and role, a document's relation, a follow-up's
// method, the screened fields); they are narrowed here to the unions above, which the screens pick
// their texts by.
type ApiCaseFile = ResponseBody<'getCaseFile', 200>;
type ApiCaseEntry = Item<NonNullable<ApiCaseFile['registryEntries']>>;
type ApiEntry = ResponseBody<'getRegistryEntry', 200>;
type ApiEntryDocument = Item<ApiEntry['documents']>;

/** What the API says a person may do with a case file or an entry (`close`, `addEntry`, …). */
export type Actions = ApiEntry['actions'];

/** A screening as the API answers it. */
export type Screening = Narrow<NonNullable<ApiEntry['screening']>, { fields: ScreenedField[] }>;
/** A screening as the API takes it when a case file or an entry is registered or changed. */
export type ScreeningInput = NonNullable<RequestBody<'createRegistryEntry'>['screening']>;

export type Correspondent = Narrow<Item<ApiEntry['correspondents']>, { kind: CorrespondentKind; role: CorrespondentRole }>;
export type DocumentObject = Item<ApiEntryDocument['objects']>;
/** A document as an entry carries it: every stored version and variant in `objects`. */
export type EntryDocument = Narrow<ApiEntryDocument, { relation: 'main' | 'attachment'; screening: Screening | null }>;
/** A document as a case file's details carry it: the newest version's file name and size only. */
export type CaseDocument = Narrow<Item<ApiCaseEntry['documents']>, { relation: 'main' | 'attachment' }>;
export type ArchiveDocument = EntryDocument | CaseDocument;
export type FollowUp = Narrow<Item<ApiEntry['followUps']>, { method: FollowUpMethod }>;

/** An entry as a case file's details carry it: enough for the case view without asking per entry. */
export type CaseEntry = Narrow<ApiCaseEntry, {
  type: EntryType;
  status: EntryStatus;
  followUpMethod: FollowUpMethod | null;
  screening: Screening | null;
  correspondents: Pick<Correspondent, 'name' | 'kind' | 'role'>[];
  documents: CaseDocument[];
}>;
/** What an entry in a case file and an entry on its own have in common. */
export type RegistryEntrySummary = Omit<CaseEntry, 'dueDate' | 'followUpMethod' | 'screening' | 'documents'>;

/** A letter that awaits follow-up and so keeps the case from being closed. */
export type UnansweredEntry = Item<NonNullable<ApiCaseFile['unansweredEntries']>>;

type CaseFileNarrowing = { status: CaseFileStatus; screening: Screening | null };
/** A case file as listCaseFiles and createCaseFile answer it: without its entries. */
export type CaseFileSummary = Narrow<Omit<Item<ResponseBody<'listCaseFiles', 200>['items']>, 'registryEntries' | 'unansweredEntries'>, CaseFileNarrowing>;
/** A case file's details (getCaseFile, updateCaseFile, closeCaseFile): with its entries. */
export type CaseFile = Narrow<ApiCaseFile, CaseFileNarrowing & { registryEntries?: CaseEntry[] }>;

export type RegistryEntry = Narrow<ApiEntry, {
  type: EntryType;
  status: EntryStatus;
  screening: Screening | null;
  correspondents: Correspondent[];
  documents: EntryDocument[];
  followUps: FollowUp[];
}>;

// The other operations answer the same shapes (checked here, so a drift fails the typecheck).
export const sameShapes: [
  ResponseBody<'createCaseFile', 201> extends Item<ResponseBody<'listCaseFiles', 200>['items']> ? true : false,
  ResponseBody<'updateCaseFile', 200> extends ApiCaseFile ? true : false,
  ResponseBody<'closeCaseFile', 200> extends ApiCaseFile ? true : false,
  ResponseBody<'createRegistryEntry', 201> extends ApiEntry ? true : false,
  ResponseBody<'followUpRegistryEntry', 201> extends ApiEntry ? true : false,
] = [true, true, true, true, true];
