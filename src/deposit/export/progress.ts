// SPDX-License-Identifier: EUPL-1.2
// Progress of a long export: on a terminal a bar that redraws itself with counts and rate; anywhere
// else (a pipe, a log file, the server's command socket) a plain line every few seconds.
export interface Progress {
  /** Starts a phase with the total to expect (0 when unknown). */
  phase(name: string, total: number): void;
  tick(count?: number): void;
  done(): void;
}

export function progress(write: (line: string) => void, options: { tty?: NodeJS.WriteStream | null; everyMs?: number } = {}): Progress {
  const everyMs = options.everyMs ?? 2000;
  let name = '';
  let total = 0;
  let count = 0;
  let started = Date.now();
  let last = 0;
  const rate = () => count / Math.max((Date.now() - started) / 1000, 0.001);
  const render = () => {
    const r = rate();
    if (options.tty) {
      const width = 30;
      const filled = total ? Math.min(width, Math.round((count / total) * width)) : 0;
      options.tty.write(`\r${name.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}${total ? `/${total}` : ''} ${r.toFixed(0)}/s `);
    } else {
      write(`${name}: ${count}${total ? ` of ${total}` : ''} (${r.toFixed(0)}/s)`);
    }
  };
  return {
    phase(next, expected) {
      name = next;
      total = expected;
      count = 0;
      started = Date.now();
      last = 0;
    },
    tick(n = 1) {
      count += n;
      const now = Date.now();
      if (now - last >= (options.tty ? 100 : everyMs)) {
        last = now;
        render();
      }
    },
    done() {
      render();
      if (options.tty) options.tty.write('\n');
    },
  };
}
