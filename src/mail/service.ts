// SPDX-License-Identifier: EUPL-1.2
// The mail module's interface for other modules and the CLI.
export { testMessage, type TestMessageParams } from './templates.ts';
