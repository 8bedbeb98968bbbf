// SPDX-License-Identifier: EUPL-1.2
// The people of the demo identity provider: every role in every demo municipality, plus one case
// officer who works for two Höglandet municipalities (inter-municipal cooperation). Identity
// numbers are synthetic (Norway: month + 80; Sweden: individual numbers 980–999), never real.
import type { Role } from '../platform/http/auth.ts';
import { syntheticNorwegianNumber, syntheticSwedishNumber } from '../common/idnumbers.ts';

export interface DemoUser {
  /** The `sub` claim. */
  id: string;
  givenName: string;
  familyName: string;
  name: string;
  country: 'NO' | 'SE';
  birthDate: string;
  identityNumber: string;
  /** Roles per municipality slug: the `radhus_roles` claim. */
  roles: Record<string, Role[]>;
}

type Person = [givenName: string, familyName: string, birthDate: string];

const staffRoles = ['case-officer', 'archivist', 'politician', 'tenant-admin', 'citizen', 'secretariat'] as const satisfies readonly Role[];

const municipalities: { slug: string; country: 'NO' | 'SE'; people: Person[] }[] = [
  {
    slug: 'balsfjord',
    country: 'NO',
    people: [
      ['Ingrid', 'Johansen', '1978-04-12'],
      ['Terje', 'Olsen', '1965-09-03'],
      ['Marit', 'Nilsen', '1971-01-28'],
      ['Kristoffer', 'Berg', '1986-06-19'],
      ['Sigrid', 'Pedersen', '1994-11-07'],
      ['Håkon', 'Eriksen', '1983-02-17'],
    ],
  },
  {
    slug: 'aneby',
    country: 'SE',
    people: [
      ['Anna', 'Lindqvist', '1980-03-15'],
      ['Lars', 'Holm', '1962-08-22'],
      ['Karin', 'Ek', '1958-12-02'],
      ['Johan', 'Sjöberg', '1983-05-30'],
      ['Elsa', 'Karlsson', '1999-02-14'],
      ['Ulla', 'Bergström', '1977-09-14'],
    ],
  },
  {
    slug: 'eksjo',
    country: 'SE',
    people: [
      ['Maria', 'Axelsson', '1976-07-09'],
      ['Per', 'Gustafsson', '1960-10-11'],
      ['Birgitta', 'Franzén', '1955-04-04'],
      ['Mikael', 'Strand', '1988-09-25'],
      ['Oskar', 'Lund', '2001-01-17'],
      ['Tove', 'Hansson', '1984-11-21'],
    ],
  },
  {
    slug: 'nassjo',
    country: 'SE',
    people: [
      ['Emma', 'Berglund', '1985-12-20'],
      ['Anders', 'Wikström', '1969-03-08'],
      ['Eva', 'Håkansson', '1963-06-16'],
      ['Fredrik', 'Nyberg', '1979-11-29'],
      ['Sara', 'Lindgren', '1996-08-05'],
      ['Jonas', 'Ekberg', '1975-05-06'],
    ],
  },
  {
    slug: 'savsjo',
    country: 'SE',
    people: [
      ['Ingela', 'Söderberg', '1974-02-26'],
      ['Nils', 'Hedlund', '1967-05-13'],
      ['Margareta', 'Blom', '1952-09-19'],
      ['Henrik', 'Sandberg', '1990-04-01'],
      ['Linnea', 'Forsberg', '2000-10-10'],
      ['Agneta', 'Norén', '1964-08-28'],
    ],
  },
  {
    slug: 'vetlanda',
    country: 'SE',
    people: [
      ['Helena', 'Engström', '1981-07-23'],
      ['Göran', 'Falk', '1959-01-05'],
      ['Lena', 'Ström', '1966-03-31'],
      ['Peter', 'Dahl', '1987-12-12'],
      ['Alva', 'Nordin', '1998-06-06'],
      ['Viktor', 'Borg', '1991-03-19'],
    ],
  },
];

// The politician's workspace (issue 11) needs two members of one body and a substitute to log in as
// each: a second politician and a substitute per municipality, linked to the demo council's seats by
// src/council-workspace/demo.ts.
const councilPeople: Record<string, [second: Person, substitute: Person]> = {
  balsfjord: [['Eirik', 'Mikkelsen', '1975-08-14'], ['Lise', 'Hanssen', '1990-05-22']],
  aneby: [['Gustav', 'Ahlström', '1970-06-11'], ['Maja', 'Lindahl', '1993-01-27']],
  eksjo: [['Hugo', 'Sjöstrand', '1968-02-09'], ['Ebba', 'Nyström', '1992-12-03']],
  nassjo: [['Axel', 'Runesson', '1973-04-18'], ['Klara', 'Öhman', '1989-10-30']],
  savsjo: [['Erik', 'Wahlberg', '1966-11-24'], ['Ida', 'Sundqvist', '1995-07-08']],
  vetlanda: [['Oscar', 'Lindblad', '1971-09-02'], ['Wilma', 'Hägg', '1997-03-16']],
};

const identityNumber = (country: 'NO' | 'SE', birthDate: string): string =>
  country === 'NO' ? syntheticNorwegianNumber(birthDate, 0) : syntheticSwedishNumber(birthDate, 0);

function user(id: string, [givenName, familyName, birthDate]: Person, country: 'NO' | 'SE', roles: Record<string, Role[]>): DemoUser {
  return { id, givenName, familyName, name: `${givenName} ${familyName}`, country, birthDate, identityNumber: identityNumber(country, birthDate), roles };
}

export const demoUsers: readonly DemoUser[] = [
  ...municipalities.flatMap(({ slug, country, people }) =>
    staffRoles.map((role, i) => user(`${slug}-${role}`, people[i]!, country, { [slug]: [role] })),
  ),
  ...municipalities.flatMap(({ slug, country }) => [
    user(`${slug}-politician-2`, councilPeople[slug]![0], country, { [slug]: ['politician'] }),
    user(`${slug}-substitute`, councilPeople[slug]![1], country, { [slug]: ['politician'] }),
  ]),
  // Höglandet shares case handling across municipal borders: one officer, two municipalities.
  user('hoglandet-case-officer', ['Kerstin', 'Lundgren', '1972-10-03'], 'SE', { eksjo: ['case-officer'], nassjo: ['case-officer'] }),
  // More citizens of Balsfjord and Aneby, to sign a citizen proposal up to the demo's lowered threshold (issue 11).
  user('balsfjord-citizen-2', ['Ole', 'Hansen', '1990-05-14'], 'NO', { balsfjord: ['citizen'] }),
  user('balsfjord-citizen-3', ['Liv', 'Andersen', '1969-08-30'], 'NO', { balsfjord: ['citizen'] }),
  user('aneby-citizen-2', ['Erik', 'Nyström', '1992-04-18'], 'SE', { aneby: ['citizen'] }),
  user('aneby-citizen-3', ['Maja', 'Holmberg', '1970-12-09'], 'SE', { aneby: ['citizen'] }),
];

export const findDemoUser = (id: string): DemoUser | undefined => demoUsers.find((u) => u.id === id);

/** Display names for the login page; the tenants table is the authority once they are seeded. */
export const demoMunicipalityNames: Record<string, string> = {
  balsfjord: 'Balsfjord kommune',
  aneby: 'Aneby kommun',
  eksjo: 'Eksjö kommun',
  nassjo: 'Nässjö kommun',
  savsjo: 'Sävsjö kommun',
  vetlanda: 'Vetlanda kommun',
};
