// SPDX-License-Identifier: EUPL-1.2
// Writes the parts of arkivstruktur.xml below a class: saksmappe, journalpost, dokumentbeskrivelse,
// dokumentobjekt, and what hangs on them (part, merknad, kryssreferanse, kassasjon, skjerming,
// avskrivning, konvertering, utført kassasjon, sletting), in the element order of the XSD.
import { SCREENED_MARK, type Screening } from '../../common/screening.ts';
import { caseFileStatusCodes, correspondentRoleCodes, documentRelationCodes, documentStatusCodes, entryStatusCodes, entryTypeCodes, followUpCodes, retentionCodes, screeningMetadataCodes, variantCodes } from '../../archive/service.ts';
import { formatNumber } from '../../archive/service.ts';
import type { XmlWriter } from './xml-writer.ts';
import type { CaseRow, ConversionRow, CorrespondentRow, CrossRefRow, DeletionRow, DisposalRow, DocumentRow, EntryRow, FollowUpRow, ObjectRow, RemarkRow, RetentionRow } from './repository.ts';

/** Everything read for one batch of case files, grouped by the id it hangs on. */
export interface Batch {
  entries: Map<string, EntryRow[]>;
  correspondents: Map<string, CorrespondentRow[]>;
  followUps: Map<string, FollowUpRow[]>;
  documents: Map<string, DocumentRow[]>;
  objects: Map<string, ObjectRow[]>;
  conversions: Map<string, ConversionRow>;
  /** conversions that made an object, by the object they made */
  produced: Map<string, ConversionRow[]>;
  remarks: Map<string, RemarkRow[]>;
  crossRefs: Map<string, CrossRefRow[]>;
  retention: Map<string, RetentionRow>;
  disposals: Map<string, DisposalRow>;
  deletions: Map<string, DeletionRow>;
  archivers: Map<string, string>;
}

/** One file of the package: the object (or conversion) it comes from and where it goes. */
export interface PackageFile {
  path: string;
  checksum: string;
  size: number;
  /** PRONOM id and formatDetaljer, detected from the file's content */
  format: string;
  details: string | null;
}

export interface UnitContext {
  names: { documentType: (code: string) => string; remarkType: (code: string) => string; classificationType: (code: string) => string };
  /** Where the file of an object (or of its conversion) went in the package, prepared before writing. */
  placed: Map<string, PackageFile>;
  counts: { mappe: number; registrering: number; dokumentobjekt: number; screened: boolean; disposed: boolean; toDispose: boolean };
  today: string;
  /** systemID of the case files' own series when they are written under another one's shared classification system (referanseArkivdel) */
  seriesRef: string | null;
}

const date = (d: Date | string) => (d instanceof Date ? d.toISOString().slice(0, 10) : d.slice(0, 10));
/** A date written where the schema wants xs:dateTime (mottattDato, sendtDato): midnight of that day. */
const asDateTime = (d: string | null) => (d ? `${d.slice(0, 10)}T00:00:00` : null);
const UNKNOWN = 'Ikke oppgitt';

export const group = <T>(list: T[], key: (row: T) => string): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const row of list) {
    const k = key(row);
    const bucket = map.get(k);
    if (bucket) bucket.push(row);
    else map.set(k, [row]);
  }
  return map;
};

export function writeKassasjon(w: XmlWriter, r: RetentionRow | undefined, u: UnitContext): void {
  if (!r) return;
  // Arkade (N5.44) reads inneholderDokumenterSomSkalKasseres as "the package has kassasjon elements", whatever they decide.
  u.counts.toDispose = true;
  w.start('kassasjon')
    .required('kassasjonsvedtak', retentionCodes[r.decision as keyof typeof retentionCodes]?.name ?? r.decision)
    .leaf('kassasjonshjemmel', r.authority)
    .required('bevaringstid', r.preservation_years)
    .required('kassasjonsdato', r.disposal_date)
    .end();
}

function writeSkjerming(w: XmlWriter, s: Screening | null, kind: 'mappe' | 'registrering' | 'dokument', u: UnitContext): void {
  if (!s) return;
  u.counts.screened = true;
  const fields = s.fields.length ? s.fields : ['title' as const];
  const metadata = [...new Set(fields.flatMap((f) => screeningMetadataCodes[f].map((c) => c.name)))].map((name) =>
    kind === 'mappe' ? name.replace('tittel registrering', 'tittel mappe') : name,
  );
  w.start('skjerming').required('tilgangsrestriksjon', s.accessCode).required('skjermingshjemmel', s.legalBasis);
  for (const m of metadata) w.leaf('skjermingMetadata', m);
  if (kind === 'dokument') w.leaf('skjermingDokument', 'Hele dokumentet');
  w.leaf('skjermingOpphoererDato', s.until ?? null).end();
}

