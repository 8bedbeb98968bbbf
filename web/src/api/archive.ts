// SPDX-License-Identifier: EUPL-1.2
// The archive endpoints under /api/v1/{tenant}, named after their operationIds.
import { api, query } from './client.ts';
import type { CaseFile, CaseFileSummary, QueryParams, RegistryEntry, RequestBody, ResponseBody } from './types.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}`;

// Request shapes are the API's own (generated from docs/openapi.json): a changed request fails the typecheck here.
export type ListCaseFilesParams = Partial<QueryParams<'listCaseFiles'>>;

export const listCaseFiles = (tenant: string, params: ListCaseFilesParams, signal?: AbortSignal) =>
  api<Omit<ResponseBody<'listCaseFiles', 200>, 'items'> & { items: CaseFileSummary[] }>(`${base(tenant)}/case-files${query({ ...params })}`, signal ? { signal } : {});

export const getCaseFile = (tenant: string, id: string, signal?: AbortSignal) =>
  api<CaseFile>(`${base(tenant)}/case-files/${encodeURIComponent(id)}`, signal ? { signal } : {});

export type CreateCaseFileInput = RequestBody<'createCaseFile'>;

/** The new case file comes without entries (it has none yet). */
export const createCaseFile = (tenant: string, input: CreateCaseFileInput) =>
  api<CaseFileSummary>(`${base(tenant)}/case-files`, { method: 'POST', json: input });

export const updateCaseFile = (tenant: string, id: string, patch: RequestBody<'updateCaseFile'>) =>
  api<CaseFile>(`${base(tenant)}/case-files/${encodeURIComponent(id)}`, { method: 'PATCH', json: patch });

export const closeCaseFile = (tenant: string, id: string) =>
  api<CaseFile>(`${base(tenant)}/case-files/${encodeURIComponent(id)}/close`, { method: 'POST', json: {} });

export type CreateRegistryEntryInput = RequestBody<'createRegistryEntry'>;

export const createRegistryEntry = (tenant: string, caseFileId: string, input: CreateRegistryEntryInput) =>
  api<RegistryEntry>(`${base(tenant)}/case-files/${encodeURIComponent(caseFileId)}/registry-entries`, { method: 'POST', json: input });

export const getRegistryEntry = (tenant: string, id: string, signal?: AbortSignal) =>
  api<RegistryEntry>(`${base(tenant)}/registry-entries/${encodeURIComponent(id)}`, signal ? { signal } : {});

export const followUpEntry = (tenant: string, id: string, input: RequestBody<'followUpRegistryEntry'>) =>
  api<RegistryEntry>(`${base(tenant)}/registry-entries/${encodeURIComponent(id)}/follow-ups`, { method: 'POST', json: input });

/** The document's title is its file name without the extension unless `meta.title` says otherwise. */
type UploadMeta = Pick<RequestBody<'uploadDocument', 'multipart/form-data'>, 'title' | 'relation'>;

export function uploadDocument(tenant: string, entryId: string, file: File, meta: UploadMeta = {}) {
  const form = new FormData();
  // Text fields first: a streaming multipart parser sees them before the file.
  const title = meta.title ?? file.name.replace(/\.[^.]+$/, '');
  if (title) form.append('title', title);
  if (meta.relation) form.append('relation', meta.relation);
  form.append('file', file, file.name);
  return api<ResponseBody<'uploadDocument', 201>>(`${base(tenant)}/registry-entries/${encodeURIComponent(entryId)}/documents`, { method: 'POST', form });
}

export const documentContentUrl = (tenant: string, documentId: string) => `${base(tenant)}/documents/${encodeURIComponent(documentId)}/content`;
