// SPDX-License-Identifier: EUPL-1.2
// The deposit capability's interface for other modules and the CLI: verifying (and, as they land,
// exporting and importing) Noark 5 extraction packages.
export { PackageNotFound, verifyNoark5 } from './verify/verify.ts';
export { renderReport, reportJson } from './verify/render.ts';
