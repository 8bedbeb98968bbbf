// SPDX-License-Identifier: EUPL-1.2
// The politician's workspace (issue 11 §3–§4): elected members read their meetings' agendas and
// papers on a tablet, keep private notes, report absence, and substitutes answer their calls.
import type { Module } from '../platform/modules.ts';
import { workspaceRoutes } from './routes.ts';
import { seedWorkspaceDemo } from './demo.ts';

export const councilWorkspaceModule: Module = {
  name: 'council-workspace',
  async register(app, ctx) {
    await workspaceRoutes(app, ctx);
  },
  demo: seedWorkspaceDemo,
};
