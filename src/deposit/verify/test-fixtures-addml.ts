// SPDX-License-Identifier: EUPL-1.2
// arkivuttrekk.xml for the test packages, after Riksarkivaren's template (arkivuttrekk-mal_v5_0.xml):
// the order Arkade reads by position, version "5.0", every XSD listed with its SHA-256.
export interface AddmlInput {
  checksums: Map<string, string>;
  folders: number;
  registrations: number;
  documents: number;
  screened: boolean;
}

const p = (name: string, inner: string) => `<property name="${name}">${inner}</property>`;
const v = (value: string | number) => `<value>${value}</value>`;
const ps = (...inner: string[]) => `<properties>${inner.join('')}</properties>`;

function file(name: string, checksums: Map<string, string>): string {
  return p('file', ps(p('name', v(name)), p('format', v('XML') + ps(p('version', v('1.0')))), p('checksum', ps(p('algorithm', v('SHA-256')), p('value', v(checksums.get(name) ?? ''))))));
}

const schema = (name: string, checksums: Map<string, string>, main: boolean) =>
  p('schema', (main ? v('main') : '') + ps(file(name, checksums), p('type', v('XML Schema') + ps(p('version', v('1.0'))))));

function occurrences(counts: Record<string, number>): string {
  if (!Object.keys(counts).length) return '';
  return p('info', ps(...Object.entries(counts).map(([element, count]) => p('numberOfOccurrences', v(element) + ps(p('elementPath', v(`//${element}`)), `<property dataType="integer" name="value">${v(count)}</property>`)))));
}

function dataObject(base: string, checksums: Map<string, string>, counts: Record<string, number>): string {
  return `<dataObject name="${base}">${ps(file(`${base}.xml`, checksums), schema(`${base}.xsd`, checksums, true), schema('metadatakatalog.xsd', checksums, false), occurrences(counts))}</dataObject>`;
}

export function addml(input: AddmlInput): string {
  const { checksums } = input;
  const bool = (name: string, value: boolean) => `<property dataType="boolean" name="${name}">${v(String(value))}</property>`;
  const info = p('info', ps(
    p('type', v('Noark 5') + ps(p('version', v('5.0')))),
    p('additionalInfo', ps(
      p('periode', ps(p('inngaaendeSkille', v('skarpt')), p('utgaaendeSkille', v('skarpt')))),
      bool('inneholderSkjermetInformasjon', input.screened),
      bool('omfatterDokumenterSomErKassert', false),
      bool('inneholderDokumenterSomSkalKasseres', false),
      bool('inneholderVirksomhetsspesifikkeMetadata', false),
      `<property dataType="integer" name="antallDokumentfiler">${v(input.documents)}</property>`,
    )),
  ));
  return `<?xml version="1.0" encoding="UTF-8"?>
<addml xmlns="http://www.arkivverket.no/standarder/addml" name="Noark 5-arkivuttrekk">
  <dataset>
    <description>Noark 5-arkivuttrekk</description>
    <reference>
      <context>
        <additionalElements>
          <additionalElement name="systemType"><value>Sakarkiv (Noark-5)</value></additionalElement>
          <additionalElement name="systemName"><value>Rådhus</value></additionalElement>
        </additionalElements>
      </context>
      <content>
        <additionalElements>
          <additionalElement name="archivalPeriod">
            ${ps(p('startDate', v('2023-01-01')), p('endDate', v('2024-12-31')))}
          </additionalElement>
        </additionalElements>
      </content>
    </reference>
    <dataObjects>
      <dataObject name="Noark 5-arkivuttrekk">
        ${ps(info)}
        <dataObjects>
          ${dataObject('arkivstruktur', checksums, { mappe: input.folders, registrering: input.registrations })}
          ${dataObject('endringslogg', checksums, {})}
          ${dataObject('loependeJournal', checksums, {})}
          ${dataObject('offentligJournal', checksums, {})}
        </dataObjects>
      </dataObject>
    </dataObjects>
  </dataset>
</addml>
`;
}
