// SPDX-License-Identifier: EUPL-1.2
// `radhus serve` and other `radhus` processes on the same data: the real bin, in child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { lockFile, readLock, type LockInfo } from '../platform/lock.ts';
import { freshDatabaseUrl, testEngine } from '../test-support/app.ts';

const bin = fileURLToPath(new URL('../../bin/radhus.js', import.meta.url));
const servers: ChildProcess[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.exitCode === null && s.kill('SIGKILL')));

function environment(dataDir: string, databaseUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', RADHUS_SEED_DEMO: 'false', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

function radhus(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string; last: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr, last: stdout.trimEnd().split('\n').at(-1) ?? '' }));
  });
}

/** Starts `radhus serve` and resolves with its port once it answers. */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const match = /Rådhus is running at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
    if (match) return { child, port: Number(match[1]), output: () => output };
    if (child.exitCode !== null) throw new Error(`the server stopped: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not start: ${output}`);
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));

async function api(port: number, path: string, token: string): Promise<number> {
  return (await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${token}` } })).status;
}

describe.skipIf(testEngine() !== 'pglite')('a server holding a PGlite data folder', { timeout: 600_000 }, () => {
  it('carries out other commands for them, refuses serve and migrate, and leaves a stale lock to be taken over', async () => {
    const env = environment(await mkdtemp(join(tmpdir(), 'radhus-serve-')));
    const server = await startServer(env);
    // One supported Node version, no runtime warnings at start (decision 0005), demo provider included.
    expect(server.output()).not.toMatch(/Unsupported runtime|Warning:|WARNING/);
    const lock = readLock(lockFile(env.DATA_DIR!)) as LockInfo;
    expect(lock).toMatchObject({ pid: server.child.pid, kind: 'server', port: server.port });
    expect(existsSync(lock.socket!)).toBe(true);

    const added = await radhus(env, 'tenant', 'add', '--slug', 'testby', '--number', '5501', '--name', 'Testby kommune', '--country', 'NO');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const created = await radhus(env, 'token', 'create', '--tenant', 'testby', '--role', 'system');
    expect(created.code).toBe(0);
    expect(created.last).toMatch(/^rdh_/);
    expect(await api(server.port, '/api/v1/testby/case-files', created.last)).toBe(200);
    expect(await api(server.port, '/api/v1/testby/case-files', 'rdh_not-a-token')).toBe(401);

    // Usage errors and domain errors come back through the socket with their exit codes.
    expect((await radhus(env, 'token', 'create', '--tenant', 'testby')).code).toBe(2);
    const unknownTenant = await radhus(env, 'token', 'list', '--tenant', 'nowhere');
    expect(unknownTenant).toMatchObject({ code: 1, stderr: expect.stringContaining('no municipality with slug "nowhere"; the municipalities here are: testby') });

    const refusal = `${env.DATA_DIR} is in use by the Rådhus server with pid ${server.child.pid} on port ${server.port}; stop it first`;
    expect(await radhus(env, 'migrate')).toMatchObject({ code: 1, stderr: `radhus migrate: ${refusal}\n` });
    expect(await radhus(env, 'serve')).toMatchObject({ code: 1, stderr: `radhus serve: ${refusal}\n` });

    // A crash leaves the lock and the socket behind; the next process takes the folder over.
    server.child.kill('SIGKILL');
    await exited(server.child);
    expect(existsSync(lockFile(env.DATA_DIR!))).toBe(true);
    const listed = await radhus(env, 'tenant', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/testby\s+NO\s+5501/);
    expect(existsSync(lockFile(env.DATA_DIR!))).toBe(false);

    // A restarted server replaces the stale socket, still knows the token, and stops cleanly.
    const again = await startServer(env);
    expect(await api(again.port, '/api/v1/testby/case-files', created.last)).toBe(200);
    const revoked = await radhus(env, 'token', 'revoke', '--tenant', 'testby', '--token', created.last);
    expect(revoked.code).toBe(0);
    expect(await api(again.port, '/api/v1/testby/case-files', created.last)).toBe(401);
    again.child.kill('SIGTERM');
    expect(await exited(again.child)).toBe(0);
    expect(again.output()).toContain('Rådhus is stopping (SIGTERM)');
    expect(existsSync(lockFile(env.DATA_DIR!))).toBe(false);
    expect(existsSync(lock.socket!)).toBe(false);
  });
});

describe.skipIf(testEngine() !== 'postgres')('a server on PostgreSQL', { timeout: 600_000 }, () => {
  it('shares the database with other processes without any lock', async () => {
    const env = environment(await mkdtemp(join(tmpdir(), 'radhus-serve-')), await freshDatabaseUrl());
    const server = await startServer(env);
    expect(existsSync(lockFile(env.DATA_DIR!))).toBe(false);
    expect((await radhus(env, 'tenant', 'add', '--slug', 'testby', '--number', '5501', '--name', 'Testby kommune', '--country', 'NO')).code).toBe(0);
    const created = await radhus(env, 'token', 'create', '--tenant', 'testby', '--role', 'system');
    expect(created.code).toBe(0);
    expect(await api(server.port, '/api/v1/testby/case-files', created.last)).toBe(200);
    expect((await radhus(env, 'migrate')).last).toMatch(/up to date/);
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
  });
});

describe('start-up mistakes an operator makes', { timeout: 120_000 }, () => {
  it('reports a port in use before it touches the data folder or the database', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const databaseUrl = await freshDatabaseUrl();
      const env: NodeJS.ProcessEnv = { ...environment(await mkdtemp(join(tmpdir(), 'radhus-port-')), databaseUrl), PORT: String(port), RADHUS_SEED_DEMO: 'true' };
      const refused = await radhus(env, 'serve');
      expect(refused).toMatchObject({ code: 1, stderr: `radhus serve: 127.0.0.1:${port} is in use by another program; set PORT (or HOST) to another value\n` });
      expect(refused.stdout).not.toMatch(/migrating|demo/i);
      // Nothing was created: no database files, no lock, and on PostgreSQL not even the migrations table.
      expect(readdirSync(env.DATA_DIR!)).toEqual([]);
      if (databaseUrl) {
        const pg = (await import('pg')).default;
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        const { rows } = await client.query("select count(*)::int as n from information_schema.tables where table_schema = 'public'");
        await client.end();
        expect(rows[0].n).toBe(0);
      }
    } finally {
      busy.close();
    }
  });

  it('names the data folder it used when the installation is empty', async () => {
    const env = environment(await mkdtemp(join(tmpdir(), 'radhus-empty-')));
    const listed = await radhus(env, 'token', 'list', '--tenant', 'balsfjord');
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain(`the data folder ${env.DATA_DIR} (DATA_DIR) has none yet`);
  });
});
