// SPDX-License-Identifier: EUPL-1.2
// Verifies a Noark 5 extraction package (avleveringspakke) from any vendor: the checks Arkade 5 runs
// (paraphrased in shared/standards/noark5/arkade-checks.md, written from that description and the
// standard, not from Arkade's code) plus a few of ours (RH.*). The export calls this after writing a
// package; `radhus verify noark5 <dir>` prints it for an archivist.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { addmlFileNames, addmlNamespace, findAddml, readAddml, sharplySeparated, type Addml } from './addml.ts';
import { ContentPass } from './content.ts';
import { checkChangeLog, checkJournals } from './journals.ts';
import { CheckCollector, finishReport, type CheckResult, type VerifyReport } from './report.ts';
import { checkDocumentCount, checkListedChecksums, checkListedFilesExist, checkRootsAndSyntax, checkSchemas, findDocumentDir } from './structure.ts';
import { XmlSyntaxError } from './xml.ts';

export interface VerifyOptions {
  /** The xmllint program (default `xmllint` on PATH). */
  xmllint?: string;
}

/** Every check this verifier runs, in the order the report lists them. */
export const checkOrder = [
  'RH.00', 'N5.01', 'N5.02', 'N5.03', 'RH.03', 'N5.28', 'N5.04', 'N5.05', 'N5.06', 'N5.07', 'N5.08', 'N5.10', 'N5.11', 'N5.12', 'N5.15',
  'N5.16', 'N5.17', 'N5.18', 'N5.19', 'N5.22', 'N5.23', 'N5.25', 'N5.26', 'N5.27', 'N5.29', 'N5.30', 'N5.32', 'N5.33', 'N5.35', 'N5.36',
  'N5.37', 'N5.38', 'N5.39', 'N5.40', 'N5.41', 'N5.42', 'N5.43', 'N5.44', 'N5.45', 'N5.46', 'N5.47', 'N5.48', 'N5.51', 'N5.59', 'N5.60',
  'N5.61', 'N5.62', 'N5.63', 'N5.64', 'RH.01', 'RH.02',
] as const;
export type CheckId = (typeof checkOrder)[number];

/** The package cannot be verified at all: no such folder. Everything else is a finding in the report. */
export class PackageNotFound extends Error {}

export async function verifyNoark5(given: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const dir = resolve(given);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new PackageNotFound(`there is no folder ${dir}`);
  const results = new Map<string, CheckResult>();
  const put = (check: CheckCollector) => results.set(check.id, check.result());

  const loading = new CheckCollector('RH.00');
  const addml = await loadAddml(dir, loading);
  put(loading);
  if (!addml) return finishReport(dir, undefined, ordered(results, 'not-run'));

  put(checkListedFilesExist(dir, addml));
  put(await checkListedChecksums(dir, addml));
  put(await checkSchemas(dir, addml, options.xmllint ?? 'xmllint'));
  put(await checkDocumentCount(dir, addml));
  const syntax = new CheckCollector('RH.03');
  await checkRootsAndSyntax(dir, syntax);

  if (existsSync(`${dir}/arkivstruktur.xml`)) {
    const pass = new ContentPass(dir, addml, findDocumentDir(dir));
    try {
      await pass.run();
      const archive = await pass.finish();
      for (const check of pass.checks.values()) put(check);
      for (const check of await pass.documents.finish()) put(check);
      for (const check of await checkJournals(dir, addml, archive)) put(check);
      for (const check of await checkChangeLog(dir, archive)) put(check);
      if (!sharplySeparated(addml)) {
        const rh01 = new CheckCollector('RH.01');
        rh01.status = 'not-applicable';
        rh01.fact({ message: 'separation', params: { inngaaende: addml.inngaaendeSkille ?? '–', utgaaende: addml.utgaaendeSkille ?? '–' } });
        put(rh01);
      }
    } catch (error) {
      if (!(error instanceof XmlSyntaxError)) throw error;
      syntax.fail({ message: 'notWellFormed', params: { message: error.message }, file: 'arkivstruktur.xml', line: error.line });
    }
  } else syntax.fail({ message: 'fileMissing', params: { file: 'arkivstruktur.xml' }, file: 'arkivstruktur.xml' });
  put(syntax);
  return finishReport(dir, addml.version, ordered(results, 'not-run'));
}

/** The package description: present, well-formed, ADDML. Without it nothing else can be checked. */
async function loadAddml(dir: string, check: CheckCollector): Promise<Addml | undefined> {
  const name = findAddml(dir);
  if (!name) {
    check.fail({ message: 'addmlMissing', params: { names: addmlFileNames.join(', ') } });
    return undefined;
  }
  try {
    const addml = await readAddml(dir, name);
    if (addml.rootName !== 'addml' || addml.rootNamespace !== addmlNamespace) {
      check.fail({ message: 'wrongNamespace', params: { expected: `{${addmlNamespace}}addml`, actual: `{${addml.rootNamespace}}${addml.rootName}` }, file: name, element: addml.rootName, line: 1 });
      return undefined;
    }
    if (addml.units.length === 0) check.fail({ message: 'addmlNoFiles', file: name, element: 'dataObject' });
    check.fact({ message: 'addmlRead', params: { file: name, version: addml.version ?? '–', files: addml.units.length } });
    return addml;
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    check.fail({ message: 'notWellFormed', params: { message: error.message }, file: name, line: error.line });
    return undefined;
  }
}

/** All checks in report order; one that produced nothing because an earlier failure stopped it is `absent`. */
function ordered(results: Map<string, CheckResult>, absent: 'not-run'): CheckResult[] {
  return checkOrder.map((id) => results.get(id) ?? { id, status: absent, findings: [], facts: [{ message: 'notRunBecause' }] });
}
