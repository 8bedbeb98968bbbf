// SPDX-License-Identifier: EUPL-1.2
// Access requests (innsynskrav, issue 7 §4): asked for from the public journal or eInnsyn, handled
// in a queue per unit with working-day deadlines and reminders, decided on the archive's record.
import type { Module } from '../platform/modules.ts';
import { accessRequestRoutes } from './routes.ts';
import { statusPageRoutes } from './page.tsx';
import { reminderJob } from './reminders.ts';
import { accessRequestTexts } from './texts.ts';

export const accessRequestsModule: Module = {
  name: 'access-requests',
  async register(app, ctx) {
    await accessRequestRoutes(app, ctx);
    await statusPageRoutes(app, ctx);
  },
  jobs: [reminderJob],
  texts: accessRequestTexts,
};
