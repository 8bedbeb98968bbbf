// SPDX-License-Identifier: EUPL-1.2
// My page under /api/v1/{tenant}/my/ (the citizen's cases, messages and properties) and the case
// officer's sendCaseMessage, named after their operationIds and typed by docs/openapi.json.
import { api } from './client.ts';
import type { CaseFileStatus, Item, Narrow, RequestBody, ResponseBody } from './types.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

// A case's status is `string` in the API's schema (a CHECK list in the archive's table) and narrowed
// here to the union the status tag picks its text by.
type ApiMyCases = ResponseBody<'listMyCases', 200>;
export type MyCaseSummary = Narrow<Item<ApiMyCases['items']>, { status: CaseFileStatus }>;
export type MyCases = Narrow<ApiMyCases, { items: MyCaseSummary[] }>;
export type ExpectedDecision = MyCaseSummary['expectedDecision'];
export type MyCase = Narrow<ResponseBody<'getMyCase', 200>, { status: CaseFileStatus }>;
export type MyMessages = ResponseBody<'listMyMessages', 200>;
export type MyMessage = ResponseBody<'readMyMessage', 200>;
export type MyProperties = ResponseBody<'listMyProperties', 200>;
export type MyProperty = ResponseBody<'getMyProperty', 200>;
export type SentMessage = ResponseBody<'sendCaseMessage', 201>;
export type AddedDocuments = ResponseBody<'addDocumentsToMyCase', 201>;
export type MyDrafts = ResponseBody<'listMyDrafts', 200>;
export type MyAccessRequests = ResponseBody<'listMyAccessRequests', 200>;

export const listMyCases = (tenant: string, signal?: AbortSignal) => api<MyCases>(`${base(tenant)}/my/cases`, opts(signal));
export const getMyCase = (tenant: string, id: string, signal?: AbortSignal) => api<MyCase>(`${base(tenant)}/my/cases/${encodeURIComponent(id)}`, opts(signal));
export const addDocumentsToMyCase = (tenant: string, id: string, body: RequestBody<'addDocumentsToMyCase'>) =>
  api<AddedDocuments>(`${base(tenant)}/my/cases/${encodeURIComponent(id)}/documents`, { method: 'POST', json: body });
export const listMyMessages = (tenant: string, signal?: AbortSignal) => api<MyMessages>(`${base(tenant)}/my/messages`, opts(signal));
export const readMyMessage = (tenant: string, id: string, signal?: AbortSignal) => api<MyMessage>(`${base(tenant)}/my/messages/${encodeURIComponent(id)}`, opts(signal));
export const listMyDrafts = (tenant: string, signal?: AbortSignal) => api<MyDrafts>(`${base(tenant)}/my/drafts`, opts(signal));
export const listMyAccessRequests = (tenant: string, signal?: AbortSignal) => api<MyAccessRequests>(`${base(tenant)}/my/access-requests`, opts(signal));
export const listMyProperties = (tenant: string, signal?: AbortSignal) => api<MyProperties>(`${base(tenant)}/my/properties`, opts(signal));
export const getMyProperty = (tenant: string, id: string, signal?: AbortSignal) => api<MyProperty>(`${base(tenant)}/my/properties/${encodeURIComponent(id)}`, opts(signal));
export const sendCaseMessage = (tenant: string, caseFileId: string, body: RequestBody<'sendCaseMessage'>) =>
  api<SentMessage>(`${base(tenant)}/case-files/${encodeURIComponent(caseFileId)}/messages`, { method: 'POST', json: body });

/** Chosen files as the API takes them inside JSON: name and base64 content. */
export async function filesAsJson(files: readonly File[]): Promise<{ fileName: string; content: string }[]> {
  return Promise.all(
    files.map(
      (file) =>
        new Promise<{ fileName: string; content: string }>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve({ fileName: file.name, content: String(reader.result).replace(/^data:[^,]*,/, '') });
          reader.onerror = () => reject(reader.error);
          reader.readAsDataURL(file);
        }),
    ),
  );
}
