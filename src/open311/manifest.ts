// SPDX-License-Identifier: EUPL-1.2
// Open311 GeoReport v2 (issue 9 §2): apps file and follow reports of problems; each report is a
// form submission filed as a case, and its tracking id is the service_request_id.
import type { Module } from '../platform/modules.ts';
import { open311Routes } from './routes.ts';

export const open311Module: Module = {
  name: 'open311',
  async register(app, ctx) {
    await open311Routes(app, ctx);
  },
};
