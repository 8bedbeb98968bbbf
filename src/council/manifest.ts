// SPDX-License-Identifier: EUPL-1.2
// Council information (issue 10): the secretariat's roster, meetings and agendas, their public
// projection and the own public API; the demo council of each demo municipality.
import type { Module } from '../platform/modules.ts';
import { rosterRoutes } from './roster-routes.ts';
import { meetingRoutes } from './meeting-routes.ts';
import { publicRoutes } from './public-routes.ts';
import { registerCouncilDecisionRoutes } from './decisions-routes.ts';
import { councilProjection, publishAgendaJob } from './projection.ts';
import { seedCouncilDemo } from './demo.ts';

export const councilModule: Module = {
  name: 'council',
  async register(app, ctx) {
    await rosterRoutes(app, ctx);
    await meetingRoutes(app, ctx);
    await publicRoutes(app, ctx);
    await registerCouncilDecisionRoutes(app, ctx);
  },
  consumers: [councilProjection],
  jobs: [publishAgendaJob],
  demo: seedCouncilDemo,
};
