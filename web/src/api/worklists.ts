// SPDX-License-Identifier: EUPL-1.2
// The work lists under /api/v1/{tenant}/work-lists, named after their operationIds.
import { api, query } from './client.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/work-lists`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export interface WorkOverview {
  myCases: number;
  myPendingFollowUps: number;
  myOverdue: number;
  today: string;
  myUnitCases: number;
  /** The open units I am a member of: "my unit's cases" are theirs. */
  myUnits: { id: string; code: string; name: string }[];
  units: { id: string; code: string; name: string }[];
}

export interface WorkCase {
  id: string;
  caseNumber: string;
  title: string;
  status: string;
  caseDate: string;
  responsibleUnit: string | null;
  responsibleOfficer: string | null;
  pendingFollowUps: number;
  overdueFollowUps: number;
  nextDueDate: string | null;
}

export interface PendingFollowUp {
  id: string;
  documentNumber: string;
  registryNumber: string;
  caseFileId: string;
  caseNumber: string;
  caseTitle: string;
  type: string;
  status: string;
  title: string;
  journalDate: string;
  receivedDate: string | null;
  dueDate: string | null;
  overdue: boolean;
  correspondents: string | null;
}

export interface WorkPage<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
  today: string;
}

export interface WorkListQuery {
  mine?: boolean;
  myUnits?: boolean;
  unitId?: string | undefined;
  overdue?: boolean;
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
  cursor?: string | undefined;
  limit?: number;
}

const params = (q: WorkListQuery) =>
  query({
    mine: q.mine ? 'true' : '',
    myUnits: q.myUnits ? 'true' : '',
    overdue: q.overdue ? 'true' : '',
    unitId: q.unitId ?? '',
    sort: q.sort ?? '',
    order: q.order ?? '',
    cursor: q.cursor ?? '',
    ...(q.limit ? { limit: String(q.limit) } : {}),
  });

export const getWorkOverview = (tenant: string, signal?: AbortSignal) => api<WorkOverview>(base(tenant), opts(signal));

export const listWorkCases = (tenant: string, q: WorkListQuery, signal?: AbortSignal) => api<WorkPage<WorkCase>>(`${base(tenant)}/cases${params(q)}`, opts(signal));

export const listPendingFollowUps = (tenant: string, q: WorkListQuery, signal?: AbortSignal) =>
  api<WorkPage<PendingFollowUp>>(`${base(tenant)}/follow-ups${params(q)}`, opts(signal));
