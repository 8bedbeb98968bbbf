// SPDX-License-Identifier: EUPL-1.2
// Deposit to the archive depot (issue 8): the archivist's export and verification jobs over HTTP.
// The exports, the verifier and the import themselves are in export/, verify/, fgs/ and import/,
// used by the CLI through service.ts.
import type { Module } from '../platform/modules.ts';
import { depositJobRoutes } from './jobs/routes.ts';
import { depositJob, failInterruptedJobs, STALE_MS } from './jobs/runner.ts';

export const depositModule: Module = {
  name: 'deposit',
  async register(app, ctx) {
    await depositJobRoutes(app, ctx);
    // A job left running by a process that stopped is failed at start, never left "running". One
    // that stopped only just now still has a fresh heartbeat: look again once it has gone stale.
    await failInterruptedJobs(ctx);
    const again = setTimeout(() => void failInterruptedJobs(ctx).catch((error) => app.log.warn({ err: error }, 'deposit: could not fail interrupted jobs')), STALE_MS + 1_000);
    again.unref();
    app.addHook('onClose', async () => clearTimeout(again));
  },
  jobs: [depositJob],
};
