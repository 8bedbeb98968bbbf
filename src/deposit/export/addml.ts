// SPDX-License-Identifier: EUPL-1.2
// arkivuttrekk.xml: the ADDML 8.3 description of the package in the shape of Riksarkivaren's
// template (arkivuttrekk-mal v5.0): who made it, the period and how it was separated, whether it
// holds screened information, the SHA-256 of every XML and XSD file and the counts Arkade checks.
import { XmlWriter } from './xml-writer.ts';

export interface AddmlInput {
  creators: { name: string }[];
  archiveTitle: string;
  systemName: string;
  period: { start: string; end: string; incoming: 'skarpt' | 'mykt'; outgoing: 'skarpt' | 'mykt' };
  screened: boolean;
  disposed: boolean;
  toDispose: boolean;
  documentFiles: number;
  /** checksums by file name */
  checksums: Record<string, string>;
  counts: { mappe: number; registrering: number; endring: number; journalregistrering: number; dokumentobjekt: number };
  /** departures the depot should know of (delivery note) */
  notes: string[];
}

const prop = (w: XmlWriter, name: string, value: string | number, dataType?: string) => {
  w.start('property', dataType ? { dataType, name } : { name }).leaf('value', String(value)).end();
};

function fileProperty(w: XmlWriter, name: string, checksum: string): void {
  w.start('property', { name: 'file' }).start('properties');
  prop(w, 'name', name);
  w.start('property', { name: 'format' }).leaf('value', 'XML').start('properties');
  prop(w, 'version', '1.0');
  w.end().end();
  w.start('property', { name: 'checksum' }).start('properties');
  prop(w, 'algorithm', 'SHA-256');
  prop(w, 'value', checksum);
  w.end().end();
  w.end().end();
}

function schemaProperty(w: XmlWriter, name: string, checksum: string, main: boolean): void {
  w.start('property', { name: 'schema' });
  if (main) w.leaf('value', 'main');
  w.start('properties');
  fileProperty(w, name, checksum);
  w.start('property', { name: 'type' }).leaf('value', 'XML Schema').start('properties');
  prop(w, 'version', '1.0');
  w.end().end();
  w.end().end();
}

function occurrences(w: XmlWriter, element: string, count: number): void {
  w.start('property', { name: 'numberOfOccurrences' }).leaf('value', element).start('properties');
  prop(w, 'elementPath', `//${element}`);
  prop(w, 'value', count, 'integer');
  w.end().end();
}

export async function writeAddml(path: string, a: AddmlInput): Promise<void> {
  const w = new XmlWriter(path);
  const sum = (file: string) => {
    const value = a.checksums[file];
    if (!value) throw new Error(`no checksum for ${file}`);
    return value;
  };
  w.start('addml', { xmlns: 'http://www.arkivverket.no/standarder/addml', 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xsi:schemaLocation': 'http://www.arkivverket.no/standarder/addml addml.xsd', name: 'Noark 5-arkivuttrekk' });
  w.start('dataset').leaf('description', ['Noark 5-arkivuttrekk', ...a.notes].join('\n'));
  w.start('reference').start('context').start('additionalElements');
  w.start('additionalElement', { name: 'recordCreators' }).start('additionalElements');
  for (const c of a.creators) w.start('additionalElement', { name: 'recordCreator' }).leaf('value', c.name).end();
  w.end().end();
  w.start('additionalElement', { name: 'systemType' }).leaf('value', 'Sakarkiv (Noark-5)').end();
  w.start('additionalElement', { name: 'systemName' }).leaf('value', a.systemName).end();
  w.start('additionalElement', { name: 'archive' }).leaf('value', a.archiveTitle).end();
  w.end().end();
  w.start('content').start('additionalElements').start('additionalElement', { name: 'archivalPeriod' }).start('properties');
  prop(w, 'startDate', a.period.start);
  prop(w, 'endDate', a.period.end);
  w.end().end().end().end();
  w.end();

  w.start('dataObjects').start('dataObject', { name: 'Noark 5-arkivuttrekk' }).start('properties');
  w.start('property', { name: 'info' }).start('properties');
  w.start('property', { name: 'type' }).leaf('value', 'Noark 5').start('properties');
  prop(w, 'version', '5.5');
  w.end().end();
  w.start('property', { name: 'additionalInfo' }).start('properties');
  w.start('property', { name: 'periode' }).start('properties');
  prop(w, 'inngaaendeSkille', a.period.incoming);
  prop(w, 'utgaaendeSkille', a.period.outgoing);
  w.end().end();
  prop(w, 'inneholderSkjermetInformasjon', String(a.screened), 'boolean');
  prop(w, 'omfatterDokumenterSomErKassert', String(a.disposed), 'boolean');
  prop(w, 'inneholderDokumenterSomSkalKasseres', String(a.toDispose), 'boolean');
  prop(w, 'inneholderVirksomhetsspesifikkeMetadata', 'false', 'boolean');
  prop(w, 'antallDokumentfiler', a.documentFiles, 'integer');
  w.end().end();
  w.end().end();
  w.end();

  w.start('dataObjects');
  const files: { name: string; counts: [string, number][] }[] = [
    { name: 'arkivstruktur', counts: [['mappe', a.counts.mappe], ['registrering', a.counts.registrering], ['dokumentobjekt', a.counts.dokumentobjekt]] },
    { name: 'endringslogg', counts: [['endring', a.counts.endring]] },
    { name: 'loependeJournal', counts: [['journalregistrering', a.counts.journalregistrering]] },
    { name: 'offentligJournal', counts: [['journalregistrering', a.counts.journalregistrering]] },
  ];
  for (const f of files) {
    w.start('dataObject', { name: f.name }).start('properties');
    fileProperty(w, `${f.name}.xml`, sum(`${f.name}.xml`));
    schemaProperty(w, `${f.name}.xsd`, sum(`${f.name}.xsd`), true);
    schemaProperty(w, 'metadatakatalog.xsd', sum('metadatakatalog.xsd'), false);
    w.start('property', { name: 'info' }).start('properties');
    for (const [element, count] of f.counts) occurrences(w, element, count);
    w.end().end();
    w.end().end();
  }
  w.end();
  w.end().end();
  w.end().end();
  await w.close();
}
