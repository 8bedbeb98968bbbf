// SPDX-License-Identifier: EUPL-1.2
// The public journal (postliste). So far: the public projection of case files and registry
// entries, fed by the outbox; search, pages and feeds build on it.
import type { Module } from '../platform/modules.ts';
import { journalProjection } from './projection.ts';

export const journalModule: Module = {
  name: 'journal',
  consumers: [journalProjection],
};
