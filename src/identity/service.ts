// SPDX-License-Identifier: EUPL-1.2
// The identity module's service interface for other modules and the CLI: who is staff here (the
// archive checks the responsible officer of a case against it; units check their members), tokens
// for the CLI, the demo users for the demo seed. Sessions, login and the token check on each
// request stay inside the module.
export { findOfficer, findStaff, listOfficers, grantRole, revokeRole, listPendingGrants, listStaff, type GrantTarget } from './staff.ts';
export { createToken, listTokens, revokeToken, findTokenIdByValue } from './tokens.ts';
export { demoUsers, findDemoUser, type DemoUser } from './demo-users.ts';
export { demoIssuer } from './demo-client.ts';
export { syncProviderRoles, upsertUser, identityNumberOf, verifiedEmailsOf } from './users.ts';
