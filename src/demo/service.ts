// SPDX-License-Identifier: EUPL-1.2
// The demo module's service interface: the CLI seeds the demo municipalities through it.
export { seedDemo } from './seed.ts';