function writeMerknader(w: XmlWriter, remarks: RemarkRow[] | undefined, u: UnitContext): void {
  for (const r of remarks ?? [])
    w.start('merknad').required('merknadstekst', r.text).leaf('merknadstype', u.names.remarkType(r.remark_type)).required('merknadsdato', r.created_at).required('merknadRegistrertAv', r.created_by).end();
}

function writeKryssreferanser(w: XmlWriter, refs: CrossRefRow[] | undefined): void {
  for (const x of refs ?? []) {
    if (!x.to_system_id) continue;
    const element = x.to_type === 'class' ? 'referanseTilKlasse' : x.to_type === 'case-file' ? 'referanseTilMappe' : 'referanseTilRegistrering';
    w.start('kryssreferanse').required(element, x.to_system_id).end();
  }
}

export function writeCaseFile(w: XmlWriter, c: CaseRow, b: Batch, u: UnitContext): void {
  u.counts.mappe++;
  w.start('mappe', { 'xsi:type': 'saksmappe' })
    .required('systemID', c.system_id)
    .required('mappeID', formatNumber(c.case_year, c.case_sequence))
    .required('tittel', c.title)
    .leaf('offentligTittel', c.public_title);
  w.leaf('beskrivelse', c.description);
  for (const k of c.keywords ?? []) w.leaf('noekkelord', k);
  w.required('opprettetDato', c.created_at).required('opprettetAv', c.created_by);
  // A void case has no closing of its own: the schema wants avsluttetDato, and it ended when made void.
  w.required('avsluttetDato', c.closed_at ?? c.created_at).required('avsluttetAv', c.closed_by ?? c.created_by).leaf('referanseArkivdel', u.seriesRef);
  writeKryssreferanser(w, b.crossRefs.get(c.id));
  writeMerknader(w, b.remarks.get(c.id), u);
  writeKassasjon(w, b.retention.get(c.id), u);
  writeSkjerming(w, c.screening, 'mappe', u);
  for (const e of b.entries.get(c.id) ?? []) writeEntry(w, c, e, b, u);
  w.required('saksaar', c.case_year)
    .required('sakssekvensnummer', c.case_sequence)
    .required('saksdato', c.case_date)
    .required('administrativEnhet', c.unit ?? UNKNOWN)
    .required('saksansvarlig', c.officer ?? UNKNOWN)
    .required('saksstatus', caseFileStatusCodes[c.status as keyof typeof caseFileStatusCodes]?.name ?? c.status)
    .end();
}

/** The correspondence parties of an entry; a memo without any gets its internal one from unit and officer. */
export function partiesOf(e: EntryRow, b: Batch): { type: string; name: string; row?: CorrespondentRow }[] {
  const rows = b.correspondents.get(e.id) ?? [];
  if (rows.length) return rows.map((r) => ({ type: correspondentRoleCodes[r.role as keyof typeof correspondentRoleCodes]?.name ?? r.role, name: r.name, row: r }));
  return [{ type: correspondentRoleCodes['internal-sender'].name, name: e.officer ?? e.unit ?? UNKNOWN }];
}

function writeEntry(w: XmlWriter, c: CaseRow, e: EntryRow, b: Batch, u: UnitContext): void {
  u.counts.registrering++;
  const archivedAt = e.archived_at ?? c.closed_at ?? e.created_at;
  const archivedBy = e.archived_by ?? b.archivers.get(e.id) ?? c.closed_by ?? e.created_by;
  w.start('registrering', { 'xsi:type': 'journalpost' })
    .required('systemID', e.system_id)
    .required('opprettetDato', e.created_at)
    .required('opprettetAv', e.created_by)
    .required('arkivertDato', archivedAt)
    .required('arkivertAv', archivedBy);
  writeKassasjon(w, b.retention.get(e.id), u);
  writeSkjerming(w, e.screening, 'registrering', u);
  for (const d of b.documents.get(e.id) ?? []) writeDocument(w, c, e, d, b, u);
  w.required('tittel', e.title).leaf('offentligTittel', e.public_title).leaf('beskrivelse', e.description);
  writeMerknader(w, b.remarks.get(e.id), u);
  writeKryssreferanser(w, b.crossRefs.get(e.id));
  for (const p of partiesOf(e, b)) {
    w.start('korrespondansepart').required('korrespondanseparttype', p.type).required('korrespondansepartNavn', p.name);
    if (p.row) w.leaf('postadresse', p.row.address).leaf('postnummer', p.row.postal_code).leaf('poststed', p.row.postal_town).leaf('land', p.row.country).leaf('epostadresse', p.row.email);
    else w.leaf('administrativEnhet', e.unit).leaf('saksbehandler', e.officer);
    w.end();
  }
  const attachments = (b.documents.get(e.id) ?? []).filter((d) => d.relation === 'attachment').length;
  w.required('journalaar', e.entry_year)
    .required('journalsekvensnummer', e.entry_sequence)
    .required('journalpostnummer', e.number_in_case)
    .required('journalposttype', entryTypeCodes[e.type as keyof typeof entryTypeCodes]?.name ?? e.type)
    .required('journalstatus', entryStatusCodes[e.status as keyof typeof entryStatusCodes]?.name ?? e.status)
    .required('journaldato', e.journal_date)
    .leaf('dokumentetsDato', e.document_date)
    .leaf('mottattDato', asDateTime(e.received_date))
    .leaf('sendtDato', asDateTime(e.sent_date))
    .leaf('forfallsdato', e.due_date)
    .leaf('offentlighetsvurdertDato', e.published_at ? date(e.published_at) : null)
    .leaf('antallVedlegg', attachments || null);
  for (const f of b.followUps.get(e.id) ?? []) {
    w.start('avskrivning')
      .required('avskrivningsdato', date(f.followed_up_at))
      .required('avskrevetAv', f.followed_up_by)
      .required('avskrivningsmaate', followUpCodes[f.method as keyof typeof followUpCodes]?.name ?? f.method)
      .leaf('referanseAvskrivesAvJournalpost', f.by_entry)
      .end();
  }
  w.end();
}

