// SPDX-License-Identifier: EUPL-1.2
// The archive module: the Noark 5 core under /api/v1/{tenant}/….
import type { Module } from '../platform/http/app.ts';
import { caseFileRoutes } from './routes/case-files.ts';
import { registryEntryRoutes } from './routes/registry-entries.ts';
import { documentRoutes } from './routes/documents.ts';
import { annotationRoutes } from './routes/annotations.ts';

export const archiveModule: Module = {
  name: 'archive',
  async register(app, ctx) {
    await caseFileRoutes(app, ctx);
    await registryEntryRoutes(app, ctx);
    await documentRoutes(app, ctx);
    await annotationRoutes(app, ctx);
  },
};
