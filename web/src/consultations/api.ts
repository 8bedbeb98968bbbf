// SPDX-License-Identifier: EUPL-1.2
// The officer's consultations API (issue 11 §2), one function per operationId. The types are written
// here until docs/openapi.json (and so schema.d.ts) is regenerated with these operations.
import { api, query } from '../api/client.ts';

export interface StaffConsultation {
  id: string;
  caseFileId: string;
  caseNumber: string | null;
  title: string;
  description: string;
  opensAt: string;
  deadline: string;
  status: 'open' | 'closed';
  documentEntryIds: string[];
  commentsPublishedAt: string | null;
  filedComments: number;
  unconfirmedComments: number;
}

export interface StaffComment {
  id: string;
  authorName: string;
  organisation: string | null;
  email: string | null;
  loggedIn: boolean;
  text: string;
  status: 'unconfirmed' | 'filed' | 'expired';
  registryEntryId: string | null;
  submittedAt: string;
}

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/consultations`;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

export const listConsultationsForStaff = (tenant: string, caseFileId: string, signal?: AbortSignal) =>
  api<{ items: StaffConsultation[] }>(`${base(tenant)}/staff${query({ caseFileId })}`, opt(signal));
export const openConsultation = (tenant: string, body: { caseFileId: string; title: string; description: string; deadline: string; documentEntryIds: string[] }) =>
  api<StaffConsultation>(base(tenant), { json: body });
export const publishConsultationComments = (tenant: string, id: string) => api<StaffConsultation>(`${base(tenant)}/${encodeURIComponent(id)}/publication`, { method: 'POST' });
export const listConsultationComments = (tenant: string, id: string, signal?: AbortSignal) =>
  api<{ items: StaffComment[]; unconfirmed: number }>(`${base(tenant)}/${encodeURIComponent(id)}/comments/staff`, opt(signal));
