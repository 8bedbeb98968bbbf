// SPDX-License-Identifier: EUPL-1.2
// Runs a measurement of HTTP requests from a child process (bench/load-client.ts) and charges this
// process only its own CPU time: the server's (and, on PGlite, the database's), not the client's.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Measurement } from './harness.ts';

export interface RemoteLoad {
  name: string;
  baseUrl: string;
  headers: Record<string, string>;
  /** Request i also sends headerSets[i % headerSets.length]: one caller each (a citizen's session). */
  headerSets?: Record<string, string>[];
  method: string;
  /** Request i goes to paths[i % paths.length]. */
  paths: string[];
  /** JSON text; every {i} becomes the request's index. */
  body?: string;
  status: number;
  total: number;
  concurrency: number;
  warmup?: number;
}

const runTs = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
const clientFile = fileURLToPath(new URL('./load-client.ts', import.meta.url));

export function measureRemote(load: RemoteLoad): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = fork(runTs, [clientFile], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let cpuBefore: NodeJS.CpuUsage | undefined;
    child.on('message', (message: { started?: true; result?: Measurement; error?: string }) => {
      if (message.started) cpuBefore = process.cpuUsage();
      else if (message.result) {
        const cpu = process.cpuUsage(cpuBefore);
        resolve({ ...message.result, cpuMsPerOp: (cpu.user + cpu.system) / 1000 / load.total });
        child.disconnect();
      } else if (message.error) {
        reject(new Error(message.error));
        child.disconnect();
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => code && reject(new Error(`the load client exited with ${code}`)));
    child.send(load);
  });
}
