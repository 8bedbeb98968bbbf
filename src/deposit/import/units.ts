// SPDX-License-Identifier: EUPL-1.2
// From the XML of one unit (a small tree, see load.ts) to the archive's import rows: Noark code names
// back to our code words, dates to Date, screening back to its fields. What has no place in our model
// is named in `unmapped` rather than dropped silently.
import { basename, extname } from 'node:path';
import type { Screening, ScreenedField } from '../../common/screening.ts';
import {
  deletionKindCodes, caseFileStatusCodes, correspondentRoleCodes, documentRelationCodes, documentStatusCodes, entryStatusCodes, entryTypeCodes, followUpCodes, retentionCodes,
  screeningMetadataCodes, variantCodes, type DeletionKind, type ImportedCase, type ImportedConversion, type ImportedCorrespondent, type ImportedDocument, type ImportedEntry, type ImportedRemark, type ImportedRetention,
} from '../../archive/service.ts';
import { newId } from '../../platform/ids.ts';

export interface Node {
  name: string;
  type: string;
  line: number;
  text: string;
  children: Node[];
}

export const child = (n: Node | undefined, name: string): Node | undefined => n?.children.find((c) => c.name === name);
export const all = (n: Node | undefined, name: string): Node[] => n?.children.filter((c) => c.name === name) ?? [];
export const value = (n: Node | undefined, name: string): string | null => {
  const v = child(n, name)?.text.trim();
  return v ? v : null;
};

const UNKNOWN = 'Ikke oppgitt';
/** xs:dateTime or xs:date as an instant; a time without a zone is read as UTC. */
export const instant = (v: string | null): Date | null => {
  if (!v) return null;
  const full = /T/.test(v) ? v : `${v.slice(0, 10)}T00:00:00`;
  return new Date(/(Z|[+-]\d{2}:\d{2})$/.test(full) ? full : `${full}Z`);
};
export const day = (v: string | null): string | null => (v ? v.slice(0, 10) : null);
/** Whether a text is an xs:date or xs:dateTime that is a real day and time (2024-02-30 is not). */
export function isDateValue(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(v.trim());
  if (!m) return false;
  const at = instant(v.trim())!;
  // Date rolls 2024-02-30 over into March: the day must come back as written.
  return !Number.isNaN(at.getTime()) && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === `${m[1]}-${m[2]}-${m[3]}`;
}

/** Reverse of a code table: the Noark name (or code) → our code word. */
const reverse = <K extends string>(codes: Record<K, { code: string; name: string }>) => {
  const map = new Map<string, K>();
  for (const [key, c] of Object.entries(codes) as [K, { code: string; name: string }][]) {
    map.set(c.name.toLowerCase(), key);
    map.set(c.code.toLowerCase(), key);
  }
  return (v: string | null): K | undefined => (v ? map.get(v.toLowerCase()) : undefined);
};
const entryType = reverse(entryTypeCodes);
const entryStatus = reverse(entryStatusCodes);
const caseStatus = reverse(caseFileStatusCodes);
const followUp = reverse(followUpCodes);
const partyRole = reverse(correspondentRoleCodes);
const relation = reverse(documentRelationCodes);
const documentStatus = reverse(documentStatusCodes);
const variant = reverse(variantCodes);
const retention = reverse(retentionCodes);
/** slettingstype (name or code) → our kind; undefined for one our model has no kind for, or none at all. */
export const deletionKind = reverse(deletionKindCodes);
/** A slettingstype of the Noark 5 code list that has no kind here (the whole series emptied): loaded as a note. */
export const unmappedDeletionTypes = new Set(['sa', 'sletting av hele innholdet i arkivdelen']);
const screenedBy = new Map<string, ScreenedField>();
for (const [field, codes] of Object.entries(screeningMetadataCodes) as [ScreenedField, { code: string; name: string }[]][])
  for (const c of codes) {
    screenedBy.set(c.name.toLowerCase(), field);
    screenedBy.set(c.name.replace('tittel registrering', 'tittel mappe').toLowerCase(), field);
    screenedBy.set(c.code.toLowerCase(), field);
  }

