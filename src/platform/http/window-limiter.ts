// SPDX-License-Identifier: EUPL-1.2
// A fixed-window counter per key, for requests sent without a login (anonymous forms, comments on a
// consultation): counted in this server's memory, so behind several servers the limit is per server.

/** A fixed window per key: the first request opens it, the limit holds until it closes. */
export class WindowLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();
  constructor(readonly limit: number, readonly windowMs: number) {}

  /** Seconds to wait when the key is over its limit; undefined (and counted) when it may go on. */
  take(key: string, now: number): number | undefined {
    const w = this.#windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      // Old windows are dropped as they are met, so the map holds only the last window's senders.
      if (this.#windows.size > 10_000) for (const [k, v] of this.#windows) if (now - v.start >= this.windowMs) this.#windows.delete(k);
      this.#windows.set(key, { start: now, count: 1 });
      return undefined;
    }
    if (w.count >= this.limit) return Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
    w.count += 1;
    return undefined;
  }
}
