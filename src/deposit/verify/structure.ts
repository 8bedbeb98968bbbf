// SPDX-License-Identifier: EUPL-1.2
// The package-structure checks, run on files before the content pass: listed files exist (N5.01),
// their checksums match (N5.02), every XML file validates against its schemas (N5.03), the number of
// document files is the documented one (N5.28), and each standard file is well-formed XML with the
// right root element in the right namespace (RH.03, ours: a wrong namespace is named as such).
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addmlNamespace, type Addml, type ListedFile } from './addml.ts';
import { CheckCollector } from './report.ts';
import { StopReading, XmlSyntaxError, readXml } from './xml.ts';
import { xmllintValidate } from './xmllint.ts';

const noark5 = 'http://www.arkivverket.no/standarder/noark5/';
/** Root element and namespace of each standard file of an extraction. */
export const standardFiles: Record<string, { root: string; namespace: string; schema: string }> = {
  'arkivstruktur.xml': { root: 'arkiv', namespace: `${noark5}arkivstruktur`, schema: 'arkivstruktur.xsd' },
  'endringslogg.xml': { root: 'endringslogg', namespace: `${noark5}endringslogg`, schema: 'endringslogg.xsd' },
  'loependeJournal.xml': { root: 'loependeJournal', namespace: `${noark5}loependeJournal`, schema: 'loependeJournal.xsd' },
  'offentligJournal.xml': { root: 'offentligJournal', namespace: `${noark5}offentligJournal`, schema: 'offentligJournal.xsd' },
  'arkivuttrekk.xml': { root: 'addml', namespace: addmlNamespace, schema: 'addml.xsd' },
  'addml.xml': { root: 'addml', namespace: addmlNamespace, schema: 'addml.xsd' },
};

/** Our unmodified copies of the Noark 5 v5.5.0 and ADDML 8.3 schemas. */
export const bundledSchemaDir = fileURLToPath(new URL('../../../standards/noark5/', import.meta.url));

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** N5.01: every XML file and schema arkivuttrekk.xml lists is in the package. */
export function checkListedFilesExist(dir: string, addml: Addml): CheckCollector {
  const check = new CheckCollector('N5.01');
  for (const listed of addml.outside) check.fail({ message: 'fileOutside', params: { file: listed.name }, file: addml.file, element: 'property', line: listed.line });
  for (const unit of addml.units)
    for (const listed of [unit.file, ...unit.schemas])
      if (!existsSync(join(dir, listed.name))) check.fail({ message: 'fileMissing', params: { file: listed.name }, file: addml.file, element: 'property', line: listed.line });
  return check;
}

/** N5.02: the SHA-256 of every listed file matches; a schema name is checked the first time it is listed. */
export async function checkListedChecksums(dir: string, addml: Addml): Promise<CheckCollector> {
  const check = new CheckCollector('N5.02');
  const seen = new Set<string>();
  for (const unit of addml.units)
    for (const [index, listed] of [unit.file, ...unit.schemas].entries()) {
      if (index > 0 && seen.has(listed.name)) continue;
      seen.add(listed.name);
      await checkOne(dir, addml.file, listed, check);
    }
  return check;
}

async function checkOne(dir: string, addmlFile: string, listed: ListedFile, check: CheckCollector): Promise<void> {
  const where = { file: addmlFile, element: 'checksum', line: listed.line };
  const params = { file: listed.name };
  const { algorithm, value } = listed.checksum ?? {};
  if (!listed.checksum || !value) return check.fail({ ...where, message: 'checksumMissing', params });
  if (!algorithm) return check.fail({ ...where, message: 'algorithmMissing', params });
  if (algorithm !== 'SHA-256' && algorithm !== 'SHA256') return check.fail({ ...where, message: 'algorithmUnsupported', params: { ...params, algorithm } });
  const path = join(dir, listed.name);
  if (!existsSync(path)) return check.fail({ ...where, message: 'fileMissing', params });
  const actual = await sha256File(path);
  if (actual.toLowerCase() !== value.toLowerCase()) check.fail({ ...where, message: 'checksumMismatch', params: { ...params, expected: value, actual } });
  else check.fact({ message: 'checksumOk', params: { ...params, algorithm }, file: listed.name });
}

/**
 * N5.03: each listed XML file (and the ADDML itself) against its schemas. A standard schema the ADDML
 * does not list is taken from our copies and that is a deviation, as in Arkade: the package must say
 * which schemas it was made against.
 */
