// SPDX-License-Identifier: EUPL-1.2
// Composition root: opens the database, migrates, and builds the app from the module list.
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import type { Config } from './platform/config.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { LocalFileStore } from './platform/files/store.ts';
import { restrictUmask, secureDataDir } from './platform/data-dir.ts';
import { buildApp, type App } from './platform/http/app.ts';
import { backgroundMetrics } from './platform/events/metrics.ts';
import type { AppContext } from './platform/context.ts';
import { registerTenantResolution } from './tenants/hooks.ts';
import { registerAuthentication } from './identity/hooks.ts';
import { cookieSecret } from './identity/secret.ts';
import { modules } from './modules.ts';
import type { Module } from './platform/modules.ts';
import { startBackgroundWork, type BackgroundWork } from './platform/events/background.ts';

export interface Radhus {
  app: App;
  ctx: AppContext;
  /** Starts the outbox dispatcher and the job runner (once); `close` stops them. */
  startBackground(): void;
  close(): Promise<void>;
}

/** On a shared files folder (PostgreSQL: several servers), a staged file this old is a crash's. */
const STAGED_FILE_GRACE_MS = 60 * 60 * 1000;

export async function openContext(
  config: Config,
  options: { clock?: Clock; db?: Database; log?: (line: string) => void; modules?: readonly Module[] } = {},
): Promise<AppContext> {
  const log = options.log ?? (() => {});
  restrictUmask();
  for (const path of await secureDataDir(config.dataDir)) log(`closed group/other access to ${path} (DATA_DIR is for the server's user alone)`);
  const files = new LocalFileStore(join(config.dataDir, 'files'));
  // PGlite: we hold the folder's lock, so any staged file written before this process started was
  // left by a crash. PostgreSQL: other servers may share files/, so only old ones are swept.
  const sweepBefore = config.databaseUrl ? Date.now() - STAGED_FILE_GRACE_MS : performance.timeOrigin;
  for (const name of await files.sweepStaged(sweepBefore)) log(`removed files/tmp/${name}, an upload left unfinished by a crash`);
  const db = options.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  try {
    await migrate(db, log);
  } catch (error) {
    // An open PGlite keeps the process alive; a failed start must not hang.
    if (!options.db) await db.close();
    throw error;
  }
  return { config, db, clock: options.clock ?? systemClock, files, modules: options.modules ?? modules };
}

/**
 * `background`: run the outbox dispatcher and the job runner (the server does; tests run the same
 * steps on demand with `settle()` instead, so they stay deterministic).
 */
export async function createRadhus(ctx: AppContext, options: { logger?: boolean; background?: boolean } = {}): Promise<Radhus> {
  const app = await buildApp(ctx, {
    logger: options.logger ?? true,
    metrics: [backgroundMetrics],
    hooks: async (scope, context) => {
      await scope.register(cookie, { secret: await cookieSecret(context.config) });
      await registerTenantResolution(scope, context);
      await registerAuthentication(scope, context);
    },
  });
  let background: BackgroundWork | undefined;
  const startBackground = () => {
    if (background) return;
    const log = app.log;
    background = startBackgroundWork(ctx, { log: { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) } });
  };
  if (options.background) startBackground();
  return {
    app,
    ctx,
    startBackground,
    close: async () => {
      // Background work first: its running batch finishes while the database is still open.
      await background?.stop();
      await app.close();
      await ctx.db.close();
    },
  };
}
