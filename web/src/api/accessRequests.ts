// SPDX-License-Identifier: EUPL-1.2
// Access requests under /api/v1/{tenant}/access-requests, named after their operationIds. Typed by
// hand until docs/openapi.json (and schema.d.ts) are regenerated with these operations.
import { api, query } from './client.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/access-requests`;

export type AccessOutcome = 'granted' | 'partly-granted' | 'refused';

export interface AccessRequest {
  id: string;
  kind: 'request' | 'appeal';
  appealReason: string | null;
  source: 'web' | 'einnsyn';
  requesterEmail: string | null;
  requesterName: string | null;
  unitName: string | null;
  status: 'received' | 'in-progress' | 'decided';
  receivedAt: string | null;
  deadline: string | null;
  overdue: boolean;
  remindedAt: string | null;
  outcome: AccessOutcome | null;
  legalBasis: string | null;
  decidedAt: string | null;
  caseFileId: string | null;
  decisionEntryId: string | null;
  entries: { registryEntryId: string; registryNumber: string; documentNumber: string | null; publicTitle: string }[];
}

export interface AccessRequestPage {
  items: AccessRequest[];
  total: number;
  nextCursor: string | null;
  today: string;
}

export const listAccessRequests = (tenant: string, q: { status: 'open' | 'decided' | 'all'; myUnits?: boolean; cursor?: string }, signal?: AbortSignal) =>
  api<AccessRequestPage>(`${base(tenant)}${query({ status: q.status, myUnits: q.myUnits ? 'true' : undefined, cursor: q.cursor })}`, signal ? { signal } : {});

export const startAccessRequest = (tenant: string, id: string) => api<AccessRequest>(`${base(tenant)}/${encodeURIComponent(id)}/start`, { method: 'POST', json: {} });

export interface DecisionInput {
  outcome: AccessOutcome;
  legalBasis?: string;
  explanation?: string;
  redactedCopies?: { fileName: string; mimeType: string; content: string }[];
}

export const decideAccessRequest = (tenant: string, id: string, decision: DecisionInput) =>
  api<AccessRequest>(`${base(tenant)}/${encodeURIComponent(id)}/decision`, { method: 'POST', json: decision });

/** A chosen file as base64, for the redacted copy the decision sends. */
export function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
