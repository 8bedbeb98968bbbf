// SPDX-License-Identifier: EUPL-1.2
// Citizen proposals (issue 11 §1): the API, the public projection, following the council's agenda
// and decisions, lapsing, and the demo's settings and proposals.
import type { Module } from '../platform/modules.ts';
import { proposalRoutes } from './routes.ts';
import { lapseJob, proposalsCouncil, proposalsProjection } from './projection.ts';
import { seedProposalsDemo } from './demo.ts';

export const proposalsModule: Module = {
  name: 'proposals',
  register: proposalRoutes,
  consumers: [proposalsProjection, proposalsCouncil],
  jobs: [lapseJob],
  demo: seedProposalsDemo,
};
