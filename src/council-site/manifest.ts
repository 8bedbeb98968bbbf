// SPDX-License-Identifier: EUPL-1.2
// The council's public pages and feeds (issue 10 §3): calendar, bodies, meetings, politicians,
// search, notice board, iCalendar and Atom, read from the public projection only.
import type { Module } from '../platform/modules.ts';
import { councilSiteRoutes } from './routes.ts';
import { councilSiteTexts } from './texts.ts';

export const councilSiteModule: Module = {
  name: 'council-site',
  register: councilSiteRoutes,
  texts: councilSiteTexts,
};