const mimeOf: Record<string, string> = {
  '.pdf': 'application/pdf', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.tif': 'image/tiff', '.tiff': 'image/tiff', '.txt': 'text/plain',
  '.xml': 'application/xml', '.odt': 'application/vnd.oasis.opendocument.text', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface Names {
  /** name (or code) in the municipality's code list → its code; unknown names are kept as they are */
  documentType(name: string): string;
  remarkType(name: string): string;
}

export interface Mapping {
  names: Names;
  /** what could not be loaded into a place of its own: element → how often */
  unmapped: Map<string, number>;
  note(what: string): void;
  /** the files of the case, staged: referanseDokumentfil → object id (filled by the caller) */
  objects: { path: string; checksum: string; size: number; id: string }[];
  /** per series and year, the last number given to a registration without one (arkivnotat) */
  unnumbered: Map<string, number>;
}

/** Registrations without a journal number (an arkivnotat has none) are numbered from here, apart from real numbers. */
export const UNNUMBERED_FROM = 1_000_000;

export function screening(n: Node | undefined): Screening | null {
  if (!n) return null;
  const fields = [...new Set(all(n, 'skjermingMetadata').map((s) => screenedBy.get(s.text.trim().toLowerCase())).filter((f): f is ScreenedField => !!f))];
  return { accessCode: value(n, 'tilgangsrestriksjon') ?? 'U', legalBasis: value(n, 'skjermingshjemmel') ?? '', fields: fields.length ? fields : ['title'], titleWords: [], until: day(value(n, 'skjermingOpphoererDato')) };
}

export function retentionOf(n: Node | undefined, targetType: ImportedRetention['targetType'], targetId: string, createdAt: Date, createdBy: string): ImportedRetention | null {
  if (!n) return null;
  return {
    targetType, targetId, decision: retention(value(n, 'kassasjonsvedtak')) ?? 'keep', authority: value(n, 'kassasjonshjemmel') ?? '',
    years: Number(value(n, 'bevaringstid') ?? 0), disposalDate: day(value(n, 'kassasjonsdato')) ?? '9999-12-31', createdAt, createdBy,
  };
}

function remarks(n: Node, m: Mapping): ImportedRemark[] {
  return all(n, 'merknad').map((r) => ({
    type: m.names.remarkType(value(r, 'merknadstype') ?? 'general'), text: value(r, 'merknadstekst') ?? '', createdAt: instant(value(r, 'merknadsdato'))!, createdBy: value(r, 'merknadRegistrertAv') ?? UNKNOWN,
  }));
}

const orNull = (v: string | null) => (v && v !== UNKNOWN ? v : null);

/** A saksmappe and all it holds. seriesId and classId are the archive ids it goes into. */
export function caseFileOf(n: Node, seriesId: string, classId: string | null, m: Mapping): ImportedCase {
  const id = newId();
  const createdAt = instant(value(n, 'opprettetDato'))!;
  const createdBy = value(n, 'opprettetAv') ?? UNKNOWN;
  const [year, sequence] = [Number(value(n, 'saksaar')), Number(value(n, 'sakssekvensnummer'))];
  const status = caseStatus(value(n, 'saksstatus'));
  for (const x of ['part', 'presedens', 'undermappe', 'virksomhetsspesifikkeMetadata']) for (const _ of all(n, x)) m.note(`mappe/${x} (not loaded)`);
  const entries = all(n, 'registrering').map((r, i) => entryOf(r, i + 1, year, seriesId, m));
  // journalpostnummer is unique within a case file here; some systems repeat it (or leave it at 1).
  if (new Set(entries.map((e) => e.numberInCase)).size !== entries.length) {
    m.note('registrering/journalpostnummer (repeated within a case file: numbered in order instead)');
    entries.forEach((e, i) => (e.numberInCase = i + 1));
  }
  for (const sub of all(n, 'mappe')) m.note(`mappe/mappe of type ${sub.type || 'mappe'} (not loaded)`);
  return {
    id, systemId: value(n, 'systemID')!, seriesId, classId, year, sequence, title: value(n, 'tittel') ?? '–', publicTitle: value(n, 'offentligTittel') ?? value(n, 'tittel') ?? '–',
    description: value(n, 'beskrivelse'), status: status === 'void' ? 'void' : 'closed', caseDate: day(value(n, 'saksdato')) ?? day(value(n, 'opprettetDato'))!,
    unit: orNull(value(n, 'administrativEnhet')), officer: orNull(value(n, 'saksansvarlig')), screening: screening(child(n, 'skjerming')),
    keywords: all(n, 'noekkelord').map((k) => k.text.trim()).filter(Boolean), createdAt, createdBy,
    closedAt: instant(value(n, 'avsluttetDato')), closedBy: value(n, 'avsluttetAv'), retention: retentionOf(child(n, 'kassasjon'), 'case-file', id, createdAt, createdBy),
    remarks: remarks(n, m), entries,
  };
}

function entryOf(n: Node, position: number, caseYear: number, seriesId: string, m: Mapping): ImportedEntry {
  const createdAt = instant(value(n, 'opprettetDato'))!;
  const journalDate = day(value(n, 'journaldato')) ?? createdAt.toISOString().slice(0, 10);
  const year = Number(value(n, 'journalaar') ?? (journalDate.slice(0, 4) || caseYear));
  let sequence = Number(value(n, 'journalsekvensnummer') ?? 0);
  if (!value(n, 'journalsekvensnummer')) {
    const key = `${seriesId}:${year}`;
    sequence = (m.unnumbered.get(key) ?? UNNUMBERED_FROM) + 1;
    m.unnumbered.set(key, sequence);
    m.note(`registrering without journalsekvensnummer (numbered from ${UNNUMBERED_FROM + 1} in its series and year)`);
  }
  const parties = all(n, 'korrespondansepart');
  // The export makes an internal party from the entry's unit and officer when it has none; read
  // back, that party is the unit and officer again, not a row of its own.
  const only = parties.length === 1 ? parties[0]! : undefined;
  const unit = orNull(parties.map((p) => value(p, 'administrativEnhet')).find(Boolean) ?? null);
  const officer = orNull(parties.map((p) => value(p, 'saksbehandler')).find(Boolean) ?? null);
  const derived = only && partyRole(value(only, 'korrespondanseparttype')) === 'internal-sender' && !value(only, 'postadresse') && !value(only, 'epostadresse')
    && (value(only, 'administrativEnhet') || value(only, 'saksbehandler')) && value(only, 'korrespondansepartNavn') === (officer ?? unit ?? UNKNOWN);
  const correspondents: ImportedCorrespondent[] = derived ? [] : parties.map((p) => ({
    role: partyRole(value(p, 'korrespondanseparttype')) ?? 'sender', name: value(p, 'korrespondansepartNavn') ?? UNKNOWN, address: value(p, 'postadresse'),
    postalCode: value(p, 'postnummer'), postalTown: value(p, 'poststed'), country: value(p, 'land'), email: value(p, 'epostadresse'),
  }));
  const status = entryStatus(value(n, 'journalstatus'));
  for (const x of ['part', 'presedens', 'dokumentflyt', 'elektroniskSignatur', 'virksomhetsspesifikkeMetadata']) for (const _ of all(n, x)) m.note(`registrering/${x} (not loaded)`);
  if (child(n, 'kassasjon')) m.note('registrering/kassasjon (not loaded)');
  const published = value(n, 'offentlighetsvurdertDato');
  return {
    id: newId(), systemId: value(n, 'systemID')!, year, sequence,
    numberInCase: Number(value(n, 'journalpostnummer') ?? position),
    type: entryType(value(n, 'journalposttype')) ?? (n.type === 'arkivnotat' ? 'internal-without-followup' : 'incoming'),
    status: status === 'void' ? 'void' : 'archived', title: value(n, 'tittel') ?? '–', publicTitle: value(n, 'offentligTittel') ?? value(n, 'tittel') ?? '–',
    description: value(n, 'beskrivelse'), documentDate: day(value(n, 'dokumentetsDato')), receivedDate: day(value(n, 'mottattDato')), sentDate: day(value(n, 'sendtDato')),
    dueDate: day(value(n, 'forfallsdato')), journalDate, publishedAt: published ? instant(day(published)) : null, unit, officer,
    screening: screening(child(n, 'skjerming')), createdAt, createdBy: value(n, 'opprettetAv') ?? UNKNOWN,
    archivedAt: instant(value(n, 'arkivertDato')), archivedBy: value(n, 'arkivertAv'), correspondents,
    followUps: all(n, 'avskrivning').map((f) => ({
      method: followUp(value(f, 'avskrivningsmaate')) ?? 'noted', byEntrySystemId: value(f, 'referanseAvskrivesAvJournalpost'),
      at: instant(value(f, 'avskrivningsdato'))!, by: value(f, 'avskrevetAv') ?? UNKNOWN,
    })),
    remarks: remarks(n, m), documents: all(n, 'dokumentbeskrivelse').map((d) => documentOf(d, m)),
  };
}

/** A date the plan has checked (plan.ts refuses a package with one that is no date): checked again, never stored as Invalid Date. */
function dateOf(n: Node, name: string): Date {
  const v = value(n, name);
  if (!v || !isDateValue(v)) throw new Error(`arkivstruktur.xml line ${n.line}: ${n.name}/${name} "${v ?? ''}" is not a date`);
  return instant(v)!;
}

function deletionOf(n: Node | undefined, m: Mapping): ImportedDocument['deletion'] {
  if (!n) return null;
  const type = value(n, 'slettingstype');
  const kind: DeletionKind | undefined = deletionKind(type);
  if (!kind && type && unmappedDeletionTypes.has(type.toLowerCase())) {
    m.note(`dokumentbeskrivelse/sletting of type "${type}" (not loaded)`);
    return null;
  }
  if (!kind) throw new Error(`arkivstruktur.xml line ${n.line}: slettingstype "${type ?? ''}" is not one we know`);
  return { kind, at: dateOf(n, 'slettetDato'), by: value(n, 'slettetAv') ?? UNKNOWN };
}

function conversionOf(n: Node): ImportedConversion {
  return {
    at: dateOf(n, 'konvertertDato'), by: value(n, 'konvertertAv') ?? UNKNOWN, fromFormat: value(n, 'konvertertFraFormat') ?? 'UNKNOWN', toFormat: value(n, 'konvertertTilFormat') ?? 'UNKNOWN',
    tool: value(n, 'konverteringsverktoey'), comment: value(n, 'konverteringskommentar'),
  };
}

function documentOf(n: Node, m: Mapping): ImportedDocument {
  const disposal = child(n, 'utfoertKassasjon');
  // Retention decisions here are on series, classes and case files; a document has no place for one.
  if (child(n, 'kassasjon')) m.note('dokumentbeskrivelse/kassasjon (not loaded)');
  return {
    id: newId(), systemId: value(n, 'systemID')!, number: Number(value(n, 'dokumentnummer') ?? 1), relation: relation(value(n, 'tilknyttetRegistreringSom')) ?? 'main',
    title: value(n, 'tittel') ?? '–', type: m.names.documentType(value(n, 'dokumenttype') ?? 'letter'), status: documentStatus(value(n, 'dokumentstatus')) ?? 'final',
    screening: screening(child(n, 'skjerming')), createdAt: instant(value(n, 'opprettetDato'))!, createdBy: value(n, 'opprettetAv') ?? UNKNOWN, remarks: remarks(n, m),
    disposal: disposal ? { at: dateOf(disposal, 'kassertDato'), by: value(disposal, 'kassertAv') ?? UNKNOWN } : null,
    deletion: deletionOf(child(n, 'sletting'), m),
    objects: all(n, 'dokumentobjekt').map((o) => {
      const path = value(o, 'referanseDokumentfil')!;
      const id = newId();
      m.objects.push({ path, checksum: (value(o, 'sjekksum') ?? '').toLowerCase(), size: Number(value(o, 'filstoerrelse') ?? -1), id });
      return {
        id, systemId: value(o, 'systemID')!, version: Number(value(o, 'versjonsnummer') ?? 1), variant: variant(value(o, 'variantformat')) ?? 'archival',
        format: value(o, 'format') ?? 'UNKNOWN', formatDetails: value(o, 'formatDetaljer'), mimeType: mimeOf[extname(path).toLowerCase()] ?? 'application/octet-stream',
        fileName: basename(path), checksum: (value(o, 'sjekksum') ?? '').toLowerCase(), size: Number(value(o, 'filstoerrelse') ?? 0),
        createdAt: instant(value(o, 'opprettetDato'))!, createdBy: value(o, 'opprettetAv') ?? UNKNOWN, conversions: all(o, 'konvertering').map(conversionOf),
      };
    }),
  };
}
