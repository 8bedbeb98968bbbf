// SPDX-License-Identifier: EUPL-1.2
// The mapping pass of `radhus import noark5`: reads arkivstruktur.xml as a stream (saxes, flat memory)
// and works out what the import would make of it — how many series, classes, case files, registry
// entries, documents — and what it cannot map (units of a kind our model has no place for, elements
// it does not know), each named with file, element and line. Case and registry numbers must keep
// their original values, so a number used twice in one series is refused here, before anything is
// written. Only what is needed past an element is kept (series ids, numbers per series), copied with
// `own` so no parser chunk stays alive.
import { join } from 'node:path';
import { own, readXml, xsiNamespace } from '../verify/xml.ts';
import { deletionKind, isDateValue, unmappedDeletionTypes } from './units.ts';

export const arkivstrukturNamespace = 'http://www.arkivverket.no/standarder/noark5/arkivstruktur';
/** Noark 5 versions whose extractions we take; all share the arkivstruktur namespace above. */
export const importableVersions = ['3.1', '4.0', '5.0', '5.1', '5.2', '5.3', '5.4', '5.5'] as const;

export interface ImportIssue {
  message: 'wrongNamespace' | 'alreadyLoaded' | 'unsupportedVersion' | 'unmappedUnit' | 'unmappedElement' | 'duplicateCaseNumber' | 'duplicateEntryNumber' | 'missingNumber' | 'invalidValue';
  file: string;
  element: string;
  line?: number;
  systemId?: string;
  detail?: string;
}

export interface ImportPlan {
  version: string | undefined;
  counts: { arkivdel: number; klassifikasjonssystem: number; klasse: number; mappe: number; registrering: number; dokumentbeskrivelse: number; dokumentobjekt: number };
  /** systemIDs of the series (arkivdel) the import would make new series of, as the package spells them */
  seriesSystemIds: string[];
  /** refusals: the import stops on any of these */
  errors: ImportIssue[];
  /** kept as information: loaded but not into a column of its own (named, so the archivist knows) */
  unmapped: ImportIssue[];
}

/** Elements of arkivstruktur we map, or deliberately pass over because they are derived or repeated elsewhere. */
const known = new Set([
  'arkiv', 'arkivskaper', 'arkivskaperID', 'arkivskaperNavn', 'arkivdel', 'klassifikasjonssystem', 'klasse', 'mappe', 'registrering',
  'dokumentbeskrivelse', 'dokumentobjekt', 'systemID', 'tittel', 'offentligTittel', 'beskrivelse', 'noekkelord', 'arkivstatus', 'arkivdelstatus',
  'opprettetDato', 'opprettetAv', 'avsluttetDato', 'avsluttetAv', 'arkivperiodeStartDato', 'arkivperiodeSluttDato', 'referanseForloeper',
  'referanseArvtaker', 'referanseArkivdel', 'kassasjon', 'kassasjonsvedtak', 'kassasjonshjemmel', 'bevaringstid', 'kassasjonsdato', 'skjerming', 'tilgangsrestriksjon',
  'skjermingshjemmel', 'skjermingMetadata', 'skjermingDokument', 'skjermingsvarighet', 'skjermingOpphoererDato', 'klassifikasjonstype', 'klasseID',
  'mappeID', 'saksaar', 'sakssekvensnummer', 'saksdato', 'administrativEnhet', 'saksansvarlig', 'saksstatus', 'journalenhet', 'arkivertDato',
  'arkivertAv', 'registreringsID', 'journalaar', 'journalsekvensnummer', 'journalpostnummer', 'journalposttype', 'journalstatus', 'journaldato',
  'dokumentetsDato', 'mottattDato', 'sendtDato', 'forfallsdato', 'offentlighetsvurdertDato', 'antallVedlegg', 'saksbehandler', 'korrespondansepart',
  'korrespondanseparttype', 'korrespondansepartNavn', 'postadresse', 'postnummer', 'poststed', 'land', 'epostadresse', 'telefonnummer',
  'kontaktperson', 'merknad', 'merknadstekst', 'merknadstype', 'merknadsdato', 'merknadRegistrertAv', 'kryssreferanse', 'referanseTilKlasse',
  'referanseTilMappe', 'referanseTilRegistrering', 'avskrivning', 'avskrivningsdato', 'avskrevetAv', 'avskrivningsmaate', 'referanseAvskrivesAvJournalpost',
  'dokumenttype', 'dokumentstatus', 'tilknyttetRegistreringSom', 'dokumentnummer', 'tilknyttetDato', 'tilknyttetAv', 'forfatter', 'versjonsnummer',
  'variantformat', 'format', 'formatDetaljer', 'referanseDokumentfil', 'sjekksum', 'sjekksumAlgoritme', 'filstoerrelse', 'konvertering',
  'konvertertDato', 'konvertertAv', 'konvertertFraFormat', 'konvertertTilFormat', 'konverteringsverktoey', 'konverteringskommentar', 'utfoertKassasjon',
  'kassertDato', 'kassertAv', 'sletting', 'slettingstype', 'slettetDato', 'slettetAv', 'gradering', 'grad', 'graderingsdato', 'gradertAv',
  'nasjonalidentifikator', 'virksomhetsspesifikkeMetadata', 'presedens', 'elektroniskSignatur', 'dokumentmedium', 'oppbevaringssted', 'part',
  'partNavn', 'partRolle', 'partID', 'foedselsnummer', 'organisasjonsnummer', 'kontaktinformasjon', 'administrativEnhetNavn', 'saksbehandlerNavn',
]);
/** Dates of the records the import loads (konvertering, sletting, utført kassasjon): one that is no date refuses the package. */
const checkedDates = new Set(['konvertertDato', 'slettetDato', 'kassertDato']);

