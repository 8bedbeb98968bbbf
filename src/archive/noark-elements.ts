// SPDX-License-Identifier: EUPL-1.2
// The Noark 5 metadata element each logged column stands for (endringslogg's referanseMetadata
// names the element, not our column), and the code-to-name translation of logged values, so the
// change log of an extraction reads in the standard's terms.
import type { Screening } from '../common/screening.ts';
import { caseFileStatusCodes, entryStatusCodes, entryTypeCodes, followUpCodes, correspondentRoleCodes } from './noark-codes.ts';

const byEntity: Record<string, Record<string, string>> = {
  'case-file': {
    title: 'tittel', public_title: 'offentligTittel', description: 'beskrivelse', status: 'saksstatus', case_date: 'saksdato',
    class_id: 'referanseKlasse', series_id: 'referanseArkivdel', keywords: 'noekkelord', screening: 'skjerming',
    responsible_unit: 'administrativEnhet', responsible_unit_id: 'administrativEnhet', responsible_officer: 'saksansvarlig', responsible_officer_id: 'saksansvarlig',
  },
  'registry-entry': {
    title: 'tittel', public_title: 'offentligTittel', description: 'beskrivelse', status: 'journalstatus', type: 'journalposttype',
    document_date: 'dokumentetsDato', received_date: 'mottattDato', sent_date: 'sendtDato', due_date: 'forfallsdato', journal_date: 'journaldato',
    published_at: 'offentlighetsvurdertDato', screening: 'skjerming',
    responsible_unit: 'administrativEnhet', responsible_unit_id: 'administrativEnhet', responsible_officer: 'saksbehandler', responsible_officer_id: 'saksbehandler',
  },
  document: { title: 'tittel', document_type: 'dokumenttype', status: 'dokumentstatus', screening: 'skjermingDokument', relation: 'tilknyttetRegistreringSom' },
  'document-object': { format: 'format', format_details: 'formatDetaljer', variant: 'variantformat' },
  correspondent: { name: 'korrespondansepartNavn', role: 'korrespondanseparttype', address: 'postadresse', postal_code: 'postnummer', postal_town: 'poststed', country: 'land', email: 'epostadresse' },
  'follow-up': { method: 'avskrivningsmaate', by_registry_entry_id: 'referanseAvskrivesAvJournalpost' },
  series: {
    title: 'tittel', status: 'arkivdelstatus', period_start: 'arkivperiodeStartDato', period_end: 'arkivperiodeSluttDato', closed_at: 'avsluttetDato',
    closed_by: 'avsluttetAv', predecessor_id: 'referanseForloeper', successor_id: 'referanseArvtaker', separation: 'arkivdelstatus',
  },
  fonds: { title: 'tittel', description: 'beskrivelse', status: 'arkivstatus', closed_at: 'avsluttetDato', closed_by: 'avsluttetAv' },
  class: { title: 'tittel', class_id: 'klasseID' },
  remark: { text: 'merknadstekst', remark_type: 'merknadstype' },
  'retention-decision': { decision: 'kassasjonsvedtak', authority: 'kassasjonshjemmel', preservation_years: 'bevaringstid', disposal_date: 'kassasjonsdato' },
};

/** The Noark 5 element a logged field of an entity type stands for; the field itself if none is known. */
export const noarkElement = (entityType: string, field: string): string => byEntity[entityType]?.[field] ?? field;

const seriesStatus: Record<string, string> = { active: 'Aktiv periode', overlap: 'Overlappingsperiode', closed: 'Avsluttet periode' };
const valueNames: Record<string, Record<string, Record<string, { name: string }>>> = {
  'case-file': { status: caseFileStatusCodes },
  'registry-entry': { status: entryStatusCodes, type: entryTypeCodes },
  'follow-up': { method: followUpCodes },
  correspondent: { role: correspondentRoleCodes },
};

/** A logged value as the extraction writes it: code words translated, screening summarised. */
export function noarkValue(entityType: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (entityType === 'series' && field === 'status') return seriesStatus[String(value)] ?? String(value);
  const names = valueNames[entityType]?.[field];
  if (names && typeof value === 'string') return names[value]?.name ?? value;
  if (field === 'screening' && typeof value === 'object') {
    const s = value as Screening;
    return `${s.accessCode} ${s.legalBasis}`.trim();
  }
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
