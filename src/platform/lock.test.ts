// SPDX-License-Identifier: EUPL-1.2
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAlive, lockFile, pidNamespace, processStartTime, readLock, STALE_MS, tryLockDataDir, type LockInfo } from './lock.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'radhus-lock-'));

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

function fakeLock(dataDir: string, info: Partial<LockInfo>, options: { stale?: boolean } = {}): void {
  const lock: LockInfo = { pid: 1, kind: 'server', key: 'someone-else', startedAt: new Date().toISOString(), hostname: 'elsewhere', ...info };
  writeFileSync(lockFile(dataDir), JSON.stringify(lock));
  if (options.stale) {
    // No heartbeat for a minute: the holder is gone.
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile(dataDir), old, old);
  }
}

const children: { kill(): void }[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill()));

describe('data-folder lock', () => {
  it('is taken once, visible to others, and gone when released', async () => {
    const dir = folder();
    const first = await tryLockDataDir(dir, { kind: 'server' });
    expect(first.lock).toBeDefined();
    expect(statSync(lockFile(dir)).mode & 0o777).toBe(0o600);
    expect(readLock(lockFile(dir))).toMatchObject({ pid: process.pid, kind: 'server' });

    const second = await tryLockDataDir(dir, { kind: 'command', command: 'migrate' });
    expect(second.lock).toBeUndefined();
    expect(second.holder).toMatchObject({ pid: process.pid, kind: 'server', key: first.lock!.info.key });

    first.lock!.release();
    expect(existsSync(lockFile(dir))).toBe(false);
    const third = await tryLockDataDir(dir, { kind: 'command', command: 'migrate' });
    expect(third.lock?.info).toMatchObject({ kind: 'command', command: 'migrate' });
    third.lock!.release();
  });

  it('publishes the port and socket of a server', async () => {
    const dir = folder();
    const { lock } = await tryLockDataDir(dir, { kind: 'server' });
    lock!.update({ port: 4321, socket: '/tmp/x.sock' });
    expect(readLock(lockFile(dir))).toMatchObject({ port: 4321, socket: '/tmp/x.sock', key: lock!.info.key });
    lock!.release();
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it('takes over a lock left by a process that died (its heartbeat stopped)', async () => {
    const dir = folder();
    fakeLock(dir, { pid: deadPid() }, { stale: true });
    const result = await tryLockDataDir(dir, { kind: 'server' });
    expect(result.lock?.info.pid).toBe(process.pid);
    result.lock!.release();
  });

  it('respects a lock held by a live process', async () => {
    const dir = folder();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(child);
    fakeLock(dir, { pid: child.pid!, ...(processStartTime(child.pid!) ? { processStart: processStartTime(child.pid!)! } : {}) });
    const result = await tryLockDataDir(dir, { kind: 'command' });
    expect(result.holder?.pid).toBe(child.pid);
    expect(readFileSync(lockFile(dir), 'utf8')).toContain('someone-else');
  });

  it('takes over a stale lock even when its pid now belongs to a live process (a recycled pid)', async () => {
    const dir = folder();
    fakeLock(dir, { pid: process.ppid, processStart: '1' }, { stale: true });
    expect(await isAlive(readLock(lockFile(dir))!, lockFile(dir))).toBe(false);
    const result = await tryLockDataDir(dir, { kind: 'server' });
    expect(result.lock).toBeDefined();
    result.lock!.release();
  });

  it('treats a same-pid lock it does not hold as left by an earlier life of this pid (container restart)', async () => {
    const dir = folder();
    fakeLock(dir, { pid: process.pid, key: 'from-before-the-restart', hostname: hostname(), ...(pidNamespace() ? { pidNamespace: pidNamespace()! } : {}) });
    const result = await tryLockDataDir(dir, { kind: 'server' });
    expect(result.lock).toBeDefined();
    result.lock!.release();
  });

  it('takes over an unreadable lock only once it is old, not while it may be being written', async () => {
    const dir = folder();
    writeFileSync(lockFile(dir), '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile(dir), old, old);
    const result = await tryLockDataDir(dir, { kind: 'server' });
    expect(result.lock).toBeDefined();
    result.lock!.release();
  });

  it('never removes a lock that someone else took over meanwhile', async () => {
    const dir = folder();
    const { lock } = await tryLockDataDir(dir, { kind: 'server' });
    fakeLock(dir, { pid: 99999, key: 'the-new-holder' });
    lock!.release();
    expect(readLock(lockFile(dir))?.key).toBe('the-new-holder');
  });

  it('lets exactly one of many concurrent takers of a stale lock win', async () => {
    const dir = folder();
    fakeLock(dir, { pid: deadPid() }, { stale: true });
    // Each taker reports, then holds what it got until every taker has reported (stdin closes).
    const script = `
      const { tryLockDataDir } = await import(${JSON.stringify(new URL('./lock.ts', import.meta.url).href)});
      const r = await tryLockDataDir(${JSON.stringify(dir)}, { kind: 'command' });
      console.log(r.lock ? 'won' : 'lost');
      process.stdin.resume();
      process.stdin.on('end', () => r.lock?.release());`;
    const takers = Array.from({ length: 4 }, () => spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] }));
    const results = await Promise.all(
      takers.map((child) => new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())))),
    );
    await Promise.all(takers.map((child) => new Promise((resolve) => (child.on('close', resolve), child.stdin.end()))));
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r === 'lost')).toHaveLength(3);
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it('keeps its lock fresh with a heartbeat', async () => {
    const dir = folder();
    const { lock } = await tryLockDataDir(dir, { kind: 'server' });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile(dir), old, old);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(Date.now() - statSync(lockFile(dir)).mtimeMs).toBeLessThan(STALE_MS);
    lock!.release();
  });

  it('respects a live holder whose pid looks dead from here (another PID namespace or host)', { timeout: 60_000 }, async () => {
    const dir = folder();
    // A real second process takes the lock and beats; its lock file then names a pid that is dead
    // here, as a holder in another PID namespace would.
    const script = `
      const { tryLockDataDir } = await import(${JSON.stringify(new URL('./lock.ts', import.meta.url).href)});
      const r = await tryLockDataDir(${JSON.stringify(dir)}, { kind: 'server' });
      console.log(r.lock ? 'won' : 'lost');
      process.stdin.resume();
      process.stdin.on('end', () => r.lock?.release());`;
    const holder = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(holder);
    expect(await new Promise<string>((resolve) => holder.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())))).toBe('won');
    const info = readLock(lockFile(dir))!;
    writeFileSync(lockFile(dir), JSON.stringify({ ...info, pid: deadPid(), processStart: '1', pidNamespace: 'pid:[1]', hostname: 'container-a' }));
    await new Promise((resolve) => setTimeout(resolve, STALE_MS + 1_000));
    const second = await tryLockDataDir(dir, { kind: 'server' });
    expect(second.lock).toBeUndefined();
    expect(second.holder?.key).toBe(info.key);
    holder.stdin.end();
  });
});
