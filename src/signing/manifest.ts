// SPDX-License-Identifier: EUPL-1.2
// Signing (issue 9 §2): a reusable service; forms use it for co-applicants, proposals will too.
import type { Module } from '../platform/modules.ts';
import { signingRoutes } from './routes.ts';

export const signingModule: Module = {
  name: 'signing',
  async register(app, ctx) {
    await signingRoutes(app, ctx);
  },
};
