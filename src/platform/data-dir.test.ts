// SPDX-License-Identifier: EUPL-1.2
// DATA_DIR belongs to the server's user alone, and a start sweeps the staged uploads a crash left.
// The real `radhus serve` in a child process, on a folder an older version left open.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalFileStore } from './files/store.ts';
import { freshDatabaseUrl, testEngine } from '../test-support/app.ts';

const bin = fileURLToPath(new URL('../../bin/radhus.js', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

async function walk(path: string, found: { path: string; mode: number }[] = []): Promise<{ path: string; mode: number }[]> {
  const stat = await lstat(path);
  if (stat.isSymbolicLink()) return found;
  found.push({ path, mode: stat.mode & 0o777 });
  if (stat.isDirectory()) for (const name of await readdir(path)) await walk(join(path, name), found);
  return found;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string }> {
  // The test runner's own umask must not decide the result: start from a permissive one.
  const child = spawn('/bin/sh', ['-c', `umask 000; exec "${process.execPath}" "${bin}" serve`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (/Rådhus is running at/.test(output)) return { child, output: () => output };
    if (child.exitCode !== null) throw new Error(`the server stopped: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not start: ${output}`);
}

describe('the data folder', { timeout: 300_000 }, () => {
  it('is closed to other users at start, with what was fixed logged, and a crash’s staged upload is swept', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'radhus-perm-'));
    // What an older version left: open folders, a world-writable document, a staged upload of a crash.
    const docDir = join(dataDir, 'files', 'ab', 'cd');
    await mkdir(docDir, { recursive: true });
    await mkdir(join(dataDir, 'files', 'tmp'), { recursive: true });
    await writeFile(join(docDir, 'abcd'.padEnd(64, '0')), 'a document');
    await writeFile(join(dataDir, 'files', 'tmp', 'crashed-upload'), Buffer.alloc(4096));
    // Two hours old: on PostgreSQL (shared files/) only staged files older than an hour are a crash's.
    const old = new Date(Date.now() - 2 * 60 * 60_000);
    await utimes(join(dataDir, 'files', 'tmp', 'crashed-upload'), old, old);
    for (const entry of await walk(dataDir)) await chmod(entry.path, entry.mode | 0o777);

    const databaseUrl = await freshDatabaseUrl();
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', RADHUS_SEED_DEMO: 'false', LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    const server = await startServer(env);

    expect(existsSync(join(dataDir, 'files', 'tmp', 'crashed-upload'))).toBe(false);
    expect(server.output()).toContain('removed files/tmp/crashed-upload');
    expect(server.output()).toContain(`closed group/other access to ${join(docDir, 'abcd'.padEnd(64, '0'))}`);
    const everything = await walk(dataDir);
    if (testEngine() === 'pglite') expect(everything.length).toBeGreaterThan(100); // the PGlite files the server wrote
    const open = everything.filter((e) => (e.mode & 0o077) !== 0).map((e) => `${e.path} ${e.mode.toString(8)}`);
    expect(open).toEqual([]);
    server.child.kill('SIGTERM');
  });

  it('sweeps only staged files older than the cut-off: a live upload of another server is kept', async () => {
    const root = await mkdtemp(join(tmpdir(), 'radhus-sweep-'));
    await mkdir(join(root, 'tmp'));
    await writeFile(join(root, 'tmp', 'old'), 'x');
    await writeFile(join(root, 'tmp', 'live'), 'y');
    const old = new Date(Date.now() - 2 * 60 * 60_000);
    await utimes(join(root, 'tmp', 'old'), old, old);
    const store = new LocalFileStore(root);
    expect(await store.sweepStaged(Date.now() - 60 * 60_000)).toEqual(['old']);
    expect(await readdir(join(root, 'tmp'))).toEqual(['live']);
  });
});
