// SPDX-License-Identifier: EUPL-1.2
// The archive module: the Noark 5 core under /api/v1/{tenant}/….
import type { Module } from '../platform/http/app.ts';
import { caseFileRoutes } from './routes/case-files.ts';
import { registryEntryRoutes } from './routes/registry-entries.ts';
import { documentRoutes } from './routes/documents.ts';
import { annotationRoutes } from './routes/annotations.ts';
import { worklistRoutes } from './routes/worklists.ts';
import { screeningRoutes } from './routes/screening.ts';
import { screeningExpiryJob } from './screening.ts';
import { periodRoutes } from './routes/periods.ts';
import { bootstrapArchive } from './structure.ts';

export const archiveModule: Module = {
  name: 'archive',
  // Every municipality's archive starts with a fonds, its creator, a series and a classification.
  setUpTenant: (tx, tenant, at) => bootstrapArchive(tx, tenant, at),
  // A screening with `until` is lifted on that day (screening.ts).
  jobs: [screeningExpiryJob],
  async register(app, ctx) {
    // Every archive route's first database work is inTenant (routes/context.ts), which continues the
    // transaction of the token check: one transaction per request.
    app.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), workInAuthTransaction: true } as never;
    });
    await caseFileRoutes(app, ctx);
    await registryEntryRoutes(app, ctx);
    await documentRoutes(app, ctx);
    await annotationRoutes(app, ctx);
    await worklistRoutes(app, ctx);
    await screeningRoutes(app, ctx);
    await periodRoutes(app, ctx);
  },
};
