// SPDX-License-Identifier: EUPL-1.2
// Getting the PGlite data folder for a process: take the lock, wait a while for another command
// to finish, or learn which server holds it (and wait for it to finish starting).
import { answers, lockFile, readLock, isAlive, STALE_MS, tryLockDataDir, type LockInfo, type LockRequest, type LockResult } from '../platform/lock.ts';
import type { Output } from './io.ts';

const COMMAND_WAIT_MS = 120_000;
const SERVER_START_WAIT_MS = 300_000;
const POLL_MS = 200;

/**
 * Like tryLockDataDir, but waits for a running command (not a server) to finish first, and for a
 * server that does not answer on its socket (killed a moment ago: its heartbeat stops, and its lock
 * goes stale within seconds; or still starting) for a few heartbeats.
 */
export async function claimDataDir(dataDir: string, request: LockRequest, io: Output): Promise<LockResult> {
  const deadline = Date.now() + COMMAND_WAIT_MS;
  const silentServerDeadline = Date.now() + 3 * STALE_MS;
  let told = false;
  for (;;) {
    const result = await tryLockDataDir(dataDir, request);
    if (result.lock || Date.now() > deadline) return result;
    if (result.holder.kind === 'server') {
      if (Date.now() > silentServerDeadline || (result.holder.socket && (await answers(result.holder.socket)))) return result;
      await sleep(POLL_MS);
      continue;
    }
    if (!told) io.err(`radhus: waiting for "radhus ${result.holder.command ?? 'command'}" (pid ${result.holder.pid}) to finish with ${dataDir}…`);
    told = true;
    await sleep(POLL_MS);
  }
}

/** The server's lock once it publishes its command socket; undefined if it stopped meanwhile. */
export async function waitForServer(dataDir: string, holder: LockInfo, io: Output): Promise<LockInfo | undefined> {
  const deadline = Date.now() + SERVER_START_WAIT_MS;
  let told = false;
  for (;;) {
    const current = readLock(lockFile(dataDir));
    if (!current || current.key !== holder.key || !(await isAlive(current, lockFile(dataDir)))) return undefined;
    if (current.socket) return current;
    if (Date.now() > deadline) throw new Error(`the Rådhus server with pid ${holder.pid} holds ${dataDir} but has not finished starting`);
    if (!told) io.err(`radhus: waiting for the Rådhus server (pid ${holder.pid}) to finish starting…`);
    told = true;
    await sleep(POLL_MS);
  }
}

export function inUseMessage(holder: LockInfo, dataDir: string): string {
  if (holder.kind === 'command') return `${dataDir} is in use by "radhus ${holder.command ?? 'command'}" with pid ${holder.pid}; try again when it has finished`;
  const where = holder.port === undefined ? 'which is still starting' : `on port ${holder.port}`;
  return `${dataDir} is in use by the Rådhus server with pid ${holder.pid} ${where}; stop it first`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
