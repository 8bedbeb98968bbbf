// SPDX-License-Identifier: EUPL-1.2
// The calendar module: a municipality's own closed days, which together with its country's public
// holidays make the working-day calendar that deadlines are counted in (service.ts).
import type { Module } from '../platform/modules.ts';
import { registerCalendarRoutes } from './routes.ts';

export const calendarModule: Module = {
  name: 'calendar',
  async register(app, ctx) {
    registerCalendarRoutes(app, ctx);
  },
};
