// SPDX-License-Identifier: EUPL-1.2
// Builds small, valid Noark 5 v5.5 extraction packages for tests (modelled on the hand-written
// examples in shared/standards/noark5/examples): two series, classes, case files, journal posts with
// documents, a change log, both journals, the official XSDs, and arkivuttrekk.xml with the right
// SHA-256 checksums and counts. A test edits the files first (`edit`: checksums then follow the edit)
// or breaks the written package afterwards (then the checksum no longer matches, as intended).
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundledSchemaDir } from './structure.ts';
import { addml } from './test-fixtures-addml.ts';

export type PackageFiles = Map<string, string | Buffer>;

export interface FixtureOptions {
  /** Change the XML files or documents before arkivuttrekk.xml is computed from them. */
  edit?: (files: PackageFiles) => void;
  /** Change arkivuttrekk.xml as text after it is computed. */
  editAddml?: (xml: string) => string;
}

const ns = 'http://www.arkivverket.no/standarder/noark5';
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
/** Deterministic UUID-shaped system ids: "u(12)" → 00000000-0000-4000-8000-000000000012. */
export const sid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

interface Post {
  id: number;
  folder: number;
  date: string;
  title: string;
  doc: string;
}

function journalpost(p: Post, files: PackageFiles): string {
  const content = Buffer.from(`%PDF-1.4\n% test document ${p.id}\n`);
  files.set(p.doc, content);
  return `
          <registrering xsi:type="journalpost">
            <systemID>${sid(p.id)}</systemID>
            <opprettetDato>${p.date}T09:00:00+01:00</opprettetDato>
            <opprettetAv>arkivar</opprettetAv>
            <arkivertDato>${p.date}T10:00:00+01:00</arkivertDato>
            <arkivertAv>arkivar</arkivertAv>
            <dokumentbeskrivelse>
              <systemID>${sid(p.id + 1)}</systemID>
              <dokumenttype>Brev</dokumenttype>
              <dokumentstatus>Dokumentet er ferdigstilt</dokumentstatus>
              <tittel>${p.title}</tittel>
              <opprettetDato>${p.date}T09:00:00+01:00</opprettetDato>
              <opprettetAv>arkivar</opprettetAv>
              <tilknyttetRegistreringSom>Hoveddokument</tilknyttetRegistreringSom>
              <dokumentnummer>1</dokumentnummer>
              <tilknyttetDato>${p.date}T09:00:00+01:00</tilknyttetDato>
              <tilknyttetAv>arkivar</tilknyttetAv>
              <dokumentobjekt>
                <systemID>${sid(p.id + 2)}</systemID>
                <versjonsnummer>1</versjonsnummer>
                <variantformat>Arkivformat</variantformat>
                <format>fmt/95</format>
                <formatDetaljer>PDF/A-1b</formatDetaljer>
                <opprettetDato>${p.date}T09:00:00+01:00</opprettetDato>
                <opprettetAv>arkivar</opprettetAv>
                <referanseDokumentfil>${p.doc}</referanseDokumentfil>
                <sjekksum>${sha256(content)}</sjekksum>
                <sjekksumAlgoritme>SHA256</sjekksumAlgoritme>
                <filstoerrelse>${content.length}</filstoerrelse>
              </dokumentobjekt>
            </dokumentbeskrivelse>
            <tittel>${p.title}</tittel>
            <korrespondansepart>
              <korrespondanseparttype>Avsender</korrespondanseparttype>
              <korrespondansepartNavn>Kari Nordmann</korrespondansepartNavn>
            </korrespondansepart>
            <journalaar>${p.date.slice(0, 4)}</journalaar>
            <journalsekvensnummer>${p.id}</journalsekvensnummer>
            <journalpostnummer>1</journalpostnummer>
            <journalposttype>Inngående dokument</journalposttype>
            <journalstatus>Arkivert</journalstatus>
            <journaldato>${p.date}</journaldato>
          </registrering>`;
}

interface Folder {
  id: number;
  year: number;
  seq: number;
  title: string;
  posts: Post[];
  screened?: boolean;
  crossReference?: number;
}

function saksmappe(f: Folder, files: PackageFiles): string {
  return `
        <mappe xsi:type="saksmappe">
          <systemID>${sid(f.id)}</systemID>
          <mappeID>${f.year}/${f.seq}</mappeID>
          <tittel>${f.title}</tittel>
          <opprettetDato>${f.posts[0]!.date}T08:00:00+01:00</opprettetDato>
          <opprettetAv>saksbehandler</opprettetAv>
          <avsluttetDato>${f.year}-12-01T08:00:00+01:00</avsluttetDato>
          <avsluttetAv>saksbehandler</avsluttetAv>${f.crossReference ? `
          <kryssreferanse>
            <referanseTilMappe>${sid(f.crossReference)}</referanseTilMappe>
          </kryssreferanse>` : ''}${f.screened ? `
          <skjerming>
            <tilgangsrestriksjon>13</tilgangsrestriksjon>
            <skjermingshjemmel>Offl. § 13</skjermingshjemmel>
            <skjermingMetadata>tittel</skjermingMetadata>
          </skjerming>` : ''}${f.posts.map((p) => journalpost(p, files)).join('')}
          <saksaar>${f.year}</saksaar>
          <sakssekvensnummer>${f.seq}</sakssekvensnummer>
          <saksdato>${f.posts[0]!.date}</saksdato>
          <administrativEnhet>Plan og bygg</administrativEnhet>
          <saksansvarlig>saksbehandler</saksansvarlig>
          <saksstatus>Avsluttet</saksstatus>
        </mappe>`;
}

