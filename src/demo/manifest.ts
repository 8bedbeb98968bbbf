// SPDX-License-Identifier: EUPL-1.2
// The demo capability: six municipalities (Balsfjord and the Höglandet five) with units, staff,
// cases, letters and documents in their own languages; people with synthetic identity numbers.
import type { Module } from '../platform/modules.ts';
import { seedDemo } from './seed.ts';

export const demoModule: Module = {
  name: 'demo',
  demo: seedDemo,
};
