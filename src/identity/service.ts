// SPDX-License-Identifier: EUPL-1.2
// The identity module's service interface: what the CLI and the demo seed may call. Sessions, login
// and the token check on each request stay inside the module.
export { createToken, listTokens, revokeToken, findTokenIdByValue } from './tokens.ts';
export { demoUsers, findDemoUser, type DemoUser } from './demo-users.ts';
