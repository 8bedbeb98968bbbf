// SPDX-License-Identifier: EUPL-1.2
// The archivist's deposit: series and their periods (listSeries, closeSeriesPeriod) and the deposit
// jobs under /api/v1/{tenant}/deposit-jobs, named after their operationIds. Requests and answers are
// the generated types of docs/openapi.json (schema.d.ts); a series' status is `string` there (a CHECK
// list in the table) and narrowed here to the union the screens pick their texts by.
import type { Item, Language, Narrow, RequestBody, ResponseBody } from './types.ts';
import { api, query } from './client.ts';

const tenantBase = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}`;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

export type SeriesStatus = 'active' | 'overlap' | 'closed';

export type Series = Narrow<Item<ResponseBody<'listSeries', 200>['items']>, { status: SeriesStatus }>;

export const listSeries = (tenant: string, signal?: AbortSignal) => api<{ items: Series[] }>(`${tenantBase(tenant)}/series`, opt(signal));

export type ClosePeriodInput = RequestBody<'closeSeriesPeriod'>;
export type ClosePeriodResult = Narrow<ResponseBody<'closeSeriesPeriod', 200>, { closed: Series; successor: Series | null }>;

export const closeSeriesPeriod = (tenant: string, id: string, input: ClosePeriodInput) =>
  api<ClosePeriodResult>(`${tenantBase(tenant)}/series/${encodeURIComponent(id)}/close-period`, { method: 'POST', json: input });

export type DepositJob = ResponseBody<'getDepositJob', 200>;
export type DepositFormat = DepositJob['format'];
export type DepositState = DepositJob['state'];
export type ReportCheck = Item<NonNullable<DepositJob['report']>['checks']>;
export type CheckStatus = ReportCheck['status'];
export type ReportFinding = Item<ReportCheck['findings']>;

// The other operations answer the same job (checked here, so a drift fails the typecheck).
export const sameShapes: [
  Item<ResponseBody<'listDepositJobs', 200>['items']> extends DepositJob ? true : false,
  ResponseBody<'startDepositExport', 201> extends DepositJob ? true : false,
  ResponseBody<'startDepositVerification', 201> extends DepositJob ? true : false,
] = [true, true, true];

const jobs = (tenant: string) => `${tenantBase(tenant)}/deposit-jobs`;

export const listDepositJobs = (tenant: string, signal?: AbortSignal) => api<ResponseBody<'listDepositJobs', 200>>(jobs(tenant), opt(signal));

export const getDepositJob = (tenant: string, id: string, lang: Language, signal?: AbortSignal) =>
  api<DepositJob>(`${jobs(tenant)}/${encodeURIComponent(id)}${query({ lang })}`, opt(signal));

export const startDepositExport = (tenant: string, input: RequestBody<'startDepositExport'>) => api<DepositJob>(`${jobs(tenant)}/exports`, { method: 'POST', json: input });

export const startDepositVerification = (tenant: string, exportJobId: string) =>
  api<DepositJob>(`${jobs(tenant)}/verifications`, { method: 'POST', json: { exportJobId } satisfies RequestBody<'startDepositVerification'> });
