// SPDX-License-Identifier: EUPL-1.2
// Two containers on one volume: a server in its own PID namespace holds a PGlite folder, and a
// second `radhus serve` outside it must be refused (it sees another pid, or none, for the holder).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { lockFile, readLock } from '../platform/lock.ts';
import { testEngine } from '../test-support/app.ts';

const bin = fileURLToPath(new URL('../../bin/radhus.js', import.meta.url));
const unshareWorks = spawnSync('unshare', ['-p', '-f', '--mount-proc', 'true']).status === 0;
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

function run(command: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

describe.skipIf(testEngine() !== 'pglite' || !unshareWorks)('a server in another PID namespace', { timeout: 600_000 }, () => {
  it('keeps its PGlite folder: a second server outside the namespace is refused', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'radhus-ns-'));
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', RADHUS_SEED_DEMO: 'false', LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const first = run('unshare', ['-p', '-f', '--mount-proc', '--kill-child', process.execPath, bin, 'serve'], env);
    const deadline = Date.now() + 300_000;
    while (!/Rådhus is running at/.test(first.output())) {
      if (first.child.exitCode !== null || Date.now() > deadline) throw new Error(`the first server did not start: ${first.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const holder = readLock(lockFile(dataDir))!;
    // Inside its namespace the server is pid 1 (or near it): from here that pid is someone else.
    expect(holder.pid).toBeLessThan(10);

    const second = run(process.execPath, [bin, 'serve'], env);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`${dataDir} is in use by the Rådhus server with pid ${holder.pid}`);
    expect(readLock(lockFile(dataDir))?.key).toBe(holder.key);
    expect(first.child.exitCode).toBeNull();
  });
});
