// SPDX-License-Identifier: EUPL-1.2
// The five Höglandet municipalities in Jönköpings län that share the e-strategy "IT på Höglandet":
// Aneby, Eksjö, Nässjö, Sävsjö and Vetlanda. Each gets seven or eight cases from the shared templates, told
// with its own villages, people and companies. Everyone here is fictional; numbers are synthetic.
import type { DemoMunicipality, DemoPerson } from '../model.ts';
import { broadband, buildingPermit, housingAdaptation, preschool, snowComplaint } from './hoglandet-cases.ts';
import { documentRequest, eInvoice, eService, eStrategy, infoSecurity } from './hoglandet-cases-2.ts';
import type { CaseTemplate, Locality } from './hoglandet-locality.ts';
import { organisation, person, staffUser } from './people.ts';

const newspaper = organisation('Höglandets Veckoblad AB', 1201, { address: 'Storgatan 18', postalCode: '571 31', postalTown: 'Nässjö', email: 'redaktionen@veckobladet.example', signedBy: 'Jonas Ekdahl, reporter' });
const platform = organisation('Formflöde Digital AB', 1202, { address: 'Västra Storgatan 9', postalCode: '553 15', postalTown: 'Jönköping', email: 'offert@formflode.example', signedBy: 'Cecilia Moberg, kundansvarig' });

type Colleagues = [director: DemoPerson, it: DemoPerson, planner: DemoPerson, social: DemoPerson, finance: DemoPerson];

function staffOf(slug: string, [director, it, planner, social, finance]: Colleagues): Locality['staff'] {
  return {
    caseOfficer: staffUser(`${slug}-case-officer`, 'handläggare'),
    archivist: staffUser(`${slug}-archivist`, 'kommunarkivarie'),
    politician: staffUser(`${slug}-politician`, 'kommunstyrelsens ordförande'),
    director: { ...director, position: 'kommundirektör' },
    it: { ...it, position: 'IT-strateg' },
    planner: { ...planner, position: 'bygglovshandläggare' },
    social: { ...social, position: 'handläggare bostadsanpassning' },
    finance: { ...finance, position: 'ekonom' },
  };
}

interface Place {
  slug: string;
  officialNumber: string;
  postalCode: string;
  address: string;
  locality: Locality;
  templates: CaseTemplate[];
}

