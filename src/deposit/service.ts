// SPDX-License-Identifier: EUPL-1.2
// The deposit capability's interface for other modules and the CLI: exporting Noark 5 extraction
// packages. (main's version exports verify too: at merge, keep both sets of lines.)
export { exportNoark5, schemaDir, schemaFiles, xmlFiles, type ExportOptions, type ExportResult } from './export/package.ts';
export { progress, type Progress } from './export/progress.ts';