/** Per version the object a depot wants: the archival variant, else the production one (converted when it could be); redacted copies too. */
export function objectsToDeposit(objects: ObjectRow[], deletions: Map<string, DeletionRow>): ObjectRow[] {
  const present = objects.filter((o) => !deletions.has(o.id));
  return present.filter((o) => o.variant !== 'production' || !present.some((a) => a.version === o.version && a.variant === 'archival'));
}

function writeDocument(w: XmlWriter, c: CaseRow, e: EntryRow, d: DocumentRow, b: Batch, u: UnitContext): void {
  w.start('dokumentbeskrivelse')
    .required('systemID', d.system_id)
    .required('dokumenttype', u.names.documentType(d.document_type))
    .required('dokumentstatus', documentStatusCodes[d.status as keyof typeof documentStatusCodes]?.name ?? d.status)
    .required('tittel', d.title)
    .required('opprettetDato', d.created_at)
    .required('opprettetAv', d.created_by)
    .required('tilknyttetRegistreringSom', documentRelationCodes[d.relation as keyof typeof documentRelationCodes]?.name ?? d.relation)
    .required('dokumentnummer', d.document_number)
    .required('tilknyttetDato', d.created_at)
    .required('tilknyttetAv', d.created_by);
  writeMerknader(w, b.remarks.get(d.id), u);
  writeKassasjon(w, b.retention.get(d.id), u);
  const disposal = b.disposals.get(d.id) ?? b.disposals.get(c.id);
  if (disposal) {
    u.counts.disposed = true;
    w.start('utfoertKassasjon').required('kassertDato', disposal.executed_at).required('kassertAv', disposal.executed_by).end();
  }
  const objects = b.objects.get(d.id) ?? [];
  const deleted = objects.map((o) => b.deletions.get(o.id)).find(Boolean);
  if (deleted) {
    const type = deleted.kind === 'production-format' ? 'Sletting av produksjonsformat' : deleted.kind === 'earlier-version' ? 'Sletting av tidligere versjon' : 'Sletting av variant med sladdet informasjon';
    w.start('sletting').required('slettingstype', type).required('slettetDato', deleted.deleted_at).required('slettetAv', deleted.deleted_by).end();
  }
  writeSkjerming(w, d.screening, 'dokument', u);
  if (!disposal) {
    for (const o of objectsToDeposit(objects, b.deletions)) {
      const conversion = b.conversions.get(o.id);
      const file = u.placed.get(o.id);
      if (!file) throw new Error(`the file of document ${d.document_number} version ${o.version} of entry ${formatNumber(e.entry_year, e.entry_sequence)} was not prepared`);
      u.counts.dokumentobjekt++;
      w.start('dokumentobjekt')
        .required('systemID', conversion ? conversion.id : o.system_id)
        .required('versjonsnummer', o.version)
        .required('variantformat', conversion ? variantCodes.archival.name : variantCodes[o.variant as keyof typeof variantCodes]?.name ?? o.variant)
        .required('format', file.format)
        .leaf('formatDetaljer', file.details)
        .required('opprettetDato', conversion ? conversion.converted_at : o.created_at)
        .required('opprettetAv', conversion ? conversion.converted_by : o.created_by)
        .required('referanseDokumentfil', file.path)
        .required('sjekksum', file.checksum)
        .required('sjekksumAlgoritme', 'SHA256')
        .required('filstoerrelse', file.size);
      for (const k of [...(b.produced.get(o.id) ?? []), ...(conversion ? [conversion] : [])])
        w.start('konvertering')
          .required('konvertertDato', k.converted_at)
          .required('konvertertAv', k.converted_by)
          .required('konvertertFraFormat', k.from_format)
          .required('konvertertTilFormat', k.to_format)
          .leaf('konverteringsverktoey', k.tool)
          .leaf('konverteringskommentar', k.comment)
          .end();
      w.end();
    }
  }
  w.end();
}

export { SCREENED_MARK };
