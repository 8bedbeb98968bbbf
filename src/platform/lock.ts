// SPDX-License-Identifier: EUPL-1.2
// The data-folder lock. PGlite is one PostgreSQL instance in one process: two processes opening the
// same folder would corrupt it. Whoever opens DATA_DIR/pglite first writes DATA_DIR/radhus.lock;
// others read it to learn who holds the folder (a server they can send commands to, or a command
// they can wait for). A lock left by a process that died (SIGKILL, power cut) is taken over.
//
// Liveness does not rest on process ids: a process in another PID namespace (a second container on
// the same volume) or on another host sees other pids, or none. The holder proves it lives by a
// heartbeat: a worker thread touches the lock file's mtime every HEARTBEAT_MS (a worker, so a main
// thread busy in PGlite for a long while still beats). A lock whose mtime has not moved for
// STALE_MS is dead; before believing a clock that says so, the taker watches the mtime for a
// moment (clocks of two hosts may differ) and tries the holder's command socket.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { connect } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export const HEARTBEAT_MS = 1_000;
/** A lock not refreshed for this long (5 heartbeats) may be taken over. */
export const STALE_MS = 5 * HEARTBEAT_MS;

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
  /** Kernel start time of `pid` (Linux), for people reading the file; liveness is the heartbeat. */
  processStart?: string;
  /** The PID namespace of `pid` (Linux), so a pid is compared only within its own namespace. */
  pidNamespace?: string;
  hostname: string;
}

export type LockRequest = Pick<LockInfo, 'kind' | 'command'>;

export const lockFile = (dataDir: string): string => join(dataDir, 'radhus.lock');

/** Keys of locks this process holds, so a same-pid lock is told apart from one left by an earlier life of this pid. */
const heldKeys = new Set<string>();

export class DataLock {
  private released = false;
  private readonly onExit = () => this.release();
  private readonly heartbeat: Worker;

  constructor(
    readonly path: string,
    private current: LockInfo,
  ) {
    heldKeys.add(current.key);
    process.once('exit', this.onExit);
    this.heartbeat = startHeartbeat(path, current.key);
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
    void this.heartbeat.terminate();
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
    ...optional('pidNamespace', pidNamespace()),
    hostname: hostname(),
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    if (tryCreate(path, info)) return { lock: new DataLock(path, info) };
    const raw = readRaw(path);
    if (raw === undefined) continue; // released between our two calls
    const holder = parseLock(raw);
    if (holder && (await isAlive(holder, path))) return { holder };
    if (!holder && Date.now() - mtime(path) < 5_000) {
      // Being written right now by its creator: give it a moment.
      await sleep(50);
      continue;
    }
    await takeOver(path, raw);
  }
  throw new Error(`could not take the lock ${path}: it keeps changing hands`);
}

/**
 * Whether the holder of a lock still lives: its heartbeat is fresh, or its command socket answers.
 * Process ids decide only for this very process (a lock with our pid that we do not hold was left
 * by an earlier life of our pid, e.g. pid 1 in a restarted container, in this same namespace).
 */
export async function isAlive(info: LockInfo, path: string): Promise<boolean> {
  if (info.pid === process.pid && info.hostname === hostname() && info.pidNamespace === pidNamespace()) return heldKeys.has(info.key);
  if (Date.now() - mtime(path) < STALE_MS) return true;
  if (info.socket && (await answers(info.socket))) return true;
  // Stale by our clock: watch the mtime for two heartbeats, in case our clock runs ahead of the holder's.
  const seen = mtime(path);
  await sleep(2 * HEARTBEAT_MS + 100);
  const now = mtime(path);
  return now !== seen && now !== 0;
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

/** Touches the lock file every HEARTBEAT_MS from a worker thread, while the file is still ours. */
function startHeartbeat(path: string, key: string): Worker {
  // Dynamic imports: an eval worker runs as CommonJS or as a module depending on how Node started.
  const code = `(async () => {
    const { workerData } = await import('node:worker_threads');
    const fs = await import('node:fs');
    setInterval(() => {
      try {
        if (!fs.readFileSync(workerData.path, 'utf8').includes(workerData.key)) return;
        const now = new Date();
        fs.utimesSync(workerData.path, now, now);
      } catch {}
    }, workerData.interval);
  })();`;
  const worker = new Worker(code, { eval: true, workerData: { path, key, interval: HEARTBEAT_MS } });
  worker.unref();
  return worker;
}

/** Whether something accepts a connection on a Unix socket within a second. */
export function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    const done = (alive: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(alive);
    };
    const timer = setTimeout(() => done(false), 1_000);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The inode of this process's PID namespace (Linux), e.g. "pid:[4026531836]". */
export function pidNamespace(): string | undefined {
  try {
    return readlinkSync('/proc/self/ns/pid');
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
