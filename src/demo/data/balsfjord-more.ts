// SPDX-License-Identifier: EUPL-1.2
// Balsfjord's remaining demo cases: a complaint, an access request, an EHF question, the IKT
// security plan and the streaming of political meetings.
import type { DemoCase } from '../model.ts';
import { balsfjordStaff as s } from './balsfjord-staff.ts';
import { organisation, person } from './people.ts';

const isaksen = person('Oddvar Isaksen', '1956-03-30', { address: 'Mesterviksveien 57', postalCode: '9055', postalTown: 'Meistervik' });
const malangsposten = organisation('Malangsposten AS', 303, { address: 'Postboks 55', postalCode: '9050', postalTown: 'Storsteinnes', email: 'tips@malangsposten.example', signedBy: 'Mona Kristiansen, journalist' });
const kontor = organisation('Nordkjosbotn Kontorrekvisita AS', 404, { address: 'Nordkjosveien 2', postalCode: '9040', postalTown: 'Nordkjosbotn', signedBy: 'Per Inge Solli, daglig leder' });
const fjordlys = organisation('Fjordlys Lyd og Bilde AS', 505, { address: 'Sjøgata 21', postalCode: '9008', postalTown: 'Tromsø', email: 'salg@fjordlys.example', signedBy: 'Tor Einar Vik, salgssjef' });