/** Mappe and registrering kinds our model has a place for; others (møtemappe, møteregistrering, plain arkivnotat in v3.1) are reported. */
const mappableFolders = new Set(['saksmappe']);
const mappableRegistrations = new Set(['journalpost', 'arkivnotat']);

export async function planImport(dir: string, version: string | undefined): Promise<ImportPlan> {
  const file = 'arkivstruktur.xml';
  const plan: ImportPlan = {
    version,
    counts: { arkivdel: 0, klassifikasjonssystem: 0, klasse: 0, mappe: 0, registrering: 0, dokumentbeskrivelse: 0, dokumentobjekt: 0 },
    seriesSystemIds: [],
    errors: [],
    unmapped: [],
  };
  if (version === undefined || !(importableVersions as readonly string[]).includes(version))
    plan.errors.push({ message: 'unsupportedVersion', file: 'arkivuttrekk.xml', element: 'version', detail: `${version ?? '–'} (we take ${importableVersions.join(', ')})` });

  const stack: { name: string; line: number }[] = [];
  let text = '';
  // Per series: the case numbers and registry numbers seen, to keep originals unique per series.
  let caseNumbers = new Set<string>();
  let entryNumbers = new Set<string>();
  let folder: { line: number; systemId?: string; year?: string; seq?: string } | undefined;
  let entry: { line: number; systemId?: string; year?: string; seq?: string } | undefined;
  const unmappedSeen = new Map<string, ImportIssue & { count: number }>();
  const noteUnmapped = (issue: ImportIssue) => {
    const key = `${issue.message}:${issue.element}:${issue.detail ?? ''}`;
    const seen = unmappedSeen.get(key);
    if (seen) seen.count++;
    else unmappedSeen.set(key, { ...issue, count: 1 });
  };

  await readXml(join(dir, file), {
    open(tag, line) {
      if (stack.length === 0 && (tag.uri !== arkivstrukturNamespace || tag.local !== 'arkiv'))
        plan.errors.push({ message: 'wrongNamespace', file, element: tag.local, line, detail: `{${tag.uri}}${tag.local}` });
      stack.push({ name: tag.local, line });
      text = '';
      if (tag.uri !== arkivstrukturNamespace && stack.length > 1) return;
      const type = tag.attributes['xsi:type']?.value ?? Object.values(tag.attributes).find((a) => a.uri === xsiNamespace && a.local === 'type')?.value;
      const kind = type?.replace(/^.*:/, '');
      switch (tag.local) {
        case 'arkivdel':
          plan.counts.arkivdel++;
          caseNumbers = new Set();
          entryNumbers = new Set();
          break;
        case 'klassifikasjonssystem':
        case 'klasse':
        case 'dokumentbeskrivelse':
        case 'dokumentobjekt':
          plan.counts[tag.local]++;
          break;
        case 'mappe':
          plan.counts.mappe++;
          folder = { line };
          if (!kind || !mappableFolders.has(kind)) noteUnmapped({ message: 'unmappedUnit', file, element: 'mappe', line, detail: kind ?? 'mappe' });
          break;
        case 'registrering':
          plan.counts.registrering++;
          entry = { line };
          if (!kind || !mappableRegistrations.has(kind)) noteUnmapped({ message: 'unmappedUnit', file, element: 'registrering', line, detail: kind ?? 'registrering' });
          break;
        default:
          if (!known.has(tag.local)) noteUnmapped({ message: 'unmappedElement', file, element: tag.local, line });
      }
    },
    text(t) {
      text += t;
    },
    close(tag) {
      const top = stack.pop();
      const parent = stack.at(-1)?.name;
      const value = text.trim();
      text = '';
      // A value the import would have to guess at refuses the package, before anything is written
      // (the package's own XSDs may let it through: slettingstype is any text, older schemas are laxer).
      if (tag.local === 'slettingstype' && parent === 'sletting' && !deletionKind(value) && !unmappedDeletionTypes.has(value.toLowerCase()))
        plan.errors.push({ message: 'invalidValue', file, element: tag.local, line: top?.line ?? 0, detail: own(`"${value}"`) });
      else if (checkedDates.has(tag.local) && !isDateValue(value))
        plan.errors.push({ message: 'invalidValue', file, element: tag.local, line: top?.line ?? 0, detail: own(`"${value}"`) });
      if (tag.local === 'systemID') {
        if (parent === 'arkivdel') plan.seriesSystemIds.push(own(value));
        else if (parent === 'mappe' && folder) folder.systemId = own(value);
        else if (parent === 'registrering' && entry) entry.systemId = own(value);
      } else if (parent === 'mappe' && folder && (tag.local === 'saksaar' || tag.local === 'sakssekvensnummer')) {
        folder[tag.local === 'saksaar' ? 'year' : 'seq'] = value;
      } else if (parent === 'registrering' && entry && (tag.local === 'journalaar' || tag.local === 'journalsekvensnummer')) {
        entry[tag.local === 'journalaar' ? 'year' : 'seq'] = value;
      } else if (tag.local === 'mappe' && folder) {
        unique(folder, caseNumbers, 'mappe', 'duplicateCaseNumber');
        folder = undefined;
      } else if (tag.local === 'registrering' && entry) {
        // An arkivnotat or a plain registrering has no journal number; only journalposts must.
        if (entry.year !== undefined || entry.seq !== undefined) unique(entry, entryNumbers, 'registrering', 'duplicateEntryNumber');
        entry = undefined;
      }
      void top;
    },
  });

  function unique(unit: { line: number; systemId?: string; year?: string; seq?: string }, seen: Set<string>, element: string, message: ImportIssue['message']) {
    if (unit.year === undefined || unit.seq === undefined) {
      if (element === 'mappe') plan.errors.push({ message: 'missingNumber', file, element, line: unit.line, ...(unit.systemId ? { systemId: unit.systemId } : {}) });
      return;
    }
    const key = `${unit.year}/${unit.seq}`;
    if (seen.has(key)) plan.errors.push({ message, file, element, line: unit.line, detail: key, ...(unit.systemId ? { systemId: unit.systemId } : {}) });
    else seen.add(own(key));
  }

  plan.unmapped = [...unmappedSeen.values()].map(({ count, ...issue }) => ({ ...issue, detail: `${issue.detail ? `${issue.detail}, ` : ''}${count}×` }));
  return plan;
}
