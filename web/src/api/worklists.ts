// SPDX-License-Identifier: EUPL-1.2
// The work lists under /api/v1/{tenant}/work-lists, named after their operationIds.
import { api, query } from './client.ts';
import type { CaseFileStatus, EntryStatus, EntryType, Item, Narrow, QueryParams, ResponseBody } from './types.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/work-lists`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

// Shapes come from the generated API types (schema.d.ts): a change in the API the UI misses fails the
// typecheck. A case's and an entry's status and an entry's type are `string` there (CHECK lists in the
// archive's tables) and narrowed here to the unions the status tags pick their texts by.
type ApiCasePage = ResponseBody<'listWorkCases', 200>;
export type WorkOverview = ResponseBody<'getWorkOverview', 200>;
export type WorkCase = Narrow<Item<ApiCasePage['items']>, { status: CaseFileStatus }>;
export type PendingFollowUp = Narrow<Item<ResponseBody<'listPendingFollowUps', 200>['items']>, { status: EntryStatus; type: EntryType }>;
/** A page of either list: both answer the count, the cursor and the server's today with their items. */
export type WorkPage<T> = Omit<ApiCasePage, 'items'> & { items: T[] };

export const sameShapes: [Omit<ResponseBody<'listPendingFollowUps', 200>, 'items'> extends Omit<ApiCasePage, 'items'> ? true : false] = [true];

// The server has defaults for the sort, the order, the page size and the case list's status: the
// screens may leave any of them out. Each list sorts by its own columns.
export type WorkCaseQuery = Partial<QueryParams<'listWorkCases'>>;
export type FollowUpQuery = Partial<QueryParams<'listPendingFollowUps'>>;
export type WorkCaseSort = NonNullable<WorkCaseQuery['sort']>;
export type FollowUpSort = NonNullable<FollowUpQuery['sort']>;

const flag = (on: boolean | undefined) => (on ? 'true' : '');
const params = (q: Omit<WorkCaseQuery, 'sort'> & Omit<FollowUpQuery, 'sort'> & { sort?: WorkCaseSort | FollowUpSort | undefined }) =>
  query({ mine: flag(q.mine), myUnits: flag(q.myUnits), overdue: flag(q.overdue), unitId: q.unitId, status: q.status, sort: q.sort, order: q.order, cursor: q.cursor, limit: q.limit });

export const getWorkOverview = (tenant: string, signal?: AbortSignal) => api<WorkOverview>(base(tenant), opts(signal));

export const listWorkCases = (tenant: string, q: WorkCaseQuery, signal?: AbortSignal) => api<WorkPage<WorkCase>>(`${base(tenant)}/cases${params(q)}`, opts(signal));

export const listPendingFollowUps = (tenant: string, q: FollowUpQuery, signal?: AbortSignal) =>
  api<WorkPage<PendingFollowUp>>(`${base(tenant)}/follow-ups${params(q)}`, opts(signal));
