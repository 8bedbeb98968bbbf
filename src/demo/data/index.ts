// SPDX-License-Identifier: EUPL-1.2
// The demo municipalities, in the order they are loaded.
import type { DemoMunicipality } from '../model.ts';
import { balsfjord } from './balsfjord.ts';
import { hoglandet } from './hoglandet.ts';

export const demoMunicipalities: readonly DemoMunicipality[] = [balsfjord, ...hoglandet];
