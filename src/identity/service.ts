// SPDX-License-Identifier: EUPL-1.2
// The identity module's interface for other modules: who is staff here (the archive checks the
// responsible officer of a case against it; units check their members).
export { findOfficer, findStaff, listOfficers } from './staff.ts';
