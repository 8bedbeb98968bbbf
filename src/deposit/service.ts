// SPDX-License-Identifier: EUPL-1.2
// The deposit capability's interface for the CLI (and later the archivist's UI): the Noark 5 export.
export { exportNoark5, schemaDir, schemaFiles, xmlFiles, type ExportOptions, type ExportResult } from './export/package.ts';
export { progress, type Progress } from './export/progress.ts';
