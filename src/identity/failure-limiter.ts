// SPDX-License-Identifier: EUPL-1.2
// Refuses a caller (by IP address) that has presented too many unknown bearer tokens in the last
// window, so tokens cannot be guessed at the speed of the network. In memory, per server process:
// behind several servers the limit is per server, which still bounds guessing.
import { TooManyRequests } from '../platform/http/problem.ts';

export class FailureLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws 429 (with the seconds to wait) when the address has used up its failures. */
  check(address: string): void {
    if (this.limit <= 0) return;
    const entry = this.windows.get(address);
    const now = this.now();
    if (!entry || entry.resetAt <= now) return;
    if (entry.count >= this.limit) {
      const seconds = Math.max(1, Math.ceil((entry.resetAt - now) / 1000));
      throw new TooManyRequests(`too many unknown bearer tokens from this address; try again in ${seconds} s`, seconds);
    }
  }

  record(address: string): void {
    if (this.limit <= 0) return;
    const now = this.now();
    const entry = this.windows.get(address);
    if (!entry || entry.resetAt <= now) {
      // Forget expired windows now and then, so that the map cannot grow without bound.
      if (this.windows.size > 10_000) for (const [key, e] of this.windows) if (e.resetAt <= now) this.windows.delete(key);
      this.windows.set(address, { count: 1, resetAt: now + this.windowMs });
    } else entry.count += 1;
  }
}
