// SPDX-License-Identifier: EUPL-1.2
// The words of the generated minutes, in the municipality's language (the PDF is the official
// record: written in nb for Norway and sv for Sweden; nn and en where a municipality chose them).
import type { Language } from '../common/languages.ts';

export interface MinutesWords {
  minutes: string; place: string; time: string; present: string; absent: string; substituteFor: string;
  closed: string; proposal: string; recommendation: string; amendment: string; disqualified: string;
  vote: string; carried: string; parties: string; decision: string; reservation: string; none: string; approvedBy: string;
}

export const minutesWords: Record<Language, MinutesWords> = {
  nb: {
    minutes: 'Møtebok', place: 'Møtested', time: 'Tidspunkt', present: 'Til stede', absent: 'Forfall', substituteFor: 'møtte for',
    closed: 'Behandlet for lukkede dører', proposal: 'Forslag', recommendation: 'Innstilling', amendment: 'Endringsforslag', disqualified: 'Inhabil',
    vote: 'Votering', carried: 'Vedtatt', parties: 'Per parti', decision: 'Vedtak', reservation: 'Reservasjon', none: 'Ingen', approvedBy: 'Godkjent av',
  },
  nn: {
    minutes: 'Møtebok', place: 'Møtestad', time: 'Tidspunkt', present: 'Til stades', absent: 'Forfall', substituteFor: 'møtte for',
    closed: 'Handsama for lukka dører', proposal: 'Framlegg', recommendation: 'Innstilling', amendment: 'Endringsframlegg', disqualified: 'Ugild',
    vote: 'Røysting', carried: 'Vedteke', parties: 'Per parti', decision: 'Vedtak', reservation: 'Reservasjon', none: 'Ingen', approvedBy: 'Godkjend av',
  },
  sv: {
    minutes: 'Protokoll', place: 'Plats', time: 'Tid', present: 'Närvarande', absent: 'Frånvarande', substituteFor: 'tjänstgjorde för',
    closed: 'Behandlat inom stängda dörrar', proposal: 'Yrkande', recommendation: 'Förslag till beslut', amendment: 'Ändringsyrkande', disqualified: 'Jäv',
    vote: 'Votering', carried: 'Beslutat', parties: 'Per parti', decision: 'Beslut', reservation: 'Reservation', none: 'Inga', approvedBy: 'Godkänt av',
  },
  en: {
    minutes: 'Minutes', place: 'Place', time: 'Time', present: 'Present', absent: 'Absent', substituteFor: 'attending for',
    closed: 'Heard behind closed doors', proposal: 'Proposal', recommendation: 'Recommendation', amendment: 'Amendment', disqualified: 'Disqualified',
    vote: 'Vote', carried: 'Carried', parties: 'By party', decision: 'Decision', reservation: 'Reservation', none: 'None', approvedBy: 'Approved by',
  },
};
