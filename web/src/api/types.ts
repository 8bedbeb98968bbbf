// SPDX-License-Identifier: EUPL-1.2
// The shapes the staff UI reads from /api/v1. They mirror the archive module's response schemas;
// only what the screens use is spelled out. Roles, languages, the screening's shape and the error
// codes are the server's own, from src/common.
export type { Language } from '../../../src/common/languages.ts';
export type { Role } from '../../../src/common/roles.ts';
export type { FieldError } from '../../../src/common/errors.ts';
export { screenableFields, type ScreenedField } from '../../../src/common/screening.ts';
import type { ScreenedField } from '../../../src/common/screening.ts';
import type { Role } from '../../../src/common/roles.ts';
import type { Language } from '../../../src/common/languages.ts';
export type Country = 'NO' | 'SE';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  officialNumber: string;
  country: Country;
  language: Language;
}

export interface SessionTenant {
  slug: string;
  name: string;
  roles: Role[];
}

export interface Session {
  user: { id: string; name: string } | null;
  csrfToken?: string;
  tenants: SessionTenant[];
}

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

export interface CaseFile extends CaseFileSummary {
  description?: string | null;
  registryEntries: RegistryEntrySummary[];
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

