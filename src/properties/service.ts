// SPDX-License-Identifier: EUPL-1.2
// The property register's door for other modules (My page) and the CLI.
export { importProperties, type ImportReport } from './import.ts';
export { myProperties, myProperty, type PropertyView } from './read.ts';
export { parseCsv, parseJson, type PropertyRecord } from './parse.ts';
export { propertyCount } from './repository.ts';
