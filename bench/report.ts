// SPDX-License-Identifier: EUPL-1.2
// Prints the benchmark as a Markdown table (pasted into BENCHMARKS.md as it is).
import { loadavg } from 'node:os';
import type { Measurement } from './harness.ts';

export interface Report {
  engine: string;
  engineVersion: string;
  machine: string;
  concurrency: number;
  /** os.loadavg() when the run began. */
  loadBefore: number[];
  results: Measurement[];
  ratios: { label: string; api: Measurement; floor: Measurement }[];
}

const ms = (v: number) => v.toFixed(v < 10 ? 2 : 1);

export function printReport(report: Report): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out();
  out(`Engine: ${report.engine} — ${report.engineVersion.split(',')[0]}`);
  out(`Machine: ${report.machine}; concurrency ${report.concurrency}`);
  out(`Load average before → after: ${report.loadBefore.map((v) => v.toFixed(2)).join(' ')} → ${loadavg().map((v) => v.toFixed(2)).join(' ')} (other processes on the machine skew the figures)`);
  out();
  out('| operation | count | ops/s | p50 ms | p95 ms | p99 ms | Node CPU ms/op | SQL statements/op |');
  out('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of report.results)
    out(`| ${r.name} | ${r.count} | ${r.opsPerSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.cpuMsPerOp)} | ${r.statementsPerOp === undefined ? '—' : r.statementsPerOp.toFixed(1)} |`);
  out();
  out('| ratio | throughput (floor ops/s ÷ API ops/s) | p50 latency (API ÷ floor) |');
  out('|---|---:|---:|');
  for (const r of report.ratios) out(`| ${r.label} | ${(r.floor.opsPerSecond / r.api.opsPerSecond).toFixed(2)}× | ${(r.api.p50 / r.floor.p50).toFixed(2)}× |`);
  out();
}
