// SPDX-License-Identifier: EUPL-1.2
// Composition root: opens the database, migrates, and builds the app from the module list.
import cookie from '@fastify/cookie';
import type { Config } from './platform/config.ts';
import { openContextWith, type OpenContextOptions } from './platform/open-context.ts';
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

/** The data folder, file store and migrated database, with every capability of src/modules.ts unless others are given. */
export async function openContext(config: Config, options: OpenContextOptions & { modules?: readonly Module[] } = {}): Promise<AppContext> {
  return openContextWith(config, options.modules ?? modules, options);
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
