// SPDX-License-Identifier: EUPL-1.2
// The archive endpoints under /api/v1/{tenant}, named after their operationIds.
import { api, query } from './client.ts';
import type { CaseFile, CaseFileSummary, Correspondent, FollowUpMethod, Page, RegistryEntry, Screening } from './types.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}`;

export interface ListCaseFilesParams {
  q?: string;
  status?: string;
  cursor?: string;
  limit?: number;
}

export const listCaseFiles = (tenant: string, params: ListCaseFilesParams, signal?: AbortSignal) =>
  api<Page<CaseFileSummary>>(`${base(tenant)}/case-files${query({ ...params })}`, signal ? { signal } : {});

export const getCaseFile = (tenant: string, id: string, signal?: AbortSignal) =>
  api<CaseFile>(`${base(tenant)}/case-files/${encodeURIComponent(id)}`, signal ? { signal } : {});

export interface CreateCaseFileInput {
  title: string;
  description?: string;
  responsibleUnitId?: string;
  responsibleOfficerId?: string;
  screening?: Screening;
}

export const createCaseFile = (tenant: string, input: CreateCaseFileInput) =>
  api<CaseFile>(`${base(tenant)}/case-files`, { method: 'POST', json: input });

export const updateCaseFile = (tenant: string, id: string, patch: { screening?: Screening | null }) =>
  api<CaseFile>(`${base(tenant)}/case-files/${encodeURIComponent(id)}`, { method: 'PATCH', json: patch });

export const closeCaseFile = (tenant: string, id: string) =>
  api<CaseFile>(`${base(tenant)}/case-files/${encodeURIComponent(id)}/close`, { method: 'POST', json: {} });

export interface CreateRegistryEntryInput {
  type: string;
  title: string;
  documentDate?: string;
  receivedDate?: string;
  sentDate?: string;
  correspondents: Correspondent[];
  screening?: Screening;
  followsUp?: string[];
  responsibleUnitId?: string;
  responsibleOfficerId?: string;
}

export const createRegistryEntry = (tenant: string, caseFileId: string, input: CreateRegistryEntryInput) =>
  api<RegistryEntry>(`${base(tenant)}/case-files/${encodeURIComponent(caseFileId)}/registry-entries`, { method: 'POST', json: input });

export const getRegistryEntry = (tenant: string, id: string, signal?: AbortSignal) =>
  api<RegistryEntry>(`${base(tenant)}/registry-entries/${encodeURIComponent(id)}`, signal ? { signal } : {});

export const followUpEntry = (tenant: string, id: string, input: { method: FollowUpMethod; byRegistryEntryId?: string }) =>
  api<unknown>(`${base(tenant)}/registry-entries/${encodeURIComponent(id)}/follow-ups`, { method: 'POST', json: input });

/** The document's title is its file name without the extension unless `meta.title` says otherwise. */
export function uploadDocument(tenant: string, entryId: string, file: File, meta: { title?: string; relation?: 'main' | 'attachment' } = {}) {
  const form = new FormData();
  // Text fields first: a streaming multipart parser sees them before the file.
  const title = meta.title ?? file.name.replace(/\.[^.]+$/, '');
  if (title) form.append('title', title);
  if (meta.relation) form.append('relation', meta.relation);
  form.append('file', file, file.name);
  return api<{ id: string; checksum: string }>(`${base(tenant)}/registry-entries/${encodeURIComponent(entryId)}/documents`, { method: 'POST', form });
}

export const documentContentUrl = (tenant: string, documentId: string) => `${base(tenant)}/documents/${encodeURIComponent(documentId)}/content`;