export async function checkSchemas(dir: string, addml: Addml, xmllint: string): Promise<CheckCollector> {
  const check = new CheckCollector('N5.03');
  const units = [...addml.units.map((u) => ({ file: u.file.name, schemas: u.schemas.map((s) => s.name) }))];
  const addmlListed = existsSync(join(dir, 'addml.xsd')) ? ['addml.xsd'] : [];
  if (!addmlListed.length) check.fact({ message: 'addmlSchemaMissing', file: addml.file });
  units.push({ file: addml.file, schemas: addmlListed });
  for (const unit of units) {
    const xml = join(dir, unit.file);
    if (!existsSync(xml)) {
      check.fail({ message: 'fileMissing', params: { file: unit.file }, file: unit.file });
      continue;
    }
    const standard = standardFiles[unit.file];
    const main = standard?.schema ?? unit.schemas[0];
    let schema: string | undefined;
    if (main && unit.schemas.includes(main) && existsSync(join(dir, main))) schema = join(dir, main);
    else if (main && existsSync(join(bundledSchemaDir, main)) && (isV5(addml.version) || unit.file === addml.file)) {
      schema = join(bundledSchemaDir, main);
      if (unit.file !== addml.file) check.fail({ message: 'schemaBuiltIn', params: { schema: main, file: unit.file }, file: addml.file });
    }
    if (standard && unit.file !== addml.file && !unit.schemas.includes('metadatakatalog.xsd'))
      check.fail({ message: 'schemaBuiltIn', params: { schema: 'metadatakatalog.xsd', file: unit.file }, file: addml.file });
    if (!schema) {
      check.fail({ message: 'schemaUnavailable', params: { file: unit.file, version: addml.version ?? '?' }, file: unit.file });
      continue;
    }
    const outcome = await xmllintValidate(xmllint, schema, unit.file, dir);
    if (outcome.kind === 'missing') {
      check.status = 'not-run';
      check.fail({ message: 'xmllintMissing', params: { xmllint } });
      return check;
    }
    if (outcome.kind === 'valid') check.fact({ message: 'schemaValid', params: { file: unit.file, schema: main ?? '' }, file: unit.file });
    else {
      for (const m of outcome.messages)
        check.fail({ message: 'schemaError', params: { message: m.message, lines: m.lines.join(', ') }, file: unit.file, ...(m.element ? { element: m.element } : {}), ...(m.lines[0] ? { line: m.lines[0] } : {}) });
      check.omitted += outcome.omitted;
    }
  }
  return check;
}

/** Versions whose schemas are the ones we carry (the v5.x XSDs all say version="5.0"). */
const isV5 = (version: string | undefined): boolean => version === undefined || /^5(\.|$)/.test(version.trim());

/** The documents folder Arkade looks for: the first of these that exists in the package root. */
export const documentDirNames = ['dokumenter', 'DOKUMENTER', 'dokument', 'DOKUMENT'] as const;

export function findDocumentDir(dir: string): string | undefined {
  return documentDirNames.find((name) => existsSync(join(dir, name)));
}

/** Every regular file under `root/sub`, as package-relative paths with forward slashes. */
export async function* documentFiles(root: string, sub: string): AsyncGenerator<string> {
  const entries = await readdir(join(root, sub), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const relative = `${sub}/${entry.name}`;
    if (entry.isDirectory()) yield* documentFiles(root, relative);
    else if (entry.isFile()) yield relative;
  }
}

/** N5.28: the documents folder exists, is not empty, and holds `antallDokumentfiler` files. */
export async function checkDocumentCount(dir: string, addml: Addml): Promise<CheckCollector> {
  const check = new CheckCollector('N5.28');
  const docs = findDocumentDir(dir);
  if (!docs || !(await stat(join(dir, docs))).isDirectory()) {
    check.fail({ message: 'docDirMissing', params: { names: documentDirNames.join(', ') } });
    return check;
  }
  let actual = 0;
  for await (const _ of documentFiles(dir, docs)) actual++;
  if (actual === 0) check.fail({ message: 'docDirEmpty', params: { dir: docs }, file: docs });
  const documented = addml.antallDokumentfiler;
  const where = { file: addml.file, element: 'antallDokumentfiler' };
  if (documented === undefined || !/^\d+$/.test(documented)) check.fail({ ...where, message: 'docCountMissing', params: { value: documented ?? '' } });
  else if (Number(documented) !== actual) check.fail({ ...where, message: 'docCountMismatch', params: { documented, actual } });
  else check.fact({ message: 'docCount', params: { count: actual, dir: docs } });
  return check;
}

/** RH.03: the root element and namespace of each standard file, and (except arkivstruktur.xml, read by the content pass) well-formedness. */
export async function checkRootsAndSyntax(dir: string, check: CheckCollector): Promise<void> {
  for (const [file, expected] of Object.entries(standardFiles)) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const full = file !== 'arkivstruktur.xml';
    let seenRoot = false;
    try {
      await readXml(path, {
        open(tag, line) {
          if (seenRoot) return;
          seenRoot = true;
          const where = { file, element: tag.local, line };
          if (tag.local !== expected.root) check.fail({ ...where, message: 'wrongRoot', params: { expected: expected.root, actual: tag.local } });
          else if (tag.uri !== expected.namespace) check.fail({ ...where, message: 'wrongNamespace', params: { expected: expected.namespace, actual: tag.uri || '–' } });
          if (!full) throw new StopReading();
        },
      });
    } catch (error) {
      if (!(error instanceof XmlSyntaxError)) throw error;
      check.fail({ message: 'notWellFormed', params: { message: error.message }, file, line: error.line });
    }
  }
}
