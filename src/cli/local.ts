// SPDX-License-Identifier: EUPL-1.2
// Runs a context command from the command line: on PostgreSQL directly (many processes may share
// it); on PGlite under the data-folder lock, or through the server that holds the folder.
import { resolve } from 'node:path';
import type { Config } from '../platform/config.ts';
import type { ContextCommand, Values } from './command.ts';
import { STALE_MS } from '../platform/lock.ts';
import { claimDataDir, inUseMessage, waitForServer } from './claim.ts';
import { execute } from './execute.ts';
import type { Output } from './io.ts';
import { openWithMigrations } from './open.ts';
import { operatorName } from './operator.ts';
import { runRemote, SocketUnavailable } from './remote/client.ts';

/** How long to keep trying a server that holds the folder but does not answer (it may have died: its lock then goes stale). */
const UNANSWERED_WAIT_MS = 3 * STALE_MS;

export async function runContextCommand(command: ContextCommand, values: Values, argv: string[], config: Config, io: Output): Promise<number> {
  const operator = operatorName();
  if (config.databaseUrl) return runHere(command, values, config, io, operator);
  const deadline = Date.now() + UNANSWERED_WAIT_MS;
  for (;;) {
    const claim = await claimDataDir(config.dataDir, { kind: 'command', command: command.name }, io);
    if (claim.lock) {
      try {
        return await runHere(command, values, config, io, operator);
      } finally {
        claim.lock.release();
      }
    }
    const holder = claim.holder;
    if (holder.kind !== 'server' || !command.remote) {
      io.err(`radhus ${command.name}: ${inUseMessage(holder, config.dataDir)}`);
      return 1;
    }
    const server = await waitForServer(config.dataDir, holder, io);
    if (!server?.socket) continue; // it stopped: the folder may be free now
    try {
      return await runRemote(server.socket, { key: server.key, argv: absolutePaths(command, argv), operator }, io);
    } catch (error) {
      if (!(error instanceof SocketUnavailable)) throw error;
      // Stopping right now, or killed (its lock goes stale within seconds): look again for a while.
      if (Date.now() > deadline)
        throw new Error(`the Rådhus server with pid ${server.pid} holds ${config.dataDir} but does not answer on ${server.socket} (${error.message}); restart it`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function runHere(command: ContextCommand, values: Values, config: Config, io: Output, operator: string): Promise<number> {
  const migrated: string[] = [];
  const log = (line: string) => {
    migrated.push(line);
    // Live, so a failing migration is seen by name; on stderr unless migrating is the point.
    if (command.reportsMigrations) io.out(line);
    else io.err(line);
  };
  const ctx = await openWithMigrations(config, log, command.withoutModules ? command.name : undefined);
  try {
    return await execute(command, { ctx, values, io, operator, migrated });
  } finally {
    await ctx.db.close();
  }
}

/** The server has its own working folder: a relative path given here must mean the same there. */
export function absolutePaths(command: ContextCommand, argv: string[]): string[] {
  const paths = Object.entries(command.options).filter(([, spec]) => spec.path).map(([name]) => `--${name}`);
  return argv.map((arg, i) => {
    const flag = paths.find((p) => arg.startsWith(`${p}=`));
    if (flag) return `${flag}=${resolve(arg.slice(flag.length + 1))}`;
    return i > 0 && paths.includes(argv[i - 1]!) ? resolve(arg) : arg;
  });
}
