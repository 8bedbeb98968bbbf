// SPDX-License-Identifier: EUPL-1.2
// `radhus import properties <file> --tenant <slug>`: all or nothing. A file with any bad line is
// refused whole, with every bad line reported (line number and field); a good file replaces, for
// each property it names, the owners, services and fees held before (the register is the source).
import type { Tx } from '../platform/db/transaction.ts';
import type { Country } from '../common/idnumbers.ts';
import { parseCsv, parseJson, type Rejected } from './parse.ts';
import { insertImport, replaceProperty } from './repository.ts';

export interface ImportReport {
  imported: boolean;
  format: 'csv' | 'json';
  properties: number;
  owners: number;
  services: number;
  fees: number;
  rejected: Rejected[];
}

export async function importProperties(
  tx: Tx,
  c: { tenantId: string; officialNumber: string; country: Country; actor: string; at: Date },
  file: { name: string; text: string },
): Promise<ImportReport> {
  const json = /\.json$/i.test(file.name) || /^\s*[{[]/.test(file.text);
  const parsed = json ? parseJson(file.text, c.officialNumber, c.country) : parseCsv(file.text, c.officialNumber, c.country);
  const count = (k: 'owners' | 'services' | 'fees') => parsed.properties.reduce((n, p) => n + p[k].length, 0);
  const report = { format: parsed.format, properties: parsed.properties.length, owners: count('owners'), services: count('services'), fees: count('fees'), rejected: parsed.rejected };
  if (parsed.rejected.length || !parsed.properties.length) {
    if (!parsed.rejected.length) report.rejected = [{ line: 1, field: 'file', message: 'the file names no property' }];
    return { imported: false, ...report };
  }
  for (const p of parsed.properties) await replaceProperty(tx, c.tenantId, p, c.at);
  await insertImport(tx, { tenantId: c.tenantId, fileName: file.name.slice(-300), format: parsed.format, properties: parsed.properties.length, at: c.at, by: c.actor });
  return { imported: true, ...report };
}
