// SPDX-License-Identifier: EUPL-1.2
// The staff of Balsfjord kommune in the demo: the demo login users, and colleagues who only appear
// in letters and memos.
import { person, staffUser } from './people.ts';

export const balsfjordStaff = {
  caseOfficer: staffUser('balsfjord-case-officer', 'rådgiver'),
  archivist: staffUser('balsfjord-archivist', 'arkivleder'),
  mayor: staffUser('balsfjord-politician', 'ordfører'),
  director: person('Anne-Lise Dahl', '1968-05-09', { position: 'kommunedirektør' }),
  ikt: person('Rune Karlsen', '1975-10-17', { position: 'ikt-leder' }),
  agriculture: person('Bjørn Hansen', '1970-12-04', { position: 'landbruksrådgiver' }),
  childcare: person('Randi Solheim', '1977-03-21', { position: 'barnehagefaglig rådgiver' }),
  water: person('Geir Andreassen', '1964-07-30', { position: 'driftsleder VAR' }),
  finance: person('Hilde Eliassen', '1981-02-15', { position: 'økonomikonsulent' }),
  secretariat: person('Linda Johnsen', '1987-11-08', { position: 'politisk sekretær' }),
};
