// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { formatOffset, parseOffset } from './useSubmit.ts';

describe('video offsets', () => {
  it('reads hh:mm:ss, mm:ss and seconds, and writes hh:mm:ss back', () => {
    expect(parseOffset('01:02:03')).toBe(3723);
    expect(parseOffset('2:03')).toBe(123);
    expect(parseOffset(' 75 ')).toBe(75);
    expect(formatOffset(3723)).toBe('01:02:03');
    expect(parseOffset(formatOffset(59))).toBe(59);
  });
  it('refuses anything else', () => {
    for (const bad of ['', 'abc', '1:2:3:4', '-5', '1.5', '1::2']) expect(parseOffset(bad)).toBeUndefined();
  });
});
