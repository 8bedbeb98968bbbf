// SPDX-License-Identifier: EUPL-1.2
// The demo councils' texts: bodies, parties (seats in the council), synthetic members' names, and
// the political cases of the two held meetings, per country. Names are invented combinations.
export interface DemoCouncilText {
  council: { code: string; name: string; shortName: string; publishDaysBefore: number };
  executive: { code: string; name: string; shortName: string; publishDaysBefore: number };
  /** Party letters, name, seats in the council (the executive takes the first of each party's seats in turn). */
  parties: { code: string; name: string; seats: number }[];
  given: string[];
  family: string[];
  /** The cases of a held meeting: title, recommendation, decision; the first is voted on with a split. */
  cases: { title: string; recommendation: string; decision: string; amendment?: { party: string; text: string } }[][];
  closed: { title: string; legalBasis: string; decision: string };
  labels: { for: string; against: string; vote: string };
  location: string;
}

export const demoCouncils: Record<'NO' | 'SE', DemoCouncilText> = {
  NO: {
    council: { code: 'kommunestyret', name: 'Kommunestyret', shortName: 'KST', publishDaysBefore: 10 },
    executive: { code: 'formannskapet', name: 'Formannskapet', shortName: 'FSK', publishDaysBefore: 7 },
    parties: [
      { code: 'Ap', name: 'Arbeiderpartiet', seats: 5 }, { code: 'Sp', name: 'Senterpartiet', seats: 4 }, { code: 'H', name: 'Høyre', seats: 3 },
      { code: 'FrP', name: 'Fremskrittspartiet', seats: 2 }, { code: 'SV', name: 'Sosialistisk Venstreparti', seats: 2 }, { code: 'KrF', name: 'Kristelig Folkeparti', seats: 1 },
    ],
    given: ['Astrid', 'Bjørn', 'Cecilie', 'Dag', 'Elin', 'Frode', 'Gro', 'Harald', 'Ida', 'Jon', 'Kjersti', 'Leif', 'Mona', 'Nils', 'Oda', 'Per', 'Ragnhild', 'Svein', 'Tone', 'Unni', 'Vidar', 'Wenche', 'Øyvind'],
    family: ['Aune', 'Bakken', 'Dahl', 'Eide', 'Fjeld', 'Grønli', 'Haugen', 'Isaksen', 'Jakobsen', 'Karlsen', 'Lie', 'Moen', 'Nygård', 'Olsen', 'Pettersen', 'Rasmussen', 'Solberg', 'Strand', 'Thorsen', 'Utsi', 'Vik', 'Wollan', 'Ås'],
    cases: [
      [
        { title: 'Budsjett 2027 og økonomiplan 2027–2030', recommendation: 'Kommunedirektørens forslag til budsjett 2027 og økonomiplan 2027–2030 vedtas.', decision: 'Budsjett 2027 og økonomiplan 2027–2030 vedtas som foreslått av kommunedirektøren, med endringer i formannskapets innstilling.', amendment: { party: 'H', text: 'Eiendomsskatten reduseres fra 4 til 3 promille fra 2027.' } },
        { title: 'Reguleringsplan for Storsteinnes sentrum – sluttbehandling', recommendation: 'Reguleringsplan for Storsteinnes sentrum vedtas med hjemmel i plan- og bygningsloven § 12-12.', decision: 'Reguleringsplan for Storsteinnes sentrum vedtas med hjemmel i plan- og bygningsloven § 12-12.' },
      ],
      [
        { title: 'Skolestruktur – høring av utredning', recommendation: 'Utredningen om skolestruktur sendes på høring med frist 1. mars.', decision: 'Utredningen om skolestruktur sendes på høring med frist 1. mars. Foreldrerådene ved alle skoler inviteres særskilt.', amendment: { party: 'Sp', text: 'Utredningen legges bort; dagens skolestruktur videreføres.' } },
        { title: 'Revisjon av politisk reglement', recommendation: 'Politisk reglement vedtas med endringene i vedlegget.', decision: 'Politisk reglement vedtas med endringene i vedlegget.' },
      ],
    ],
    closed: { title: 'Tilsetting av kommunalsjef for helse og omsorg', legalBasis: 'kommuneloven § 11-5 andre ledd bokstav a', decision: 'Tilsetting gjort i lukket møte.' },
    labels: { for: 'For', against: 'Mot', vote: 'Votering over budsjettet' },
    location: 'Kommunestyresalen, rådhuset',
  },
  SE: {
    council: { code: 'kommunfullmaktige', name: 'Kommunfullmäktige', shortName: 'KF', publishDaysBefore: 7 },
    executive: { code: 'kommunstyrelsen', name: 'Kommunstyrelsen', shortName: 'KS', publishDaysBefore: 7 },
    parties: [
      { code: 'S', name: 'Socialdemokraterna', seats: 5 }, { code: 'M', name: 'Moderaterna', seats: 4 }, { code: 'C', name: 'Centerpartiet', seats: 3 },
      { code: 'SD', name: 'Sverigedemokraterna', seats: 3 }, { code: 'KD', name: 'Kristdemokraterna', seats: 2 }, { code: 'L', name: 'Liberalerna', seats: 1 },
    ],
    given: ['Agneta', 'Bengt', 'Camilla', 'David', 'Eva', 'Fredrik', 'Gunilla', 'Hans', 'Ingrid', 'Jan', 'Karin', 'Lars', 'Malin', 'Niklas', 'Olof', 'Pia', 'Rolf', 'Stina', 'Tomas', 'Ulrika', 'Viktor', 'Åke', 'Östen'],
    family: ['Andersson', 'Berg', 'Carlsson', 'Danielsson', 'Ek', 'Forsberg', 'Gustafsson', 'Hedlund', 'Isaksson', 'Johansson', 'Karlsson', 'Lindberg', 'Magnusson', 'Nilsson', 'Olsson', 'Persson', 'Rydberg', 'Svensson', 'Törnqvist', 'Uddén', 'Wallin', 'Åberg', 'Öberg'],
    cases: [
      [
        { title: 'Budget 2027 och flerårsplan 2028–2029', recommendation: 'Kommunstyrelsens förslag till budget 2027 och flerårsplan 2028–2029 fastställs.', decision: 'Budget 2027 och flerårsplan 2028–2029 fastställs enligt kommunstyrelsens förslag.', amendment: { party: 'M', text: 'Skattesatsen sänks med 10 öre till 21,89 kronor.' } },
        { title: 'Detaljplan för kvarteret Lärkan – antagande', recommendation: 'Detaljplanen för kvarteret Lärkan antas.', decision: 'Detaljplanen för kvarteret Lärkan antas.' },
      ],
      [
        { title: 'Ny förskola i centralorten – investeringsbeslut', recommendation: 'Investeringen i en ny förskola med sex avdelningar godkänns.', decision: 'Investeringen i en ny förskola med sex avdelningar godkänns inom en ram av 62 miljoner kronor.', amendment: { party: 'SD', text: 'Ärendet återremitteras för utredning av en mindre förskola.' } },
        { title: 'Revidering av arbetsordning för kommunfullmäktige', recommendation: 'Den reviderade arbetsordningen antas.', decision: 'Den reviderade arbetsordningen antas.' },
      ],
    ],
    closed: { title: 'Förvärv av fastighet – förhandlingsläge', legalBasis: 'offentlighets- och sekretesslagen 19 kap. 1 §', decision: 'Beslut fattat bakom stängda dörrar.' },
    labels: { for: 'Ja', against: 'Nej', vote: 'Omröstning om budgeten' },
    location: 'Sessionssalen, kommunhuset',
  },
};
