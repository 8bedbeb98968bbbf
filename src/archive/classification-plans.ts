// SPDX-License-Identifier: EUPL-1.2
// The classifications a new municipality starts with. Norway: a selection of the primary function
// codes of KS' K-koder (arkivnøkkel for kommunene). Sweden: main groups of a process-based plan in
// the style of SKR's Klassa. A municipality extends these with its own classes.
export interface PlanClass {
  code: string;
  title: string;
}

const norway: PlanClass[] = [
  { code: '000', title: 'Administrasjon og organisasjon' },
  { code: '033', title: 'Politiske organer' },
  { code: '060', title: 'IKT og digitalisering' },
  { code: '070', title: 'Arkiv og dokumentasjon' },
  { code: '100', title: 'Økonomi og finans' },
  { code: '233', title: 'Sosiale tjenester' },
  { code: '400', title: 'Personal' },
  { code: '520', title: 'Kultur' },
  { code: '610', title: 'Landbruk' },
  { code: '614', title: 'Jordlovsaker' },
  { code: 'A20', title: 'Grunnskole' },
  { code: 'B10', title: 'Barnehager' },
  { code: 'G10', title: 'Helse og omsorg' },
  { code: 'L12', title: 'Kommuneplan' },
  { code: 'L42', title: 'Byggesaker' },
  { code: 'M10', title: 'Vannforsyning' },
  { code: 'Q80', title: 'Veger og trafikk' },
  { code: 'U01', title: 'Næringsutvikling' },
  { code: 'X20', title: 'Bredbånd og elektronisk kommunikasjon' },
];

const sweden: PlanClass[] = [
  { code: '1', title: 'Styra och leda verksamheten' },
  { code: '1.1', title: 'Politisk styrning' },
  { code: '1.2', title: 'Planera och följa upp' },
  { code: '2', title: 'Stödja verksamheten' },
  { code: '2.1', title: 'Hantera information och IT' },
  { code: '2.2', title: 'Hantera personal' },
  { code: '2.3', title: 'Hantera ekonomi' },
  { code: '3', title: 'Samhällsbyggnad' },
  { code: '3.1', title: 'Bygglov och tillsyn' },
  { code: '3.2', title: 'Fysisk planering' },
  { code: '3.3', title: 'Bredband och infrastruktur' },
  { code: '4', title: 'Utbildning' },
  { code: '5', title: 'Vård och omsorg' },
  { code: '6', title: 'Kultur och fritid' },
  { code: '7', title: 'Näringsliv' },
];

export const classesFor = (country: 'NO' | 'SE'): PlanClass[] => (country === 'NO' ? norway : sweden);
