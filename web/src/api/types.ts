// SPDX-License-Identifier: EUPL-1.2
// The shapes the staff UI reads from /api/v1: the municipality and the session are the generated
// types of docs/openapi.json; the archive's shapes mirror its response schemas (only what the screens
// use is spelled out) and are checked against them at the end. Roles, languages, the screening's shape and the error
// codes are the server's own, from src/common.
export type { Language } from '../../../src/common/languages.ts';
export type { Role } from '../../../src/common/roles.ts';
export type { FieldError } from '../../../src/common/errors.ts';
export { screenableFields, type ScreenedField } from '../../../src/common/screening.ts';
import type { ScreenedField } from '../../../src/common/screening.ts';
import type { operations } from './schema.d.ts';

// ------------------------------------------------------------------ from docs/openapi.json
// schema.d.ts is generated (npm run api-types). Requests are typed by it exactly; for responses the
// screens use the narrower shapes below, and `covers` fails the typecheck when the API no longer has
// a field that a shape below reads.

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
/** The JSON body an operation takes. */
export type RequestBody<Op extends keyof operations> = Json<NonNullable<operations[Op]['requestBody']>>;
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
type ApiCaseFile = ResponseBody<'getCaseFile', 200>;
type ApiEntry = ResponseBody<'getRegistryEntry', 200>;

/** A municipality as getTenant and listTenants answer it. */
export type Tenant = ResponseBody<'getTenant', 200>;
export type Country = Tenant['country'];

/** Who is logged in, with a CSRF token (null without a session) and the roles per municipality. */
export type Session = ResponseBody<'getSession', 200>;
export type SessionTenant = Item<Session['tenants']>;

export interface Screening {
  accessCode?: string;
  legalBasis: string;
  fields: ScreenedField[];
  titleWords?: string[];
  until?: string | null;
}

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

export type Actions = Partial<Record<string, boolean>>;

export interface CaseFileSummary {
  id: string;
  caseNumber: string;
  title: string;
  publicTitle: string;
  status: CaseFileStatus;
  caseDate?: string;
  responsibleUnit?: string | null;
  responsibleOfficer?: string | null;
  screening?: Screening | null;
}

export interface RegistryEntrySummary {
  id: string;
  registryNumber: string;
  numberInCase?: number;
  type: EntryType;
  status: EntryStatus;
  title: string;
  publicTitle?: string;
  documentDate?: string | null;
  receivedDate?: string | null;
  sentDate?: string | null;
  journalDate?: string;
  documentNumber?: string;
  screened?: boolean;
  needsFollowUp?: boolean;
  followedUp?: boolean;
  documentCount?: number;
  correspondents?: Pick<Correspondent, 'name' | 'kind' | 'role'>[];
}

/** An entry as a case file's details carry it: enough for the case view without asking per entry. */
export interface CaseEntry extends RegistryEntrySummary {
  dueDate?: string | null;
  followUpMethod?: FollowUpMethod | null;
  screening?: Screening | null;
  documents?: ArchiveDocument[];
}

/** A letter that awaits follow-up and so keeps the case from being closed. */
export interface UnansweredEntry {
  id: string;
  documentNumber: string;
  registryNumber: string;
  title: string;
  dueDate: string | null;
}

export interface CaseFile extends CaseFileSummary {
  description?: string | null;
  registryEntries: CaseEntry[];
  unansweredEntries?: UnansweredEntry[];
  actions: Actions;
}

export interface Correspondent {
  id?: string;
  name: string;
  kind: CorrespondentKind;
  role: CorrespondentRole;
  identityNumber?: string | null;
  organisationNumber?: string | null;
  address?: string | null;
  postalCode?: string | null;
  postalTown?: string | null;
  email?: string | null;
}

export interface DocumentObject {
  id?: string;
  version: number;
  variant: string;
  format?: string;
  mimeType?: string;
  fileName?: string;
  checksum?: string;
  size?: number;
}

export interface ArchiveDocument {
  id: string;
  documentNumber?: number;
  title: string;
  relation: 'main' | 'attachment';
  status?: string;
  checksum?: string;
  versions?: DocumentObject[];
  objects?: DocumentObject[];
  /** In case file details: the newest version's file name and size. */
  fileName?: string | null;
  size?: number | null;
}

export interface FollowUp {
  id?: string;
  method: FollowUpMethod;
  byRegistryEntryId?: string | null;
  followedUpAt?: string;
}

export interface RegistryEntry extends RegistryEntrySummary {
  caseFileId: string;
  screening?: Screening | null;
  followsUp?: string[];
  caseNumber?: string;
  description?: string | null;
  correspondents: Correspondent[];
  documents: ArchiveDocument[];
  followUps: FollowUp[];
  actions: Actions;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

// The UI's shapes checked against the generated API types (see Covers above).
export const covers: [
  Covers<ApiCaseFile, Omit<CaseFile, 'registryEntries'>>,
  Covers<Item<ResponseBody<'listCaseFiles', 200>['items']>, CaseFileSummary>,
  Covers<Item<NonNullable<ApiCaseFile['registryEntries']>>, RegistryEntrySummary>,
  Covers<ApiEntry, RegistryEntry>,
  Covers<Item<ApiEntry['correspondents']>, Correspondent>,
  Covers<Item<ApiEntry['documents']>, Omit<ArchiveDocument, 'versions' | 'checksum' | 'fileName' | 'size'>>,
  Covers<Item<Item<ApiEntry['documents']>['objects']>, DocumentObject>,
  Covers<Item<ApiEntry['followUps']>, FollowUp>,
  Covers<NonNullable<ApiEntry['screening']>, Screening>,
] = [true, true, true, true, true, true, true, true, true];
