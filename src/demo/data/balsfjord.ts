// SPDX-License-Identifier: EUPL-1.2
// Balsfjord kommune (5532), Troms: topics from its strategic IKT plan — fibre on the Malangen
// peninsula, ikt-sikkerhet, streaming of political meetings, EHF, innsyn — and the everyday
// mail of a rural municipality: konsesjon, byggesak, barnehage, water fees. All people and
// companies are fictional; their numbers are synthetic.
import type { DemoMunicipality } from '../model.ts';
import { balsfjordMoreCases } from './balsfjord-more.ts';
import { balsfjordStaff as s } from './balsfjord-staff.ts';
import { organisation, person } from './people.ts';

const malangenFiber = organisation('Malangen Fiber AS', 101, { address: 'Strandveien 112', postalCode: '9008', postalTown: 'Tromsø', email: 'post@malangenfiber.example', signedBy: 'Eirik Sandmo, prosjektleder' });
const lyngmo = person('Håkon Lyngmo', '1979-08-14', { address: 'Laksvatnveien 231', postalCode: '9040', postalTown: 'Nordkjosbotn' });
const storelv = person('Arne Storelv', '1948-02-03', { address: 'Sørkjosveien 9', postalCode: '9050', postalTown: 'Storsteinnes' });
const tommer = organisation('Storsteinnes Bygg og Tømmer AS', 202, { address: 'Industriveien 4', postalCode: '9050', postalTown: 'Storsteinnes', signedBy: 'Vegard Nystad, ansvarlig søker' });
const sorensen = person('Lars Olav Sørensen', '1983-01-26', { address: 'Sandvikveien 14', postalCode: '9050', postalTown: 'Storsteinnes' });
const hanssen = person('Silje Hanssen', '1990-09-22', { address: 'Olderveien 3', postalCode: '9040', postalTown: 'Nordkjosbotn', email: 'silje.hanssen@epost.example' });

