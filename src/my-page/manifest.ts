// SPDX-License-Identifier: EUPL-1.2
// My page (Min side / Mi side / Mina sidor, issue 9 §3): a person's cases, messages from case
// officers, and properties with their services and fees. Cases are the archive's (a case is mine when
// my identity number is on one of its letters); properties are the register imported into
// src/properties.
import type { Module } from '../platform/modules.ts';
import { myPageRoutes } from './routes.ts';
import { seedMyPageDemo } from './demo.ts';

export const myPageModule: Module = {
  name: 'my-page',
  register: myPageRoutes,
  demo: seedMyPageDemo,
};