function post(id: number, folder: number, date: string, title: string): Post {
  return { id, folder, date, title, doc: `DOKUMENT/${date.slice(0, 4)}/${id}.pdf` };
}

/** The archive: series 2023 (one folder) and 2024 (classes 61 → 611, 612; three folders). */
export function archiveFolders(): { year: number; series: number; folders: Folder[] }[] {
  return [
    { year: 2023, series: 1000, folders: [{ id: 1100, year: 2023, seq: 4, title: 'Reguleringsplan Sentrum', posts: [post(1110, 1100, '2023-03-01', 'Varsel om oppstart'), post(1120, 1100, '2023-11-20', 'Vedtak')] }] },
    {
      year: 2024,
      series: 2000,
      folders: [
        { id: 2100, year: 2024, seq: 1, title: 'Byggesak Storgata 1', screened: true, crossReference: 2300, posts: [post(2110, 2100, '2024-01-05', 'Søknad om tillatelse'), post(2120, 2100, '2024-02-01', 'Tillatelse')] },
        { id: 2200, year: 2024, seq: 2, title: 'Byggesak Storgata 3', crossReference: 2100, posts: [post(2210, 2200, '2024-03-10', 'Søknad om dispensasjon')] },
        { id: 2300, year: 2024, seq: 3, title: 'Klage på vedtak', posts: [post(2310, 2300, '2024-12-30', 'Klage')] },
      ],
    },
  ];
}

