// SPDX-License-Identifier: EUPL-1.2
// E-mail alerts of the public journal: a saved search or a case, confirmed and cancelled by links.
import type { Module } from '../platform/modules.ts';
import { journalAlertRoutes } from './routes.ts';
import { sendAlertJob } from './service.ts';

export const journalAlertsModule: Module = {
  name: 'journal-alerts',
  register: journalAlertRoutes,
  jobs: [sendAlertJob],
};
