// SPDX-License-Identifier: EUPL-1.2
// What other modules and the CLI may use of Open311.
export { createKey, listKeys, revokeKey, type KeyView } from './keys.ts';