function arkivstruktur(files: PackageFiles): string {
  const series = archiveFolders().map(({ year, series, folders }) => {
    const [first, ...rest] = folders;
    const classes = rest.length
      ? `
      <klasse>
        <systemID>${sid(series + 20)}</systemID>
        <klasseID>61</klasseID>
        <tittel>Byggesaker</tittel>
        <opprettetDato>${year}-01-01T08:00:00+01:00</opprettetDato>
        <opprettetAv>arkivar</opprettetAv>
        <klasse>
          <systemID>${sid(series + 30)}</systemID>
          <klasseID>611</klasseID>
          <tittel>Tillatelser</tittel>
          <opprettetDato>${year}-01-01T08:00:00+01:00</opprettetDato>
          <opprettetAv>arkivar</opprettetAv>${[first!, ...rest.slice(0, 1)].map((f) => saksmappe(f, files)).join('')}
        </klasse>
        <klasse>
          <systemID>${sid(series + 40)}</systemID>
          <klasseID>612</klasseID>
          <tittel>Klager</tittel>
          <opprettetDato>${year}-01-01T08:00:00+01:00</opprettetDato>
          <opprettetAv>arkivar</opprettetAv>${rest.slice(1).map((f) => saksmappe(f, files)).join('')}
        </klasse>
      </klasse>`
      : `
      <klasse>
        <systemID>${sid(series + 20)}</systemID>
        <klasseID>L12</klasseID>
        <tittel>Reguleringsplaner</tittel>
        <opprettetDato>${year}-01-01T08:00:00+01:00</opprettetDato>
        <opprettetAv>arkivar</opprettetAv>${saksmappe(first!, files)}
      </klasse>`;
    return `
  <arkivdel>
    <systemID>${sid(series)}</systemID>
    <tittel>Sakarkiv ${year}</tittel>
    <arkivdelstatus>Avsluttet periode</arkivdelstatus>
    <opprettetDato>${year}-01-01T08:00:00+01:00</opprettetDato>
    <opprettetAv>arkivar</opprettetAv>
    <avsluttetDato>${year}-12-31T16:00:00+01:00</avsluttetDato>
    <avsluttetAv>arkivar</avsluttetAv>
    <arkivperiodeStartDato>${year}-01-01</arkivperiodeStartDato>
    <arkivperiodeSluttDato>${year}-12-31</arkivperiodeSluttDato>
    <klassifikasjonssystem>
      <systemID>${sid(series + 10)}</systemID>
      <klassifikasjonstype>Funksjonsbasert, hierarkisk</klassifikasjonstype>
      <tittel>Arkivnøkkel ${year}</tittel>
      <opprettetDato>${year}-01-01T08:00:00+01:00</opprettetDato>
      <opprettetAv>arkivar</opprettetAv>${classes}
    </klassifikasjonssystem>
  </arkivdel>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<arkiv xmlns="${ns}/arkivstruktur" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <systemID>${sid(1)}</systemID>
  <tittel>Testkommune arkiv</tittel>
  <arkivstatus>Avsluttet</arkivstatus>
  <opprettetDato>2023-01-01T08:00:00+01:00</opprettetDato>
  <opprettetAv>arkivar</opprettetAv>
  <avsluttetDato>2024-12-31T16:00:00+01:00</avsluttetDato>
  <avsluttetAv>arkivar</avsluttetAv>
  <arkivskaper>
    <arkivskaperID>974760673</arkivskaperID>
    <arkivskaperNavn>Testkommune</arkivskaperNavn>
  </arkivskaper>${series.join('')}
</arkiv>
`;
}

const allPosts = () => archiveFolders().flatMap((s) => s.folders.flatMap((f) => f.posts.map((p) => ({ post: p, folder: f }))));

function journal(kind: 'loependeJournal' | 'offentligJournal'): string {
  const posts = allPosts();
  const dates = posts.map((p) => p.post.date).sort();
  const entries = posts.map(({ post: p, folder: f }) => {
    const title = kind === 'loependeJournal' ? `<tittel>${p.title}</tittel>` : `<offentligTittel>${p.title}</offentligTittel>`;
    const folderTitle = kind === 'loependeJournal' ? `<tittel>${f.title}</tittel>` : `<offentligTittel>${f.title}</offentligTittel>`;
    const party = f.screened && kind === 'offentligJournal' ? '******' : 'Kari Nordmann';
    return `
  <journalregistrering>
    <saksmappe><saksaar>${f.year}</saksaar><sakssekvensnummer>${f.seq}</sakssekvensnummer>${folderTitle}</saksmappe>
    <journalpost>
      <systemID>${sid(p.id)}</systemID>
      <journalaar>${p.date.slice(0, 4)}</journalaar><journalsekvensnummer>${p.id}</journalsekvensnummer><journalpostnummer>1</journalpostnummer>
      ${title}
      <journaldato>${p.date}</journaldato>
      <korrespondansepart><korrespondanseparttype>Avsender</korrespondanseparttype><korrespondansepartNavn>${party}</korrespondansepartNavn></korrespondansepart>
    </journalpost>
  </journalregistrering>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<${kind} xmlns="${ns}/${kind}">
  <journalhode>
    <journalStartDato>${dates[0]}</journalStartDato>
    <journalSluttDato>${dates.at(-1)}</journalSluttDato>
    <antallJournalposter>${posts.length}</antallJournalposter>
    <arkivskaper><arkivskaperID>974760673</arkivskaperID><arkivskaperNavn>Testkommune</arkivskaperNavn></arkivskaper>
  </journalhode>${entries.join('')}
</${kind}>
`;
}

const endringslogg = () => `<?xml version="1.0" encoding="UTF-8"?>
<endringslogg xmlns="${ns}/endringslogg">
  <endring>
    <referanseArkivenhet>${sid(2110)}</referanseArkivenhet>
    <referanseMetadata>tittel</referanseMetadata>
    <endretDato>2024-01-06T10:00:00+01:00</endretDato>
    <endretAv>arkivar</endretAv>
    <tidligereVerdi>Søknad</tidligereVerdi>
    <nyVerdi>Søknad om tillatelse</nyVerdi>
  </endring>
  <endring>
    <referanseArkivenhet>${sid(2100)}</referanseArkivenhet>
    <referanseMetadata>saksstatus</referanseMetadata>
    <endretDato>2024-12-01T08:00:00+01:00</endretDato>
    <endretAv>saksbehandler</endretAv>
    <tidligereVerdi>Under behandling</tidligereVerdi>
    <nyVerdi>Avsluttet</nyVerdi>
  </endring>
</endringslogg>
`;

export const schemaNames = ['arkivstruktur.xsd', 'endringslogg.xsd', 'loependeJournal.xsd', 'offentligJournal.xsd', 'metadatakatalog.xsd', 'addml.xsd'];

export async function buildPackage(options: FixtureOptions = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'radhus-noark5-'));
  const files: PackageFiles = new Map();
  files.set('arkivstruktur.xml', arkivstruktur(files));
  files.set('endringslogg.xml', endringslogg());
  files.set('loependeJournal.xml', journal('loependeJournal'));
  files.set('offentligJournal.xml', journal('offentligJournal'));
  options.edit?.(files);
  for (const [name, content] of files) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  for (const schema of schemaNames) if (!files.has(schema)) await copyFile(join(bundledSchemaDir, schema), join(dir, schema));
  const checksums = new Map<string, string>();
  for (const name of [...files.keys(), ...schemaNames]) checksums.set(name, sha256(await readFile(join(dir, name))));
  const as = files.get('arkivstruktur.xml')!.toString();
  const xml = addml({
    checksums,
    folders: (as.match(/<mappe[\s>]/g) ?? []).length,
    registrations: (as.match(/<registrering[\s>]/g) ?? []).length,
    documents: [...files.keys()].filter((name) => name.startsWith('DOKUMENT/')).length,
    screened: as.includes('<skjerming>'),
  });
  await writeFile(join(dir, 'arkivuttrekk.xml'), options.editAddml ? options.editAddml(xml) : xml);
  return dir;
}
