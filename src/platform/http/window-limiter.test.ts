// SPDX-License-Identifier: EUPL-1.2
// The window limiter counts per key and opens a new window when the old one has closed.
import { describe, expect, it } from 'vitest';
import { WindowLimiter } from './window-limiter.ts';

describe('WindowLimiter', () => {
  it('counts a fixed window per key', () => {
    const limiter = new WindowLimiter(2, 60_000);
    expect([limiter.take('a', 0), limiter.take('a', 1), limiter.take('a', 2)]).toEqual([undefined, undefined, 60]);
    expect(limiter.take('b', 2)).toBeUndefined();
    expect(limiter.take('a', 60_000)).toBeUndefined();
  });
});