const places: Place[] = [
  {
    slug: 'aneby',
    officialNumber: '0604',
    postalCode: '578 80',
    address: 'Stationsgatan 6',
    templates: [broadband, buildingPermit, preschool, housingAdaptation, snowComplaint, infoSecurity, eStrategy],
    locality: {
      town: 'Aneby',
      shift: 0,
      villages: ['Frinnaryd', 'Sunhultsbrunn'],
      property: 'Aneby Bredestad 3:12',
      street: 'Kvarngatan',
      preschool: 'Solrosens förskola',
      staff: staffOf('aneby', [person('Ulf Bengtsson', '1966-04-18'), person('Camilla Rydén', '1982-09-02'), person('Tobias Ahlgren', '1985-01-23'), person('Agneta Wiklund', '1961-11-30'), person('Jenny Palm', '1989-06-14')]),
      residents: {
        builder: person('Erik Sandström', '1987-03-11', { address: 'Bredestad Södergård 4', postalCode: '578 92', postalTown: 'Aneby' }),
        parent: person('Sofia Larsson', '1992-08-27', { address: 'Järnvägsgatan 14', postalCode: '578 31', postalTown: 'Aneby', email: 'sofia.larsson@post.example' }),
        elderly: person('Gunnel Persson', '1941-05-06', { address: 'Kvarngatan 3', postalCode: '578 32', postalTown: 'Aneby' }),
        neighbour: person('Bengt Andersson', '1958-12-19', { address: 'Kvarngatan 22', postalCode: '578 32', postalTown: 'Aneby' }),
      },
      orgs: { fibre: organisation('Frinnaryds Fiber ekonomisk förening', 1101, { association: true, address: 'Byvägen 2', postalCode: '578 95', postalTown: 'Aneby', signedBy: 'Stig Olofsson, ordförande' }), newspaper, supplier: organisation('Aneby Kontor & Papper AB', 1102, { postalCode: '578 33', postalTown: 'Aneby', signedBy: 'Annika Berg' }), platform },
    },
  },
  {
    slug: 'eksjo',
    officialNumber: '0686',
    postalCode: '575 80',
    address: 'Stortorget 6',
    templates: [broadband, buildingPermit, housingAdaptation, documentRequest, eInvoice, eStrategy, eService],
    locality: {
      town: 'Eksjö',
      shift: 2,
      villages: ['Ingatorp', 'Hult'],
      property: 'Eksjö Ingatorp 5:41',
      street: 'Arendalavägen',
      preschool: 'Skogsbrynets förskola',
      staff: staffOf('eksjo', [person('Magnus Ljung', '1964-02-09'), person('Therese Öberg', '1984-10-21'), person('Daniel Kvist', '1980-05-15'), person('Monica Bergqvist', '1962-07-07'), person('Viktor Åström', '1991-03-03')]),
      residents: {
        builder: person('Hanna Forsell', '1990-02-13', { address: 'Ingatorp Norrgård 7', postalCode: '575 93', postalTown: 'Eksjö' }),
        parent: person('Ahmed Karimi', '1988-10-01', { address: 'Prästängsvägen 8', postalCode: '575 35', postalTown: 'Eksjö' }),
        elderly: person('Sven-Erik Johansson', '1938-09-14', { address: 'Norra Storgatan 27', postalCode: '575 31', postalTown: 'Eksjö' }),
        neighbour: person('Ingrid Malm', '1970-01-24', { address: 'Arendalavägen 12', postalCode: '575 36', postalTown: 'Eksjö' }),
      },
      orgs: { fibre: organisation('Ingatorps Bygdenät ekonomisk förening', 1111, { association: true, postalCode: '575 93', postalTown: 'Eksjö', signedBy: 'Kjell Hultberg, ordförande' }), newspaper, supplier: organisation('Eksjö Kontorsservice AB', 1112, { postalCode: '575 33', postalTown: 'Eksjö', signedBy: 'Martin Holmgren' }), platform },
    },
  },
  {
    slug: 'nassjo',
    officialNumber: '0682',
    postalCode: '571 80',
    address: 'Stadshuset, Storgatan 13',
    templates: [broadband, buildingPermit, preschool, housingAdaptation, documentRequest, infoSecurity, eStrategy, snowComplaint],
    locality: {
      town: 'Nässjö',
      shift: 1,
      villages: ['Malmbäck', 'Forserum'],
      property: 'Nässjö Anneberg 2:88',
      street: 'Brinnetorpsvägen',
      preschool: 'Trollsländans förskola',
      staff: staffOf('nassjo', [person('Christer Lindahl', '1963-08-26'), person('Jessica Norén', '1986-12-08'), person('Robert Fagerström', '1978-04-29'), person('Gunilla Hjort', '1959-10-12'), person('Emil Bäckström', '1993-07-19')]),
      residents: {
        builder: person('Lina Öhman', '1991-06-02', { address: 'Annebergsvägen 31', postalCode: '571 91', postalTown: 'Nässjö' }),
        parent: person('Jonas Wahlberg', '1987-01-16', { address: 'Rådhusgatan 5', postalCode: '571 31', postalTown: 'Nässjö' }),
        elderly: person('Astrid Holmqvist', '1940-03-22', { address: 'Esplanaden 9', postalCode: '571 32', postalTown: 'Nässjö' }),
        neighbour: person('Mats Lindberg', '1968-11-05', { address: 'Brinnetorpsvägen 44', postalCode: '571 37', postalTown: 'Nässjö' }),
      },
      orgs: { fibre: organisation('Malmbäcks Fiber ekonomisk förening', 1121, { association: true, postalCode: '571 72', postalTown: 'Malmbäck', signedBy: 'Rolf Jönsson, ordförande' }), newspaper, supplier: organisation('Nässjö Kontorsvaror AB', 1122, { postalCode: '571 38', postalTown: 'Nässjö', signedBy: 'Helén Ström' }), platform },
    },
  },
  {
    slug: 'savsjo',
    officialNumber: '0684',
    postalCode: '576 80',
    address: 'Köpmansgatan 6',
    templates: [broadband, buildingPermit, housingAdaptation, eInvoice, eStrategy, eService, preschool],
    locality: {
      town: 'Sävsjö',
      shift: 3,
      villages: ['Hjärtlanda', 'Vrigstad'],
      property: 'Sävsjö Stockaryd 7:19',
      street: 'Vrigstadsvägen',
      preschool: 'Ekorrens förskola',
      staff: staffOf('savsjo', [person('Lennart Björk', '1962-12-01'), person('Malin Sjögren', '1983-04-11'), person('Patrik Eklund', '1979-09-08'), person('Britt-Marie Nyström', '1960-02-17'), person('Amanda Hedberg', '1994-05-25')]),
      residents: {
        builder: person('Oscar Lundqvist', '1989-09-30', { address: 'Stockaryds Hagen 2', postalCode: '576 96', postalTown: 'Stockaryd' }),
        parent: person('Maja Eriksson', '1993-04-09', { address: 'Parkgatan 11', postalCode: '576 31', postalTown: 'Sävsjö' }),
        elderly: person('Karl-Gustav Nilsson', '1937-07-28', { address: 'Ringvägen 6', postalCode: '576 34', postalTown: 'Sävsjö' }),
        neighbour: person('Anette Svensson', '1972-10-03', { address: 'Vrigstadsvägen 17', postalCode: '576 35', postalTown: 'Sävsjö' }),
      },
      orgs: { fibre: organisation('Hjärtlanda Fiber ekonomisk förening', 1131, { association: true, postalCode: '576 92', postalTown: 'Sävsjö', signedBy: 'Ove Carlsson, ordförande' }), newspaper, supplier: organisation('Sävsjö Papper & Kontor AB', 1132, { postalCode: '576 33', postalTown: 'Sävsjö', signedBy: 'Lotta Dahlberg' }), platform },
    },
  },
  {
    slug: 'vetlanda',
    officialNumber: '0685',
    postalCode: '574 80',
    address: 'Stadshusgränd 1',
    templates: [broadband, buildingPermit, housingAdaptation, snowComplaint, documentRequest, infoSecurity, eStrategy, eInvoice],
    locality: {
      town: 'Vetlanda',
      shift: 4,
      villages: ['Korsberga', 'Holsbybrunn'],
      property: 'Vetlanda Holsbybrunn 4:27',
      street: 'Bäcksedavägen',
      preschool: 'Lärkans förskola',
      staff: staffOf('vetlanda', [person('Anders Rosén', '1965-06-21'), person('Frida Lilja', '1987-02-04'), person('Kristian Backman', '1981-08-16'), person('Solveig Ekström', '1958-04-23'), person('Hampus Granath', '1992-11-11')]),
      residents: {
        builder: person('Johanna Berggren', '1988-05-19', { address: 'Holsbybrunns Ängen 5', postalCode: '574 74', postalTown: 'Holsbybrunn' }),
        parent: person('Ali Hassan', '1990-12-12', { address: 'Kyrkogatan 20', postalCode: '574 31', postalTown: 'Vetlanda' }),
        elderly: person('Elsa-Britt Gunnarsson', '1939-01-31', { address: 'Storgatan 41', postalCode: '574 32', postalTown: 'Vetlanda' }),
        neighbour: person('Roger Petersson', '1966-09-09', { address: 'Bäcksedavägen 8', postalCode: '574 38', postalTown: 'Vetlanda' }),
      },
      orgs: { fibre: organisation('Korsberga Fiber ekonomisk förening', 1141, { association: true, postalCode: '574 76', postalTown: 'Korsberga', signedBy: 'Leif Åkesson, ordförande' }), newspaper, supplier: organisation('Vetlanda Kontorsmaterial AB', 1142, { postalCode: '574 35', postalTown: 'Vetlanda', signedBy: 'Pia Lundin' }), platform },
    },
  },
];

export const hoglandet: DemoMunicipality[] = places.map((p) => ({
  slug: p.slug,
  officialNumber: p.officialNumber,
  name: `${p.locality.town} kommun`,
  country: 'SE',
  language: 'sv',
  address: p.address,
  postalCode: p.postalCode,
  postalTown: p.locality.town,
  email: `kommunen@${p.slug}.example`,
  cases: p.templates.map((template) => template(p.locality)),
}));
