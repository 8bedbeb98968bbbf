// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { dateIn, formatDocumentNumber, formatNumber, yearIn } from './numbering.ts';

describe('numbering', () => {
  it('formats case, registry and document numbers as Noark does', () => {
    expect(formatNumber(2026, 123)).toBe('2026/123');
    expect(formatDocumentNumber(2026, 123, 2)).toBe('2026/123-2');
  });

  it('takes the year and date in the municipality’s time zone', () => {
    const newYearInOslo = new Date('2026-12-31T23:30:00Z');
    expect(dateIn(newYearInOslo)).toBe('2027-01-01');
    expect(yearIn(newYearInOslo)).toBe(2027);
    expect(dateIn(newYearInOslo, 'UTC')).toBe('2026-12-31');
  });
});
