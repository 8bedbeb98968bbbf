// SPDX-License-Identifier: EUPL-1.2
// What arkivuttrekk.xml (ADDML 8.3) says about the package: its version, period separation, flags,
// document count, and for each XML file its checksum, schemas and element counts. Arkade reads some of
// these by position; we look them up by name, so a package with the right names in another order is
// read the same (our exporter writes Arkade's order anyway).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { childNamed, childrenNamed, readTree, type XmlNode } from './xml.ts';

export const addmlNamespace = 'http://www.arkivverket.no/standarder/addml';
/** The names Arkade accepts for the package description, in its order of preference. */
export const addmlFileNames = ['arkivuttrekk.xml', 'addml.xml'] as const;

export interface Checksum {
  algorithm?: string;
  value?: string;
}

export interface ListedFile {
  name: string;
  checksum?: Checksum;
  line: number;
}

export interface XmlUnit {
  /** The XML file, e.g. arkivstruktur.xml. */
  file: ListedFile;
  schemas: ListedFile[];
  /** numberOfOccurrences by element name (mappe, registrering, …); undefined value = not an integer. */
  occurrences: Map<string, number | undefined>;
}

export interface Addml {
  file: string;
  rootName: string;
  rootNamespace: string;
  version?: string;
  inngaaendeSkille?: string;
  utgaaendeSkille?: string;
  /** Raw values of the boolean flags, by property name. */
  flags: Map<string, string>;
  antallDokumentfiler?: string;
  units: XmlUnit[];
  /** Listed names that would lead out of the package (absolute, or with ".."): never opened. */
  outside: ListedFile[];
  /** Start and end of the archival period the ADDML states (reference/content), if any. */
  periodStart?: string;
  periodEnd?: string;
}

/** The ADDML file of a package, or undefined when it has none. */
export function findAddml(dir: string): string | undefined {
  return addmlFileNames.find((name) => existsSync(join(dir, name)));
}

const props = (node: XmlNode | undefined): XmlNode[] => childrenNamed(childNamed(node, 'properties'), 'property');
const prop = (node: XmlNode | undefined, name: string): XmlNode | undefined => props(node).find((p) => p.attributes.name === name);
const value = (node: XmlNode | undefined): string | undefined => childNamed(node, 'value')?.text;

/** Finds a property (or additionalElement) by name anywhere below `node`, for values whose place varies. */
function deepProp(node: XmlNode | undefined, name: string, element = 'property'): XmlNode | undefined {
  if (!node) return undefined;
  for (const child of node.children) {
    if (child.name === element && child.attributes.name === name) return child;
    const found = deepProp(child, name, element);
    if (found) return found;
  }
  return undefined;
}

function listedFile(fileProp: XmlNode | undefined): ListedFile | undefined {
  const name = value(prop(fileProp, 'name'));
  if (!name || !fileProp) return undefined;
  const checksum = prop(fileProp, 'checksum');
  return {
    name,
    line: fileProp.line,
    ...(checksum ? { checksum: { algorithm: value(prop(checksum, 'algorithm')), value: value(prop(checksum, 'value')) } } : {}),
  };
}

/** A name inside the package: relative, and no ".." (a hostile package must not make us read other files). */
const inside = (name: string): boolean => !/^([/\\]|[A-Za-z]:)/.test(name) && !name.split(/[/\\]/).includes('..');

function unit(dataObject: XmlNode, outside: ListedFile[]): XmlUnit | undefined {
  const file = listedFile(prop(dataObject, 'file'));
  if (!file) return undefined;
  if (!inside(file.name)) return void outside.push(file);
  const schemas = props(dataObject)
    .filter((p) => p.attributes.name === 'schema')
    .map((schema) => listedFile(prop(schema, 'file')))
    .filter((f): f is ListedFile => f !== undefined && (inside(f.name) || (outside.push(f), false)));
  const occurrences = new Map<string, number | undefined>();
  for (const occurrence of props(prop(dataObject, 'info')).filter((p) => p.attributes.name === 'numberOfOccurrences')) {
    const element = value(occurrence);
    const count = value(prop(occurrence, 'value'));
    if (element) occurrences.set(element, count && /^\d+$/.test(count) ? Number(count) : undefined);
  }
  return { file, schemas, occurrences };
}

export async function readAddml(dir: string, name: string): Promise<Addml> {
  const root = await readTree(join(dir, name));
  const dataObjects = childrenNamed(childNamed(childNamed(root, 'dataset'), 'dataObjects'), 'dataObject');
  const top = dataObjects[0];
  const info = prop(top, 'info');
  const additional = prop(info, 'additionalInfo');
  const periode = prop(additional, 'periode');
  const flags = new Map<string, string>();
  for (const flag of ['inneholderSkjermetInformasjon', 'omfatterDokumenterSomErKassert', 'inneholderDokumenterSomSkalKasseres']) {
    const raw = value(prop(additional, flag));
    if (raw !== undefined) flags.set(flag, raw);
  }
  const period = deepProp(childNamed(childNamed(childNamed(root, 'dataset'), 'reference'), 'content'), 'archivalPeriod', 'additionalElement');
  const outside: ListedFile[] = [];
  const units = dataObjects
    .flatMap((d) => childrenNamed(childNamed(d, 'dataObjects'), 'dataObject'))
    .map((d) => unit(d, outside))
    .filter((u): u is XmlUnit => u !== undefined);
  return {
    file: name,
    rootName: root.name,
    rootNamespace: root.uri,
    version: value(prop(prop(info, 'type'), 'version')),
    inngaaendeSkille: value(prop(periode, 'inngaaendeSkille')),
    utgaaendeSkille: value(prop(periode, 'utgaaendeSkille')),
    flags,
    antallDokumentfiler: value(prop(additional, 'antallDokumentfiler')),
    units,
    outside,
    periodStart: value(deepProp(period, 'startDate')),
    periodEnd: value(deepProp(period, 'endDate')),
  };
}

/** Both separations sharp: only then must the journals match the archive exactly (N5.59, N5.60). */
export const sharplySeparated = (addml: Addml): boolean => addml.inngaaendeSkille === 'skarpt' && addml.utgaaendeSkille === 'skarpt';