export const balsfjord: DemoMunicipality = {
  slug: 'balsfjord',
  officialNumber: '5532',
  name: 'Balsfjord kommune',
  country: 'NO',
  language: 'nb',
  address: 'Rådhusveien 11',
  postalCode: '9050',
  postalTown: 'Storsteinnes',
  email: 'postmottak@balsfjord.kommune.example',
  cases: [
    {
      daysAgo: 112,
      title: 'Bredbåndsutbygging Malangshalvøya – reservenett Mestervik–Andsnes',
      classCode: 'X20',
      unit: 'Ikt-avdelingen',
      officer: s.ikt,
      keywords: ['bredbånd', 'fiber', 'Malangen'],
      description: 'Samarbeid med utbygger om fiber og reservenett på Malangshalvøya, og søknad om statlig bredbåndsstøtte.',
      entries: [
        {
          key: 'bb-request',
          daysAgo: 112,
          type: 'incoming',
          title: 'Forespørsel om samarbeid om fiberutbygging Mestervik–Andsnes',
          party: malangenFiber,
          dueInDays: 21,
          body: [
            'Malangen Fiber AS planlegger å bygge et reservenett i fiber fra Mestervik til Andsnes. Traseen vil også gi mulighet for å tilby fiber til om lag 140 husstander og 12 virksomheter som i dag har dårlig dekning.',
            'Vi ønsker et samarbeid med Balsfjord kommune om prosjektet, og ber om et møte for å drøfte kommunal medfinansiering, tilgang til kommunal grunn langs traseen og felles søknad om statlig støtte til bredbåndsutbygging.',
            'Vi ber om en tilbakemelding innen tre uker, slik at søknaden kan leveres innen fristen.',
          ],
        },
        {
          daysAgo: 106,
          type: 'internal-without-followup',
          title: 'Vurdering av samarbeid om fiberutbygging på Malangshalvøya',
          from: s.ikt,
          to: s.director,
          body: [
            'Ikt-planen peker på at videre utbygging av fiber er ønskelig, men at kostnadene er for store til at kommunen kan bære dem alene. Forespørselen fra Malangen Fiber AS gir en mulighet til å få fiber til Malangseidet og Hamnvåg, der kommunens egne enheter i dag har ustabilt nett.',
            'Rådgiveren anbefaler at kommunen stiller seg positiv, tilbyr å være søker av statlig bredbåndsstøtte og setter av inntil kr 1 200 000 i egenandel, med forbehold om politisk behandling.',
          ],
        },
        {
          daysAgo: 99,
          type: 'outgoing',
          title: 'Svar – samarbeid om fiberutbygging Mestervik–Andsnes',
          party: malangenFiber,
          followsUp: ['bb-request'],
          body: [
            'Vi viser til brev om samarbeid om fiberutbygging fra Mestervik til Andsnes.',
            'Balsfjord kommune er positiv til prosjektet. Kommunen kan stå som søker av statlig støtte til bredbåndsutbygging og vil foreslå for formannskapet at det settes av midler til kommunal egenandel. Vi ber om at traseen legges slik at Malangseidet barnehage og Hamnvåg kan kobles på.',
            'Vi foreslår et oppstartsmøte på rådhuset. Kontakt ikt-avdelingen for å avtale tidspunkt.',
          ],
        },
        {
          daysAgo: 44,
          type: 'incoming',
          title: 'Oppdatert fremdriftsplan og kostnadsoverslag – fiber Mestervik–Andsnes',
          party: malangenFiber,
          dueInDays: 21,
          body: [
            'Som avtalt i møtet på rådhuset sender vi oppdatert fremdriftsplan og kostnadsoverslag for utbyggingen. Samlet kostnad er beregnet til kr 8,4 millioner, og vi legger opp til graving i perioden mai–september.',
            'Vi ber kommunen bekrefte egenandelen og gi tillatelse til å legge trekkerør i kommunal veg på strekningen gjennom Mestervik sentrum.',
          ],
          attachment: { title: 'Fremdriftsplan fiber Mestervik–Andsnes', body: ['Fase 1: Prosjektering og grunneieravtaler.', 'Fase 2: Graving og legging av trekkerør, Mestervik–Malangseidet.', 'Fase 3: Blåsing av fiber, tilkobling av husstander og kommunale bygg.', 'Fase 4: Sluttkontroll og overlevering.'] },
        },
      ],
      remarks: [{ daysAgo: 40, text: 'Egenandelen legges fram for formannskapet i neste møte. Svar til utbygger etter vedtak.' }],
    },
    {
      daysAgo: 96,
      title: 'Konsesjon – erverv av gnr. 45 bnr. 3 i Balsfjord',
      classCode: '614',
      unit: 'Plan, miljø og landbruk',
      officer: s.agriculture,
      keywords: ['konsesjon', 'landbruk', 'jordlov'],
      entries: [
        {
          key: 'kon-application',
          daysAgo: 96,
          type: 'incoming',
          title: 'Søknad om konsesjon for erverv av gnr. 45 bnr. 3',
          party: lyngmo,
          body: [
            'Jeg søker med dette om konsesjon for erverv av landbrukseiendommen gnr. 45 bnr. 3 i Balsfjord, som jeg har avtalt å kjøpe av Arne Storelv. Eiendommen består av 86 dekar fulldyrket jord, 410 dekar produktiv skog og våningshus med driftsbygning.',
            'Kjøpesummen er kr 2 350 000. Kjøpekontrakt og utfylt skjema for konsesjonssøknad ligger vedlagt.',
          ],
          attachment: { title: 'Kjøpekontrakt gnr. 45 bnr. 3', body: ['Selger: Arne Storelv. Kjøper: Håkon Lyngmo.', 'Eiendom: gnr. 45 bnr. 3 i Balsfjord kommune, med påstående bygninger.', 'Kjøpesum: kr 2 350 000. Overtakelse etter at konsesjon er gitt.'] },
        },
        {
          daysAgo: 91,
          type: 'outgoing',
          title: 'Anmodning om tilleggsopplysninger – konsesjonssøknad gnr. 45 bnr. 3',
          party: lyngmo,
          body: [
            'Vi viser til søknaden om konsesjon for erverv av gnr. 45 bnr. 3.',
            'For å kunne vurdere søknaden etter konsesjonsloven § 9 ber vi om opplysninger om hvordan du vil drive eiendommen, og om du har tenkt å bosette deg der. Vi minner om at det etter konsesjonsloven gjelder boplikt i fem år.',
            'Saken blir stilt i bero til vi har mottatt opplysningene.',
          ],
        },
        {
          key: 'kon-supplement',
          daysAgo: 76,
          type: 'incoming',
          title: 'Tilleggsopplysninger – konsesjonssøknad gnr. 45 bnr. 3',
          party: lyngmo,
          body: [
            'Jeg viser til brev fra kommunen. Jeg og min familie vil flytte til eiendommen ved overtakelse og oppfylle boplikten.',
            'Jorda skal drives videre med grasproduksjon til egen sauebesetning på om lag 120 vinterfôra sau. Skogen skal drives etter gjeldende skogbruksplan.',
          ],
        },
        {
          daysAgo: 70,
          type: 'internal-without-followup',
          title: 'Saksutredning – konsesjon for erverv av gnr. 45 bnr. 3',
          from: s.agriculture,
          to: s.director,
          body: [
            'Søkeren vil bosette seg på eiendommen og drive den selv. Prisen er vurdert som samfunnsmessig forsvarlig etter konsesjonsloven § 9 første ledd nr. 1, og ervervet gir en driftsmessig god løsning.',
            'Landbrukskontoret tilrår at konsesjon gis uten vilkår utover lovbestemt boplikt.',
          ],
        },
        {
          daysAgo: 63,
          type: 'outgoing',
          title: 'Vedtak – konsesjon for erverv av gnr. 45 bnr. 3',
          party: lyngmo,
          copyTo: [storelv],
          followsUp: ['kon-application', 'kon-supplement'],
          body: [
            'Balsfjord kommune gir Håkon Lyngmo konsesjon for erverv av gnr. 45 bnr. 3, jf. konsesjonsloven § 9.',
            'Konsesjonen gis på vilkår av at erververen bosetter seg på eiendommen innen ett år og bor der i minst fem år sammenhengende.',
            'Vedtaket kan påklages til Statsforvalteren. Klagefristen er tre uker fra du mottok dette brevet. En eventuell klage sendes til Balsfjord kommune.',
          ],
        },
      ],
      closed: { daysAgo: 55, retention: { decision: 'keep', authority: 'Bevarings- og kassasjonsregler for kommunal sektor: konsesjonssaker bevares' } },
    },
    {
      daysAgo: 52,
      title: 'Byggesak – gnr. 12 bnr. 40, Sandvikveien 14 – tilbygg til bolig',
      classCode: 'L42',
      unit: 'Byggesak og oppmåling',
      officer: s.caseOfficer,
      keywords: ['byggesak', 'tilbygg'],
      entries: [
        {
          key: 'bygg-application',
          daysAgo: 52,
          type: 'incoming',
          title: 'Søknad om tillatelse i ett trinn – tilbygg gnr. 12 bnr. 40',
          party: tommer,
          copyTo: [sorensen],
          body: [
            'På vegne av tiltakshaver Lars Olav Sørensen søker vi om tillatelse i ett trinn etter plan- og bygningsloven § 20-3 for tilbygg til enebolig på gnr. 12 bnr. 40, Sandvikveien 14.',
            'Tilbygget har et bruksareal på 34 m² og skal inneholde soverom og bad. Tiltaket er i samsvar med kommuneplanens arealdel. Naboer er varslet uten merknader.',
          ],
          attachment: { title: 'Situasjonsplan gnr. 12 bnr. 40', body: ['Situasjonsplan i målestokk 1:500 med tilbygget inntegnet mot sør.', 'Avstand til nabogrense: 5,2 meter. Avstand til kommunal veg: 15 meter.'] },
        },
        {
          daysAgo: 45,
          type: 'outgoing',
          title: 'Mangelbrev – søknad om tilbygg gnr. 12 bnr. 40',
          party: tommer,
          copyTo: [sorensen],
          followsUp: ['bygg-application'],
          body: [
            'Vi viser til søknad om tillatelse til tilbygg på gnr. 12 bnr. 40.',
            'Søknaden er ikke komplett. Vi mangler fasadetegninger av alle berørte fasader og erklæring om ansvarsrett for prosjekterende av våtrom.',
            'Saksbehandlingsfristen etter plan- og bygningsloven § 21-7 løper først fra vi har mottatt en komplett søknad.',
          ],
        },
        {
          daysAgo: 18,
          type: 'incoming',
          title: 'Ettersendt dokumentasjon – tilbygg gnr. 12 bnr. 40',
          party: tommer,
          dueInDays: 21,
          body: ['Vi viser til mangelbrev fra kommunen og ettersender fasadetegninger og erklæring om ansvarsrett for prosjektering av våtrom.', 'Vi ber om at søknaden nå behandles.'],
        },
      ],
      remarks: [{ daysAgo: 17, text: 'Søknaden er nå komplett. Tre ukers frist etter pbl. § 21-7 løper fra mottaksdato.' }],
    },
    {
      daysAgo: 86,
      title: 'Søknad om prioritert barnehageplass – Silje Hanssen',
      classCode: 'B10',
      unit: 'Oppvekst',
      officer: s.childcare,
      screenedPerson: hanssen,
      entries: [
        {
          key: 'bhg-application',
          daysAgo: 86,
          type: 'incoming',
          title: 'Søknad om prioritert barnehageplass – Silje Hanssen',
          documentTitle: 'Søknad om prioritert barnehageplass',
          party: hanssen,
          screened: true,
          body: [
            'Jeg søker om barnehageplass for min sønn ved Nordkjosbotn barnehage fra nytt barnehageår, med prioritet etter barnehageloven § 17 fordi barnet har nedsatt funksjonsevne.',
            'Uttalelse fra helsestasjonen ligger ved. Vi ønsker helst plass fem dager i uken.',
          ],
        },
        {
          daysAgo: 71,
          type: 'outgoing',
          title: 'Vedtak om barnehageplass – Silje Hanssen',
          documentTitle: 'Vedtak om barnehageplass',
          party: hanssen,
          screened: true,
          followsUp: ['bhg-application'],
          body: [
            'Barnet er tildelt plass i Nordkjosbotn barnehage fra oppstart av nytt barnehageår, fem dager i uken. Søknaden er behandlet med prioritet etter barnehageloven § 17.',
            'Vi ber om at du bekrefter plassen innen to uker. Vedtaket kan påklages innen tre uker.',
          ],
        },
      ],
      closed: { daysAgo: 66, retention: { decision: 'dispose', authority: 'Bevarings- og kassasjonsregler for kommunal sektor: søknader om barnehageplass', preservationYears: 5 } },
    },
    ...balsfjordMoreCases,
  ],
};
