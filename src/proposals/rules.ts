// SPDX-License-Identifier: EUPL-1.2
// The rules of citizen proposals, pure (issue 11 §1): the threshold (Norway: 2 % of the inhabitants
// or 300 people, whichever is lower, kommuneloven § 12-1; Sweden: the municipality's own number,
// kommunallagen 8 kap. 1 §), progress toward it, the statutory decision deadline (Norway: six
// months, kommuneloven § 12-1 third paragraph; Sweden: a year, kommunallagen 5 kap. 35 §) and the
// status transitions a proposal may make.
import type { ProposalStatus } from './tables.ts';

export interface ThresholdSettings {
  inhabitants: number | null;
  proposalThreshold: number | null;
}

/** The Norwegian statutory cap: never more than 300 signatures are needed. */
export const NORWAY_MAX_THRESHOLD = 300;

/**
 * The number of signatures a new proposal needs, or null when the settings do not give one (then a
 * proposal cannot be created: the secretariat must set the settings first). An explicit
 * `proposalThreshold` overrides the computed number (a Swedish municipality's own rule, the demo).
 */
export function thresholdFor(country: 'NO' | 'SE', s: ThresholdSettings | undefined): number | null {
  if (!s) return null;
  if (s.proposalThreshold !== null && s.proposalThreshold > 0) return s.proposalThreshold;
  if (country === 'SE') return null;
  if (s.inhabitants === null || s.inhabitants <= 0) return null;
  // 2 % rounded up: 2 % of 1 001 inhabitants is 20.02 people, so 21 are needed; integer arithmetic, no float.
  return Math.min(Math.ceil((s.inhabitants * 2) / 100), NORWAY_MAX_THRESHOLD);
}

/** Whole per cent of the threshold reached, 0–100 (the count may pass the threshold: paper lists). */
export function progressPercent(count: number, threshold: number): number {
  if (threshold <= 0) return 100;
  return Math.min(100, Math.floor((count * 100) / threshold));
}

/** Months the body has to decide, from the day the threshold is reached. */
export const decisionMonths = (country: 'NO' | 'SE'): number => (country === 'NO' ? 6 : 12);

/**
 * The last day for the decision: the reached day (a local date YYYY-MM-DD) plus six or twelve
 * months; a day the target month lacks (31 August + 6 months) falls back to its last day.
 */
export function decisionDueOn(reachedOn: string, country: 'NO' | 'SE'): string {
  const [y, m, d] = reachedOn.split('-').map(Number) as [number, number, number];
  const months = m - 1 + decisionMonths(country);
  const year = y + Math.floor(months / 12);
  const month = months % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const transitions: Record<ProposalStatus, readonly ProposalStatus[]> = {
  open: ['reached', 'lapsed', 'withdrawn'],
  // Agenda and decision may arrive in one event (an item added and decided before we hear of it).
  reached: ['on-agenda', 'decided'],
  'on-agenda': ['decided'],
  decided: [],
  lapsed: [],
  withdrawn: [],
};

export const canMove = (from: ProposalStatus, to: ProposalStatus): boolean => transitions[from].includes(to);

/** Only an open proposal, before it closes, takes signatures (a reached one no longer does). */
export const signable = (p: { status: ProposalStatus; closes_at: Date }, at: Date): boolean => p.status === 'open' && at < p.closes_at;

/** Whether this signature count reaches the proposal's threshold. */
export const reaches = (count: number, threshold: number): boolean => count >= threshold;
