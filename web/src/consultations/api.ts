// SPDX-License-Identifier: EUPL-1.2
// The officer's consultations API (issue 11 §2), one function per operationId. Requests and answers
// are the generated types of docs/openapi.json (schema.d.ts).
import { api, query } from '../api/client.ts';
import type { Item, RequestBody, ResponseBody } from '../api/types.ts';

export type StaffConsultation = ResponseBody<'openConsultation', 201>;
export type StaffComment = Item<ResponseBody<'listConsultationCommentsForStaff', 200>['items']>;

// The same shape in the other answers (checked here, so a drift fails the typecheck).
export const sameShapes: [
  Item<ResponseBody<'listConsultationsForStaff', 200>['items']> extends StaffConsultation ? true : false,
  ResponseBody<'publishConsultationComments', 200> extends StaffConsultation ? true : false,
] = [true, true];

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/consultations`;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

export const listConsultationsForStaff = (tenant: string, caseFileId: string, signal?: AbortSignal) =>
  api<ResponseBody<'listConsultationsForStaff', 200>>(`${base(tenant)}/staff${query({ caseFileId })}`, opt(signal));
export const openConsultation = (tenant: string, body: RequestBody<'openConsultation'>) => api<StaffConsultation>(base(tenant), { json: body });
export const publishConsultationComments = (tenant: string, id: string) =>
  api<ResponseBody<'publishConsultationComments', 200>>(`${base(tenant)}/${encodeURIComponent(id)}/publication`, { method: 'POST' });
export const listConsultationComments = (tenant: string, id: string, signal?: AbortSignal) =>
  api<ResponseBody<'listConsultationCommentsForStaff', 200>>(`${base(tenant)}/${encodeURIComponent(id)}/comments/staff`, opt(signal));
