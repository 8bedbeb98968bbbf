// SPDX-License-Identifier: EUPL-1.2
// The data-folder lock. PGlite is one PostgreSQL instance in one process: two processes opening the
// same folder would corrupt it. Whoever opens DATA_DIR/pglite first writes DATA_DIR/radhus.lock;
// others read it to learn who holds the folder (a server they can send commands to, or a command
// they can wait for). A lock left by a process that died (SIGKILL, power cut) is taken over.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface LockInfo {
  pid: number;
  /** A server answers commands on its socket; a command only runs to completion. */
  kind: 'server' | 'command';
  /** For kind 'command': which one, for the message others see. */
  command?: string;
  /** Set by a server once it listens. */
  port?: number;
  /** Set by a server once its command socket listens. */
  socket?: string;
  /** Proves to the server that a client could read this file (mode 0600). */
  key: string;
  startedAt: string;
  /** Kernel start time of `pid` (Linux), so a recycled pid is not mistaken for the holder. */
  processStart?: string;
  hostname: string;
}

export type LockRequest = Pick<LockInfo, 'kind' | 'command'>;

export const lockFile = (dataDir: string): string => join(dataDir, 'radhus.lock');

/** Keys of locks this process holds, so a same-pid lock is told apart from one left by an earlier life of this pid. */
const heldKeys = new Set<string>();

export class DataLock {
  private released = false;
  private readonly onExit = () => this.release();

  constructor(
    readonly path: string,
    private current: LockInfo,
  ) {
    heldKeys.add(current.key);
    process.once('exit', this.onExit);
  }

  get info(): LockInfo {
    return this.current;
  }

  /** Publishes the server's port and socket; written by rename so readers never see half a file. */
  update(patch: Partial<Pick<LockInfo, 'port' | 'socket'>>): void {
    this.current = { ...this.current, ...patch };
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeNew(temporary, this.current);
    renameSync(temporary, this.path);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    heldKeys.delete(this.current.key);
    process.removeListener('exit', this.onExit);
    // Remove the file only if it is still ours: never delete a lock someone else took over.
    if (readLock(this.path)?.key === this.current.key) unlinkSync(this.path);
  }
}

export type LockResult = { lock: DataLock; holder?: undefined } | { lock?: undefined; holder: LockInfo };

/** Takes the lock, or reports the live process that holds it. Never waits for a live holder. */
export async function tryLockDataDir(dataDir: string, request: LockRequest): Promise<LockResult> {
  mkdirSync(dataDir, { recursive: true });
  const path = lockFile(dataDir);
  const info: LockInfo = {
    pid: process.pid,
    kind: request.kind,
    ...(request.command ? { command: request.command } : {}),
    key: randomBytes(24).toString('base64url'),
    startedAt: new Date().toISOString(),
    ...optional('processStart', processStartTime(process.pid)),
    hostname: hostname(),
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    if (tryCreate(path, info)) return { lock: new DataLock(path, info) };
    const raw = readRaw(path);
    if (raw === undefined) continue; // released between our two calls
    const holder = parseLock(raw);
    if (holder && isAlive(holder)) return { holder };
    if (!holder && Date.now() - mtime(path) < 5_000) {
      // Being written right now by its creator: give it a moment.
      await sleep(50);
      continue;
    }
    await takeOver(path, raw);
  }
  throw new Error(`could not take the lock ${path}: it keeps changing hands`);
}

/** Whether the process named in a lock still runs (a lock in the file of a dead one is stale). */
export function isAlive(info: LockInfo): boolean {
  if (info.pid === process.pid) return heldKeys.has(info.key);
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const started = processStartTime(info.pid);
  return !(info.processStart && started && started !== info.processStart);
}

export function readLock(path: string): LockInfo | undefined {
  const raw = readRaw(path);
  return raw === undefined ? undefined : parseLock(raw);
}

/**
 * Removes a stale lock under a guard file, so two processes that both found it stale do not both
 * delete it (the second would delete the first one's fresh lock).
 */
async function takeOver(path: string, staleRaw: string): Promise<void> {
  const guard = `${path}.takeover`;
  try {
    closeSync(openSync(guard, 'wx', 0o600));
  } catch {
    // Someone else is taking over; a guard older than a few seconds was left by a crash.
    if (Date.now() - mtime(guard) > 10_000) unlinkQuietly(guard);
    await sleep(50);
    return;
  }
  try {
    if (readRaw(path) === staleRaw) unlinkQuietly(path);
  } finally {
    unlinkQuietly(guard);
  }
}

function tryCreate(path: string, info: LockInfo): boolean {
  try {
    writeNew(path, info);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function writeNew(path: string, info: LockInfo): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, JSON.stringify(info, null, 2) + '\n');
  } finally {
    closeSync(fd);
  }
}

function parseLock(raw: string): LockInfo | undefined {
  try {
    const value = JSON.parse(raw) as LockInfo;
    return Number.isInteger(value.pid) && typeof value.key === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function readRaw(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Field 22 of /proc/<pid>/stat: start time in clock ticks since boot. Absent off Linux. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count from its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
