// SPDX-License-Identifier: EUPL-1.2
// The public journal (postliste): the public projection of case files and registry entries, fed by
// the outbox under the municipality's publication policy; its JSON search and the policy's API.
// Pages, feeds and alerts build on service.ts.
import type { Module } from '../platform/modules.ts';
import { journalProjection } from './projection.ts';
import { publishDueJob } from './jobs.ts';
import { journalRoutes } from './routes.ts';

export const journalModule: Module = {
  name: 'journal',
  consumers: [journalProjection],
  jobs: [publishDueJob],
  register: journalRoutes,
};
