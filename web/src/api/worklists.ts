// SPDX-License-Identifier: EUPL-1.2
// The work lists under /api/v1/{tenant}/work-lists, named after their operationIds.
import { api, query } from './client.ts';
import type { ResponseBody } from './types.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/work-lists`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

// Shapes come from the generated API types (schema.d.ts): a change in the API the UI misses fails the typecheck.
type Item<T> = T extends readonly (infer I)[] ? I : never;
export type WorkOverview = ResponseBody<'getWorkOverview', 200>;
export type WorkCase = Item<ResponseBody<'listWorkCases', 200>['items']>;
export type PendingFollowUp = Item<ResponseBody<'listPendingFollowUps', 200>['items']>;
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
