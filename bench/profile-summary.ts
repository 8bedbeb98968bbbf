// SPDX-License-Identifier: EUPL-1.2
// Summarises a .cpuprofile by where the time is spent: `node bin/run-ts.js bench/profile-summary.ts <file>`.
// Self time is grouped by package (or our own folder), so "PGlite (WASM)" and "fastify" stand out.
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) {
  console.error('usage: node bin/run-ts.js bench/profile-summary.ts <file.cpuprofile>');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

function bucket(node: Node): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName === '(idle)' ? '(idle)' : functionName === '(garbage collector)' ? '(garbage collector)' : functionName.startsWith('(') ? functionName : 'node internals / native';
  if (url.startsWith('wasm://')) return '@electric-sql/pglite (WASM PostgreSQL)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const own = /\/(src\/[^/]+|bench)\//.exec(url);
  return own ? own[1]! : url;
}

const totals = new Map<string, number>();
let all = 0;
for (const [id, us] of self) {
  const key = bucket(byId.get(id)!);
  totals.set(key, (totals.get(key) ?? 0) + us);
  all += us;
}
const busy = all - (totals.get('(idle)') ?? 0);
console.log(`| where (self time) | ms | share of busy time |`);
console.log(`|---|---:|---:|`);
for (const [key, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 18)) {
  if (key === '(idle)') continue;
  console.log(`| ${key} | ${(us / 1000).toFixed(0)} | ${((100 * us) / busy).toFixed(1)} % |`);
}
console.log(`| (idle) | ${((totals.get('(idle)') ?? 0) / 1000).toFixed(0)} | — |`);
