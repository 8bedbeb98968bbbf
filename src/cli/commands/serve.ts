// SPDX-License-Identifier: EUPL-1.2
// `radhus serve` (what `npm start` runs): migrate, seed the demo into an empty database, listen, and
// on PGlite hold the data folder and answer other `radhus` commands on the command socket.
import { createServer, type AddressInfo } from 'node:net';
import type { Config } from '../../platform/config.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DataLock } from '../../platform/lock.ts';
import { withoutTenant } from '../../platform/db/transaction.ts';
import { listTenants } from '../../tenants/service.ts';
import { loadDemoData } from '../../platform/modules.ts';
import type { ProcessCommand } from '../command.ts';
import { claimDataDir, inUseMessage } from '../claim.ts';
import type { Output } from '../io.ts';
import { openWithMigrations } from '../open.ts';
import { commandSocketPath, fallbackSocketPath } from '../remote/protocol.ts';
import { startCommandServer, type CommandServer } from '../remote/server.ts';

export const serveCommand: ProcessCommand = {
  kind: 'process',
  name: 'serve',
  summary: 'Run the Rådhus web server (what `npm start` runs)',
  description: [
    'Settings come from the environment: PORT (3000), HOST (0.0.0.0), DATA_DIR (./data), DATABASE_URL, …',
    'An empty database gets the demo municipalities unless RADHUS_SEED_DEMO=false. Stop with Ctrl-C or SIGTERM.',
  ],
  options: {},
  examples: ['PORT=8080 DATA_DIR=/var/lib/radhus radhus serve'],
  async run({ config, io }) {
    // Before the folder, migrations and the demo seed: a busy port should cost the operator nothing.
    const busy = await portProblem(config);
    if (busy) {
      io.err(`radhus serve: ${busy}`);
      return 1;
    }
    let lock: DataLock | undefined;
    if (!config.databaseUrl) {
      const claim = await claimDataDir(config.dataDir, { kind: 'server' }, io);
      if (!claim.lock) {
        io.err(`radhus serve: ${inUseMessage(claim.holder, config.dataDir)}`);
        return 1;
      }
      lock = claim.lock;
    }
    try {
      return await serve(config, io, lock);
    } finally {
      lock?.release();
    }
  },
};

async function serve(config: Config, io: Output, lock: DataLock | undefined): Promise<number> {
  const { createRadhus } = await import('../../radhus.ts');
  const ctx = await openWithMigrations(config, (line) => io.out(line));
  let radhus: Awaited<ReturnType<typeof createRadhus>> | undefined;
  let commands: CommandServer | undefined;
  try {
    const seeded = await seedFirstStart(ctx, io);
    radhus = await createRadhus(ctx);
    const port = await listen(radhus.app, config, io);
    if (port === undefined) return 1;
    if (lock) {
      commands = await openCommandSocket(ctx, lock, (line) => radhus?.app.log.info(line));
      lock.update({ port, socket: commands.path });
    }
    await announce(ctx, port, seeded, io);
    // Once the server answers: a backlog of events (after an upgrade, a restart) must not delay that.
    radhus.startBackground();
    const signal = await untilStopped();
    io.out(`Rådhus is stopping (${signal})…`);
    return 0;
  } finally {
    await commands?.close();
    if (radhus) await radhus.close();
    else await ctx.db.close();
    // Something (a timer in a library) must not keep a stopped server alive.
    setTimeout(() => process.exit(process.exitCode ?? 0), 3_000).unref();
  }
}

/** In DATA_DIR, or in the temp folder when DATA_DIR's file system cannot hold a socket. */
async function openCommandSocket(ctx: AppContext, lock: DataLock, log: (line: string) => void): Promise<CommandServer> {
  const { commands } = await import('./index.ts');
  const options = { ctx, key: lock.info.key, commands, log };
  const path = commandSocketPath(ctx.config.dataDir);
  try {
    return await startCommandServer({ ...options, path });
  } catch (error) {
    const fallback = fallbackSocketPath(ctx.config.dataDir);
    if (fallback === path) throw error;
    log(`cannot listen on ${path} (${(error as Error).message}); using ${fallback}`);
    return startCommandServer({ ...options, path: fallback });
  }
}

/** The first start of an empty database loads the demo municipalities (RADHUS_SEED_DEMO=false skips it). */
async function seedFirstStart(ctx: AppContext, io: Output): Promise<string[]> {
  if (!ctx.config.seedDemo) return [];
  const empty = (await withoutTenant(ctx.db, (tx) => listTenants(tx))).length === 0;
  if (!empty) return [];
  io.out('Empty database: loading the demo municipalities (RADHUS_SEED_DEMO=false skips this)…');
  return loadDemoData(ctx, (line) => io.out(`  ${line}`));
}

const listenErrors: Record<string, string> = {
  EADDRINUSE: 'is in use by another program',
  EACCES: 'needs privileges this user lacks',
  EADDRNOTAVAIL: 'is not an address of this machine',
};

function describeListenError(config: Config, error: unknown): string | undefined {
  const why = listenErrors[(error as NodeJS.ErrnoException).code ?? ''];
  return why && `${config.host}:${config.port} ${why}; set PORT (or HOST) to another value`;
}

/** Tries the address once; the real listen later still reports a port taken in between. */
function portProblem(config: Config): Promise<string | undefined> {
  if (config.port === 0) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => {
      const problem = describeListenError(config, error);
      if (problem) resolve(problem);
      else reject(error);
    });
    probe.listen({ port: config.port, host: config.host, exclusive: true }, () => probe.close(() => resolve(undefined)));
  });
}

async function listen(app: { listen(o: { port: number; host: string }): Promise<string>; server: { address(): unknown } }, config: Config, io: Output): Promise<number | undefined> {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const problem = describeListenError(config, error);
    if (!problem) throw error;
    io.err(`radhus serve: ${problem}`);
    return undefined;
  }
  return (app.server.address() as AddressInfo).port;
}

async function announce(ctx: AppContext, port: number, seeded: string[], io: Output): Promise<void> {
  const host = ['0.0.0.0', '::', ''].includes(ctx.config.host) ? 'localhost' : ctx.config.host.includes(':') ? `[${ctx.config.host}]` : ctx.config.host;
  const url = `http://${host}:${port}`;
  const engine = ctx.db.engine === 'pglite' ? `PGlite in ${ctx.config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const tenants = await withoutTenant(ctx.db, (tx) => listTenants(tx));
  io.out(`Rådhus is running at ${url} (${engine})`);
  if (tenants.length) {
    const label = seeded.length ? 'Demo municipalities (just loaded)' : 'Municipalities';
    io.out(`${label}: ${tenants.map((t) => `${t.slug} (${t.name})`).join(', ')}; API e.g. ${url}/api/v1/${tenants[0]!.slug}`);
  } else {
    io.out('No municipalities yet: add one with `npx radhus tenant add`, or load the demo with `npx radhus seed-demo`.');
  }
}

function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    // `once`: a second Ctrl-C gets Node's default handling, which ends the process at once.
    const stop = (signal: NodeJS.Signals) => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      resolve(signal);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