export const balsfjordMoreCases: DemoCase[] = [
  {
    daysAgo: 31,
    title: 'Klage på vann- og avløpsgebyr 2025 – gnr. 8 bnr. 17',
    classCode: 'M10',
    unit: 'Teknisk drift',
    officer: s.water,
    keywords: ['klage', 'kommunale avgifter'],
    entries: [
      {
        key: 'va-complaint',
        daysAgo: 31,
        type: 'incoming',
        title: 'Klage på vann- og avløpsgebyr for 2025',
        party: isaksen,
        dueInDays: 21,
        body: [
          'Jeg klager på fakturaen for vann- og avløpsgebyr for 2025 for eiendommen gnr. 8 bnr. 17. Gebyret er beregnet etter stipulert forbruk på 180 m³, men det ble montert vannmåler i fjor høst, og jeg har levert avlesning.',
          'Jeg ber om at gebyret beregnes etter målt forbruk, og at det jeg har betalt for mye blir tilbakebetalt.',
        ],
      },
      {
        daysAgo: 27,
        type: 'outgoing',
        title: 'Foreløpig svar – klage på vann- og avløpsgebyr',
        party: isaksen,
        body: [
          'Vi har mottatt klagen din på vann- og avløpsgebyret for 2025.',
          'Vi må kontrollere avlesningen av vannmåleren før vi kan ta stilling til klagen, og regner med å gi deg svar innen fire uker, jf. forvaltningsloven § 11 a.',
        ],
      },
      {
        daysAgo: 13,
        type: 'internal-with-followup',
        title: 'Kontroll av vannmåler gnr. 8 bnr. 17',
        from: s.water,
        to: s.finance,
        followUp: { daysAgo: 9, method: 'noted' },
        body: [
          'Vannmåleren på gnr. 8 bnr. 17 er kontrollert på stedet. Måleren er montert og plombert riktig, og målerstanden stemmer med innsendt avlesning.',
          'Målt forbruk for perioden etter montering tilsvarer om lag 95 m³ per år. Ber om at gebyret beregnes på nytt før klagen besvares.',
        ],
      },
    ],
    reassign: { daysAgo: 8, officer: s.caseOfficer, unit: 'Servicetorget' },
  },
  {
    daysAgo: 41,
    title: 'Innsynsbegjæring – dokumenter om fiberutbygging Mestervik–Andsnes',
    classCode: '070',
    unit: 'Dokumentsenteret',
    officer: s.archivist,
    keywords: ['innsyn', 'offentleglova'],
    entries: [
      {
        key: 'innsyn-request',
        daysAgo: 41,
        type: 'incoming',
        title: 'Begjæring om innsyn – fiberutbygging Mestervik–Andsnes',
        party: malangsposten,
        body: [
          'Med hjemmel i offentleglova § 3 ber Malangsposten om innsyn i all korrespondanse mellom Balsfjord kommune og Malangen Fiber AS om fiberutbygging fra Mestervik til Andsnes, og i eventuelle interne vurderinger av saken.',
          'Dokumentene kan gjerne sendes elektronisk.',
        ],
      },
      {
        daysAgo: 40,
        type: 'outgoing',
        title: 'Svar på innsynsbegjæring – fiberutbygging Mestervik–Andsnes',
        party: malangsposten,
        followsUp: ['innsyn-request'],
        body: [
          'Vi viser til innsynsbegjæringen. Du får innsyn i forespørselen fra Malangen Fiber AS og kommunens svar. Dokumentene følger vedlagt.',
          'Notatet til kommunedirektøren er et organinternt dokument, og innsyn avslås med hjemmel i offentleglova § 14 første ledd. Kommunen har vurdert merinnsyn etter § 11, men finner at hensynet til en fri intern saksforberedelse veier tyngst mens saken er under behandling.',
          'Avslaget kan påklages til Statsforvalteren. Klagen sendes til kommunen innen tre uker.',
        ],
      },
    ],
    closed: { daysAgo: 39 },
  },
  {
    daysAgo: 25,
    title: 'EHF-faktura – spørsmål om fakturaadresse og bestillerreferanse',
    classCode: '100',
    unit: 'Økonomiavdelingen',
    officer: s.finance,
    keywords: ['EHF', 'faktura'],
    entries: [
      {
        key: 'ehf-question',
        daysAgo: 25,
        type: 'incoming',
        title: 'Spørsmål om fakturering med EHF',
        party: kontor,
        body: [
          'Vi er ny leverandør av kontorrekvisita til skolene i kommunen. Vi har fått beskjed om at kommunen bare tar imot elektroniske fakturaer, og vil gjerne vite hvilken adresse og hvilke referanser fakturaene skal ha.',
          'Vi har til nå sendt fakturaer som PDF på e-post.',
        ],
      },
      {
        daysAgo: 23,
        type: 'outgoing',
        title: 'Svar – fakturering med EHF til Balsfjord kommune',
        party: kontor,
        followsUp: ['ehf-question'],
        body: [
          'Takk for henvendelsen. Balsfjord kommune tar imot fakturaer i EHF-format via Peppol-nettverket. Kommunens Peppol-adresse er organisasjonsnummeret vårt, og dere finner oss i ELMA-registeret.',
          'Alle fakturaer må ha bestillerens ressursnummer i feltet for kjøpers referanse. Fakturaer uten gyldig referanse blir avvist automatisk. Fakturaer på PDF per e-post kan vi ikke lenger ta imot.',
          'Har dere ikke eget system for EHF, kan dere bruke en gratis fakturaportal fra en aksesspunktleverandør.',
        ],
      },
    ],
    closed: { daysAgo: 22 },
  },
  {
    daysAgo: 116,
    title: 'Ikt-sikkerhet – revisjon av sikkerhetsplan og katastrofeplan 2026',
    classCode: '060',
    unit: 'Ikt-avdelingen',
    officer: s.ikt,
    keywords: ['ikt-sikkerhet', 'beredskap'],
    entries: [
      {
        key: 'sec-order',
        daysAgo: 116,
        type: 'internal-with-followup',
        title: 'Bestilling – revisjon av ikt-sikkerhetsplanen',
        from: s.director,
        to: s.ikt,
        body: [
          'Sikkerhetsplanen for ikt skal revideres, og katastrofeplanen for ikt-drift skal ferdigstilles. Revisjonen skal bygge på en oppdatert risiko- og sårbarhetsanalyse.',
          'Utkast legges fram for kommunedirektørens ledergruppe før planen sendes på høring til enhetslederne.',
        ],
      },
      {
        daysAgo: 81,
        type: 'internal-without-followup',
        title: 'Risiko- og sårbarhetsanalyse for ikt-drift',
        from: s.ikt,
        to: s.director,
        body: [
          'Analysen viser at strømbrudd og lynnedslag fortsatt er de vanligste årsakene til driftsavbrudd. Avbruddsfri strømforsyning i datarommet på rådhuset bør utvides, og sikkerhetskopiering må testes med full gjenoppretting minst to ganger i året.',
          'Det er ingen vaktordning for ikt mellom kl. 16 og 08, samtidig som helse og omsorg er avhengig av fagsystemene hele døgnet. En vaktordning bør utredes.',
        ],
      },
      {
        daysAgo: 36,
        type: 'internal-without-followup',
        title: 'Utkast til revidert ikt-sikkerhetsplan 2026',
        from: s.ikt,
        to: s.director,
        followsUp: ['sec-order'],
        body: [
          'Vedlagt følger utkast til revidert ikt-sikkerhetsplan med katastrofeplan. Planen beskriver roller og ansvar, tilgangsstyring, sikkerhetskopiering, avbruddsfri strømforsyning og gjenoppretting etter alvorlige hendelser.',
          'Tiltakene er prioritert etter risikoanalysen og kostnadsberegnet for budsjettarbeidet.',
        ],
        attachment: { title: 'Katastrofeplan for ikt-drift – utkast', body: ['1. Varsling: ikt-leder varsler kommunedirektør og berørte enhetsledere.', '2. Prioritet ved gjenoppretting: helse og omsorg, sentralbord, sak/arkiv, økonomi.', '3. Gjenoppretting fra sikkerhetskopi i felles datarom på rådhuset.'] },
      },
    ],
    remarks: [{ daysAgo: 35, text: 'Utkastet sendes på høring til enhetslederne før behandling i administrasjonsutvalget.' }],
  },
  {
    daysAgo: 72,
    title: 'Oppgradering av strømmeutstyr i kommunestyresalen',
    classCode: '033',
    unit: 'Politisk sekretariat',
    officer: s.secretariat,
    keywords: ['lokaldemokrati', 'strømming'],
    entries: [
      {
        daysAgo: 72,
        type: 'internal-without-followup',
        title: 'Saksframlegg – oppgradering av strømmeutstyr i kommunestyresalen',
        from: s.secretariat,
        to: s.mayor,
        body: [
          'Filming av politiske møter er gjennomført med godt resultat, men dagens utstyr har klare begrensninger: det er ikke mulig å vise presentasjoner fra foredragsholdere samtidig med bilde fra salen.',
          'Kommunedirektøren tilrår at formannskapet gir administrasjonen fullmakt til å hente inn pristilbud på nytt kamera- og strømmeutstyr innenfor en ramme på kr 250 000.',
        ],
      },
      {
        daysAgo: 57,
        type: 'internal-without-followup',
        title: 'Særutskrift – formannskapets vedtak om strømmeutstyr',
        from: s.secretariat,
        to: s.director,
        body: ['Formannskapet vedtok enstemmig å gi administrasjonen fullmakt til å hente inn pristilbud på strømmeutstyr innenfor en ramme på kr 250 000. Også åpne møter i andre utvalg skal kunne strømmes.'],
      },
      {
        daysAgo: 50,
        type: 'outgoing',
        title: 'Forespørsel om pristilbud – strømmeutstyr for kommunestyresalen',
        party: fjordlys,
        body: [
          'Balsfjord kommune ber om pristilbud på kamera- og strømmeutstyr for kommunestyresalen på rådhuset. Løsningen skal kunne vise bilde fra salen og presentasjoner samtidig, og publisere direkte på kommunens nettsider med teksting.',
          'Tilbudet må omfatte montering, opplæring og serviceavtale i tre år.',
        ],
      },
      {
        daysAgo: 29,
        type: 'incoming',
        title: 'Pristilbud – kamera- og strømmeløsning for kommunestyresalen',
        party: fjordlys,
        dueInDays: 30,
        body: [
          'Takk for forespørselen. Vi tilbyr tre fjernstyrte kameraer, bildemikser med innganger for presentasjon, og strømmetjeneste med automatisk teksting. Pris inkludert montering og opplæring: kr 228 500 eks. mva. Serviceavtale: kr 14 000 per år.',
          'Tilbudet gjelder i 60 dager.',
        ],
      },
    ],
  },
];
