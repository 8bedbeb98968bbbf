// SPDX-License-Identifier: EUPL-1.2
// The archivist's deposit: series and their periods (listSeries, closeSeriesPeriod) and the deposit
// jobs under /api/v1/{tenant}/deposit-jobs, named after their operationIds. Typed by hand until
// docs/openapi.json (and schema.d.ts) are regenerated with these operations.
import type { Language } from './types.ts';
import { api, query } from './client.ts';

const tenantBase = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}`;

export type SeriesStatus = 'active' | 'overlap' | 'closed';

export interface Series {
  id: string;
  title: string;
  status: SeriesStatus | string;
  periodStart: string;
  periodEnd: string | null;
}

export const listSeries = (tenant: string, signal?: AbortSignal) => api<{ items: Series[] }>(`${tenantBase(tenant)}/series`, signal ? { signal } : {});

export interface ClosePeriodInput {
  separation: 'sharp' | 'soft';
  successorTitle?: string;
  periodEnd?: string;
}

export interface ClosePeriodResult {
  closed: Series;
  successor: Series | null;
  movedCaseFiles: number;
  openCaseFiles: number;
}

export const closeSeriesPeriod = (tenant: string, id: string, input: ClosePeriodInput) =>
  api<ClosePeriodResult>(`${tenantBase(tenant)}/series/${encodeURIComponent(id)}/close-period`, { method: 'POST', json: input });

export type DepositFormat = 'noark5' | 'fgs';
export type DepositState = 'queued' | 'running' | 'done' | 'failed';
export type CheckStatus = 'passed' | 'failed' | 'deviation' | 'not-applicable' | 'not-run';

export interface ReportFinding {
  text: string;
  file?: string;
  element?: string;
  line?: number;
  systemId?: string;
}

export interface ReportCheck {
  id: string;
  title: string;
  status: CheckStatus;
  statusText: string;
  findings: ReportFinding[];
  facts: ReportFinding[];
  omitted: number;
}

export interface DepositJob {
  id: string;
  kind: 'export' | 'verification';
  format: DepositFormat;
  seriesId: string | null;
  exportJobId: string | null;
  state: DepositState;
  progress: { phase: string | null; done: number; total: number; rate: number };
  createdAt: string;
  createdBy: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  counts: Record<string, number | boolean> | null;
  warnings: string[];
  downloadUrl: string | null;
  passed: boolean | null;
  report: { version: string | null; passed: boolean; checks: ReportCheck[] } | null;
}

const jobs = (tenant: string) => `${tenantBase(tenant)}/deposit-jobs`;

export const listDepositJobs = (tenant: string, signal?: AbortSignal) => api<{ items: DepositJob[] }>(jobs(tenant), signal ? { signal } : {});

export const getDepositJob = (tenant: string, id: string, lang: Language, signal?: AbortSignal) =>
  api<DepositJob>(`${jobs(tenant)}/${encodeURIComponent(id)}${query({ lang })}`, signal ? { signal } : {});

export const startDepositExport = (tenant: string, input: { format: DepositFormat; seriesId?: string }) => api<DepositJob>(`${jobs(tenant)}/exports`, { method: 'POST', json: input });

export const startDepositVerification = (tenant: string, exportJobId: string) => api<DepositJob>(`${jobs(tenant)}/verifications`, { method: 'POST', json: { exportJobId } });
