// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { canMove, decisionDueOn, progressPercent, signable, thresholdFor } from './rules.ts';

describe('the threshold', () => {
  it('is 2 % of the inhabitants, rounded up, in Norway', () => {
    expect(thresholdFor('NO', { inhabitants: 5600, proposalThreshold: null })).toBe(112);
    expect(thresholdFor('NO', { inhabitants: 1001, proposalThreshold: null })).toBe(21);
    expect(thresholdFor('NO', { inhabitants: 50, proposalThreshold: null })).toBe(1);
  });
  it('is never more than 300 in Norway (kommuneloven § 12-1)', () => {
    expect(thresholdFor('NO', { inhabitants: 15000, proposalThreshold: null })).toBe(300);
    expect(thresholdFor('NO', { inhabitants: 14999, proposalThreshold: null })).toBe(300);
    expect(thresholdFor('NO', { inhabitants: 14950, proposalThreshold: null })).toBe(299);
    expect(thresholdFor('NO', { inhabitants: 700000, proposalThreshold: null })).toBe(300);
  });
  it('is the municipality’s own number in Sweden, and nothing without one', () => {
    expect(thresholdFor('SE', { inhabitants: 6500, proposalThreshold: 50 })).toBe(50);
    expect(thresholdFor('SE', { inhabitants: 6500, proposalThreshold: null })).toBeNull();
  });
  it('is overridden by the set threshold, and missing without settings', () => {
    expect(thresholdFor('NO', { inhabitants: 5600, proposalThreshold: 3 })).toBe(3);
    expect(thresholdFor('NO', undefined)).toBeNull();
    expect(thresholdFor('NO', { inhabitants: null, proposalThreshold: null })).toBeNull();
  });
});

describe('progress and deadlines', () => {
  it('counts whole per cent, up to 100', () => {
    expect(progressPercent(0, 300)).toBe(0);
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(299, 300)).toBe(99);
    expect(progressPercent(301, 300)).toBe(100);
  });
  it('gives six months in Norway and twelve in Sweden, clamped to the month’s end', () => {
    expect(decisionDueOn('2026-12-01', 'NO')).toBe('2027-06-01');
    expect(decisionDueOn('2026-12-01', 'SE')).toBe('2027-12-01');
    expect(decisionDueOn('2026-08-31', 'NO')).toBe('2027-02-28');
    expect(decisionDueOn('2027-08-31', 'NO')).toBe('2028-02-29');
    expect(decisionDueOn('2026-02-28', 'SE')).toBe('2027-02-28');
  });
});

describe('status', () => {
  it('moves only forward', () => {
    expect(canMove('open', 'reached')).toBe(true);
    expect(canMove('reached', 'on-agenda')).toBe(true);
    expect(canMove('reached', 'decided')).toBe(true);
    expect(canMove('on-agenda', 'decided')).toBe(true);
    expect(canMove('decided', 'on-agenda')).toBe(false);
    expect(canMove('lapsed', 'reached')).toBe(false);
    expect(canMove('reached', 'lapsed')).toBe(false);
  });
  it('is signable only while open and before it closes', () => {
    const closes = new Date('2027-01-01T00:00:00Z');
    expect(signable({ status: 'open', closes_at: closes }, new Date('2026-12-31T23:59:59Z'))).toBe(true);
    expect(signable({ status: 'open', closes_at: closes }, closes)).toBe(false);
    for (const status of ['reached', 'on-agenda', 'decided', 'lapsed', 'withdrawn'] as const) expect(signable({ status, closes_at: closes }, new Date('2026-06-01T00:00:00Z'))).toBe(false);
  });
});
