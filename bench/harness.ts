// SPDX-License-Identifier: EUPL-1.2
// A closed-loop load generator: `concurrency` workers each run one operation after the other until
// `total` are done. Per-operation latency goes into percentiles; progress goes to stderr.
export interface Measurement {
  name: string;
  count: number;
  seconds: number;
  opsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** CPU time of this process per operation (server and client share it; a PostgreSQL server's own CPU is not in it). */
  cpuMsPerOp: number;
  /** SQL statements per operation (BEGIN/COMMIT excluded), when the caller counts them. */
  statementsPerOp?: number;
}

export interface Load {
  name: string;
  total: number;
  concurrency: number;
  /** One operation; throws (or rejects) when it failed. */
  op: (index: number) => Promise<void>;
  /** Operations run first and not counted: JIT, caches, connection set-up. */
  warmup?: number;
  /** Called when the counted operations begin (after the warm-up). */
  onStart?: () => void;
}

export async function measure(load: Load): Promise<Measurement> {
  if (load.warmup) await run({ ...load, total: load.warmup }, () => {});
  load.onStart?.();
  let lastShown = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const latencies = await run(load, (done) => {
    const now = performance.now();
    if (now - lastShown < 1000 && done !== load.total) return;
    lastShown = now;
    const rate = done / ((now - started) / 1000);
    process.stderr.write(`  ${load.name}: ${done}/${load.total} (${rate.toFixed(0)}/s)\n`);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    name: load.name,
    count: load.total,
    seconds,
    opsPerSecond: load.total / seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    cpuMsPerOp: (cpu.user + cpu.system) / 1000 / load.total,
  };
}

/** Runs the load; resolves with the latency of every operation, or throws when any failed. */
async function run(load: Load, progress: (done: number) => void): Promise<number[]> {
  const latencies: number[] = [];
  const errors: unknown[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < load.total) {
      const index = next++;
      const t0 = performance.now();
      try {
        await load.op(index);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors.push(error);
      }
      done += 1;
      progress(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(load.concurrency, load.total) }, worker));
  if (errors.length) {
    // A benchmark of failing requests measures nothing: stop and show why.
    throw new Error(`${load.name}: ${errors.length} of ${load.total} operations failed; first: ${String((errors[0] as Error)?.message ?? errors[0])}`);
  }
  return latencies;
}

/** Nearest-rank percentile of sorted milliseconds. */
function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
