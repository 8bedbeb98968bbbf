// SPDX-License-Identifier: EUPL-1.2
// Access requests under /api/v1/{tenant}/access-requests, named after their operationIds. Requests
// and answers are the generated types of docs/openapi.json (schema.d.ts).
import { api, query } from './client.ts';
import type { Item, QueryParams, RequestBody, ResponseBody } from './types.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/access-requests`;

export type AccessRequestPage = ResponseBody<'listAccessRequests', 200>;
export type AccessRequest = Item<AccessRequestPage['items']>;
export type AccessOutcome = NonNullable<AccessRequest['outcome']>;
export type DecisionInput = RequestBody<'decideAccessRequest'>;

// Starting and deciding answer the request as the list shows it (checked here, so a drift fails the typecheck).
export const sameShapes: [
  ResponseBody<'startAccessRequest', 200> extends AccessRequest ? true : false,
  ResponseBody<'decideAccessRequest', 200> extends AccessRequest ? true : false,
] = [true, true];

/** `limit` has a default on the server, so the UI may leave it out. */
type ListQuery = Omit<QueryParams<'listAccessRequests'>, 'limit' | 'myUnits'> & { limit?: number; myUnits?: boolean };

export const listAccessRequests = (tenant: string, q: ListQuery, signal?: AbortSignal) =>
  api<AccessRequestPage>(`${base(tenant)}${query({ status: q.status, myUnits: q.myUnits ? 'true' : undefined, cursor: q.cursor, limit: q.limit })}`, signal ? { signal } : {});

export const startAccessRequest = (tenant: string, id: string) =>
  api<ResponseBody<'startAccessRequest', 200>>(`${base(tenant)}/${encodeURIComponent(id)}/start`, { method: 'POST', json: {} });

export const decideAccessRequest = (tenant: string, id: string, decision: DecisionInput) =>
  api<ResponseBody<'decideAccessRequest', 200>>(`${base(tenant)}/${encodeURIComponent(id)}/decision`, { method: 'POST', json: decision });

/** A chosen file as base64, for the redacted copy the decision sends. */
export function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
