// SPDX-License-Identifier: EUPL-1.2
// OParl 1.1 (issue 10 §4): the council's public information as the German standard API for council
// information systems, read only, from the public projection. Each municipality is a body.
import type { Module } from '../platform/modules.ts';
import { oparlRoutes } from './routes.ts';

export const oparlModule: Module = {
  name: 'oparl',
  register: oparlRoutes,
};
