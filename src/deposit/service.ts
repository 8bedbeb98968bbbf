// SPDX-License-Identifier: EUPL-1.2
// The deposit capability's interface for other modules and the CLI: exporting and verifying Noark 5
// extraction packages.
export { PackageNotFound, verifyNoark5 } from './verify/verify.ts';
export { renderReport, reportJson } from './verify/render.ts';
export { exportNoark5, schemaDir, schemaFiles, xmlFiles, type ExportOptions, type ExportResult } from './export/package.ts';
export { progress, type Progress } from './export/progress.ts';
export { exportFgs, type FgsOptions, type FgsResult } from './fgs/package.ts';
export { checkImport, type ImportCheck } from './import/import.ts';
export { planImport, importableVersions, type ImportPlan, type ImportIssue } from './import/plan.ts';
export { loadPackage, ImportFileError, type LoadOptions, type LoadResult } from './import/load.ts';
