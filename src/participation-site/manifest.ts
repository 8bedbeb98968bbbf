// SPDX-License-Identifier: EUPL-1.2
// The participation hub and the citizen proposals' public pages (issue 11 §1), server-rendered
// from the public projections only. Consultations' and questions' pages live in their own modules.
import type { Module } from '../platform/modules.ts';
import { participationSiteRoutes } from './routes.ts';
import { participationSiteTexts } from './texts.ts';

export const participationSiteModule: Module = {
  name: 'participation-site',
  register: participationSiteRoutes,
  texts: participationSiteTexts,
};
