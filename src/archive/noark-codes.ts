// SPDX-License-Identifier: EUPL-1.2
// Our English code words and the Noark 5 codelists they stand for, in one place: the extraction
// (arkivstruktur.xml), the journal and the Noark 5 web-service edge all translate through here.
import type { CaseFileStatus, EntryStatus, EntryType, FollowUpMethod, ScreenedField } from './tables.ts';

type Code = { code: string; name: string };

export const entryTypeCodes: Record<EntryType, Code> = {
  incoming: { code: 'I', name: 'Inngående dokument' },
  outgoing: { code: 'U', name: 'Utgående dokument' },
  'internal-with-followup': { code: 'N', name: 'Organinternt dokument for oppfølging' },
  'internal-without-followup': { code: 'X', name: 'Organinternt dokument uten oppfølging' },
  'case-memo': { code: 'S', name: 'Saksframlegg' },
};

export const entryStatusCodes: Record<EntryStatus, Code> = {
  reserved: { code: 'R', name: 'Reservert dokument' },
  registered: { code: 'J', name: 'Journalført' },
  finalised: { code: 'F', name: 'Ferdigstilt fra saksbehandler' },
  approved: { code: 'G', name: 'Godkjent av leder' },
  dispatched: { code: 'E', name: 'Ekspedert' },
  archived: { code: 'A', name: 'Arkivert' },
  void: { code: 'U', name: 'Utgår' },
};

export const caseFileStatusCodes: Record<CaseFileStatus, Code> = {
  'in-progress': { code: 'B', name: 'Under behandling' },
  'closed-by-officer': { code: 'S', name: 'Avsluttet av saksbehandler' },
  closed: { code: 'A', name: 'Avsluttet' },
  void: { code: 'U', name: 'Utgår' },
};

export const followUpCodes: Record<FollowUpMethod, Code> = {
  'replied-by-letter': { code: 'BU', name: 'Besvart med brev' },
  'replied-by-email': { code: 'BE', name: 'Besvart med e-post' },
  'replied-by-phone': { code: 'TLF', name: 'Besvart på telefon' },
  'replied-by-memo': { code: 'BN', name: 'Besvart med notat' },
  noted: { code: 'TE', name: 'Tatt til etterretning' },
  'for-information': { code: 'TO', name: 'Tatt til orientering' },
  'case-closed': { code: 'SA', name: 'Saken ble avsluttet' },
};

export const correspondentRoleCodes = {
  sender: { code: 'EA', name: 'Avsender' },
  recipient: { code: 'EM', name: 'Mottaker' },
  copy: { code: 'EK', name: 'Kopimottaker' },
  'internal-sender': { code: 'IA', name: 'Intern avsender' },
  'internal-recipient': { code: 'IM', name: 'Intern mottaker' },
} as const;

export const documentRelationCodes = { main: { code: 'H', name: 'Hoveddokument' }, attachment: { code: 'V', name: 'Vedlegg' } } as const;
export const documentStatusCodes = { draft: { code: 'B', name: 'Dokumentet er under redigering' }, final: { code: 'F', name: 'Dokumentet er ferdigstilt' } } as const;
export const variantCodes = {
  production: { code: 'P', name: 'Produksjonsformat' },
  archival: { code: 'A', name: 'Arkivformat' },
  redacted: { code: 'O', name: 'Dokument hvor deler av innholdet er skjermet' },
} as const;
export const retentionCodes = { keep: { code: 'B', name: 'Bevares' }, dispose: { code: 'K', name: 'Kasseres' }, 'review-later': { code: 'G', name: 'Vurderes senere' } } as const;

/** skjermingMetadata codes that a screened field implies (titles screen "selected words"). */
export const screeningMetadataCodes: Record<ScreenedField, Code[]> = {
  title: [{ code: 'TRO', name: 'Skjerming tittel registrering - utvalgte ord' }],
  description: [{ code: 'MT', name: 'Skjerming merknadstekst' }],
  correspondents: [
    { code: 'NA', name: 'Skjerming navn avsender' },
    { code: 'NM', name: 'Skjerming navn mottaker' },
  ],
  documents: [{ code: 'TD', name: 'Skjerming tittel dokumentbeskrivelse' }],
};
