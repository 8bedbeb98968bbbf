// SPDX-License-Identifier: EUPL-1.2
// The real `radhus serve` as a child process, for tests that must kill it the hard way. It listens
// on a port the kernel picks (PORT=0) and says where in its "Rådhus is running at …" line.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = join(dirname(fileURLToPath(import.meta.url)), '../../bin/radhus.js');

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown hook, no flush, no close — as a power-cut process would end. */
  killHard(): void;
  stop(): Promise<void>;
}

export interface ServeOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  timeoutMs?: number;
  /** More settings, e.g. TRUST_PROXY. */
  env?: NodeJS.ProcessEnv;
}

/** Starts `node bin/radhus.js serve` and resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<ServerProcess> {
  // Only what the server needs: an inherited DATABASE_URL or PORT must not redirect the test.
  const { DATABASE_URL: _url, PORT: _port, DATA_DIR: _dir, HOST: _host, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    RADHUS_SEED_DEMO: 'false',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await waitForUrl(child, () => log, exited, options.timeoutMs ?? 90_000);
  return {
    url,
    pid: child.pid!,
    exited,
    output: () => log,
    killHard: () => {
      child.kill('SIGKILL');
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function waitForUrl(child: ChildProcess, log: () => string, exited: Promise<unknown>, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`radhus serve did not start within ${timeoutMs} ms:\n${log()}`));
    }, timeoutMs);
    const look = () => {
      const match = /Rådhus is running at (http:\/\/\S+)/.exec(log());
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', look);
      resolve(match[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout!.on('data', look);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`radhus serve exited before listening:\n${log()}`));
    });
  });
}
