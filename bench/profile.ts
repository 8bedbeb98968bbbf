// SPDX-License-Identifier: EUPL-1.2
// BENCH_PROFILE=folder: a V8 CPU profile of one measurement at a time (open it in Chrome DevTools
// or summarise it with bench/profile-summary.ts), so the profile shows that workload alone.
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_PROFILE;
  if (!folder) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    process.stderr.write(`  profile written to ${file}\n`);
    session.disconnect();
  }
}
