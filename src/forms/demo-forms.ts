// SPDX-License-Identifier: EUPL-1.2
// The demo forms (issue 9 §1), as a municipality would define them: data only, checked by the same
// checkDefinition() as the API. A building application tied to a property (gnr/bnr) with a
// co-applicant, a kindergarten place, a problem on a road or the water supply with a map position,
// an internal deviation report and a digital-skills survey for employees.
import type { FormDefinition, Texts } from './definition.ts';
import { exampleDefinition } from './schema.ts';

const t4 = (nb: string, nn: string, sv: string, en: string): Texts => ({ nb, nn, sv, en });
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const field = (name: string, label: Texts, extra: Record<string, unknown> = {}) => ({ field: name, label, ...extra });
const page = (title: Texts, sectionTitle: Texts, fields: ReturnType<typeof field>[]) => ({ title, sections: [{ title: sectionTitle, fields }] });
const complaint = t4(
  'Du får kvittering med saksnummer. Du har rett til innsyn i saken din, og du kan klage på vedtaket innen tre uker (forvaltningsloven § 29).',
  'Du får kvittering med saksnummer. Du har rett til innsyn i saka di, og du kan klage på vedtaket innan tre veker (forvaltningslova § 29).',
  'Du får ett kvitto med diarienummer. Du har rätt att ta del av ditt ärende och kan överklaga beslutet inom tre veckor.',
  'You get a receipt with a case number. You may see your case, and you may appeal the decision within three weeks.',
);
const internalRights = t4('Meldingen behandles av leder. Du får kvittering med saksnummer.', 'Meldinga blir handsama av leiar. Du får kvittering med saksnummer.', 'Anmälan behandlas av chef. Du får ett kvitto med diarienummer.', 'Your manager handles the report. You get a receipt with a case number.');

export const buildingApplication: FormDefinition = {
  key: 'byggesoknad',
  title: t4('Byggesøknad', 'Byggjesøknad', 'Bygglovsansökan', 'Building application'),
  description: t4('Søk om å bygge, rive eller endre på eiendommen din. Oppgi gårds- og bruksnummer.', 'Søk om å byggje, rive eller endre på eigedomen din. Oppgi gards- og bruksnummer.', 'Ansök om att bygga, riva eller ändra på din fastighet.', 'Apply to build, demolish or alter on your property. Give its farm and title numbers (gnr/bnr).'),
  rights: complaint,
  caseTitle: t4('Byggesøknad gnr {gnr} bnr {bnr}', 'Byggjesøknad gnr {gnr} bnr {bnr}', 'Bygglov gnr {gnr} bnr {bnr}', 'Building application gnr {gnr} bnr {bnr}'),
  schema: {
    type: 'object', required: ['gnr', 'bnr', 'measure', 'description'], additionalProperties: false,
    properties: {
      gnr: { type: 'integer', minimum: 1, maximum: 9999 }, bnr: { type: 'integer', minimum: 1, maximum: 9999 },
      measure: { type: 'string', enum: ['new-building', 'extension', 'demolition', 'change-of-use'] },
      description: text(4000),
      coApplicants: { type: 'array', maxItems: 5, items: { type: 'object', required: ['name', 'email'], additionalProperties: false, properties: { name: text(200), email: { type: 'string', format: 'email', maxLength: 254 } } } },
    },
  },
  layout: {
    pages: [
      page(t4('Eiendommen', 'Eigedomen', 'Fastigheten', 'The property'), t4('Matrikkel', 'Matrikkel', 'Fastighetsbeteckning', 'Cadastre'), [
        field('gnr', t4('Gårdsnummer', 'Gardsnummer', 'Gårdsnummer (gnr)', 'Farm number (gnr)')),
        field('bnr', t4('Bruksnummer', 'Bruksnummer', 'Brukningsnummer (bnr)', 'Title number (bnr)')),
      ]),
      page(t4('Tiltaket', 'Tiltaket', 'Åtgärden', 'The work'), t4('Hva skal gjøres', 'Kva skal gjerast', 'Vad ska göras', 'What is to be done'), [
        field('measure', t4('Type tiltak', 'Type tiltak', 'Typ av åtgärd', 'Kind of work'), { widget: 'choice', options: {
          'new-building': t4('Nybygg', 'Nybygg', 'Nybyggnad', 'New building'), extension: t4('Tilbygg', 'Tilbygg', 'Tillbyggnad', 'Extension'),
          demolition: t4('Riving', 'Riving', 'Rivning', 'Demolition'), 'change-of-use': t4('Bruksendring', 'Bruksendring', 'Ändrad användning', 'Change of use'),
        } }),
        field('description', t4('Beskrivelse', 'Skildring', 'Beskrivning', 'Description'), { widget: 'textarea' }),
        field('coApplicants', t4('Medsøkere', 'Medsøkjarar', 'Medsökande', 'Co-applicants'), {
          help: t4('Medsøkere får e-post og må signere før søknaden sendes.', 'Medsøkjarar får e-post og må signere før søknaden blir send.', 'Medsökande får e-post och måste signera innan ansökan skickas.', 'Co-applicants get an e-mail and must sign before the application is sent.'),
          items: [field('name', t4('Navn', 'Namn', 'Namn', 'Name')), field('email', t4('E-post', 'E-post', 'E-post', 'E-mail'))],
        }),
      ]),
    ],
  },
  attachments: [{ field: 'drawings', label: t4('Tegninger og situasjonsplan', 'Teikningar og situasjonsplan', 'Ritningar och situationsplan', 'Drawings and site plan'), types: ['application/pdf', 'image/png', 'image/jpeg'], maxBytes: 20 * 1024 * 1024, maxFiles: 10, required: true }],
  loginLevel: 'high',
  submitter: 'person-or-organisation',
  audience: 'public',
  caseType: 'byggesak',
  processingDays: 21,
};

export const kindergartenApplication: FormDefinition = {
  key: 'barnehageplass',
  title: t4('Søknad om barnehageplass', 'Søknad om barnehageplass', 'Ansökan om förskoleplats', 'Kindergarten place application'),
  description: t4('Søk plass i kommunal eller privat barnehage. Hovedopptaket har frist 1. mars.', 'Søk plass i kommunal eller privat barnehage. Hovudopptaket har frist 1. mars.', 'Ansök om plats i förskola.', 'Apply for a place in a municipal or private kindergarten. The main intake closes on 1 March.'),
  rights: complaint,
  caseTitle: t4('Søknad om barnehageplass', 'Søknad om barnehageplass', 'Ansökan om förskoleplats', 'Kindergarten place application'),
  schema: {
    type: 'object', required: ['childBirthDate', 'startDate', 'wishes'], additionalProperties: false,
    properties: {
      childBirthDate: { type: 'string', format: 'date' }, startDate: { type: 'string', format: 'date' },
      wishes: { type: 'array', minItems: 1, maxItems: 3, items: text(200) },
      needsAdaptation: { type: 'boolean' }, adaptation: text(2000),
    },
  },
  layout: {
    pages: [page(t4('Barnet', 'Barnet', 'Barnet', 'The child'), t4('Plass', 'Plass', 'Plats', 'Place'), [
      field('childBirthDate', t4('Barnets fødselsdato', 'Fødselsdatoen til barnet', 'Barnets födelsedatum', 'The child’s date of birth')),
      field('startDate', t4('Ønsket oppstart', 'Ønskt oppstart', 'Önskat startdatum', 'Wanted start date')),
      field('wishes', t4('Barnehager i prioritert rekkefølge', 'Barnehagar i prioritert rekkjefølgje', 'Förskolor i prioritetsordning', 'Kindergartens in order of preference')),
      field('needsAdaptation', t4('Trenger barnet tilrettelegging?', 'Treng barnet tilrettelegging?', 'Behöver barnet särskilt stöd?', 'Does the child need adaptation?')),
      field('adaptation', t4('Beskriv behovet', 'Skildre behovet', 'Beskriv behovet', 'Describe the need'), { showIf: { field: 'needsAdaptation', equals: true }, widget: 'textarea' }),
    ])],
  },
  attachments: [],
  loginLevel: 'substantial',
  submitter: 'person',
  audience: 'public',
  caseType: 'barnehageopptak',
  processingDays: 30,
};

export const problemReport: FormDefinition = exampleDefinition as FormDefinition;

export const deviationReport: FormDefinition = {
  key: 'avviksmelding',
  title: t4('Avviksmelding', 'Avviksmelding', 'Avvikelserapport', 'Deviation report'),
  description: t4('Meld fra om avvik i HMS, informasjonssikkerhet eller personvern.', 'Meld frå om avvik i HMS, informasjonstryggleik eller personvern.', 'Rapportera avvikelser inom arbetsmiljö, informationssäkerhet eller dataskydd.', 'Report a deviation in health and safety, information security or privacy.'),
  rights: internalRights,
  caseTitle: t4('Avvik: {area}', 'Avvik: {area}', 'Avvikelse: {area}', 'Deviation: {area}'),
  schema: {
    type: 'object', required: ['area', 'happenedOn', 'description'], additionalProperties: false,
    properties: { area: { type: 'string', enum: ['hms', 'informasjonssikkerhet', 'personvern'] }, happenedOn: { type: 'string', format: 'date' }, description: text(4000), measures: text(2000) },
  },
  layout: {
    pages: [page(t4('Avviket', 'Avviket', 'Avvikelsen', 'The deviation'), t4('Hva skjedde', 'Kva skjedde', 'Vad hände', 'What happened'), [
      field('area', t4('Område', 'Område', 'Område', 'Area'), { widget: 'choice', options: {
        hms: t4('Helse, miljø og sikkerhet', 'Helse, miljø og tryggleik', 'Arbetsmiljö', 'Health and safety'),
        informasjonssikkerhet: t4('Informasjonssikkerhet', 'Informasjonstryggleik', 'Informationssäkerhet', 'Information security'),
        personvern: t4('Personvern', 'Personvern', 'Dataskydd', 'Privacy'),
      } }),
      field('happenedOn', t4('Dato', 'Dato', 'Datum', 'Date')),
      field('description', t4('Beskrivelse', 'Skildring', 'Beskrivning', 'Description'), { widget: 'textarea' }),
      field('measures', t4('Strakstiltak', 'Straksttiltak', 'Omedelbara åtgärder', 'Immediate measures'), { widget: 'textarea' }),
    ])],
  },
  attachments: [],
  loginLevel: 'substantial',
  submitter: 'person',
  audience: 'employees',
  caseType: 'avvik',
  processingDays: 14,
};

export const digitalSkillsSurvey: FormDefinition = {
  key: 'digital-kompetanse',
  title: t4('Kartlegging av digital kompetanse', 'Kartlegging av digital kompetanse', 'Kartläggning av digital kompetens', 'Digital skills survey'),
  description: t4('Hjelp oss å planlegge opplæring: hvor trygg er du på de digitale verktøyene i jobben?', 'Hjelp oss å planleggje opplæring: kor trygg er du på dei digitale verktøya i jobben?', 'Hjälp oss att planera utbildning: hur säker är du på de digitala verktygen i jobbet?', 'Help us plan training: how confident are you with the digital tools of your job?'),
  rights: internalRights,
  caseTitle: t4('Kartlegging av digital kompetanse', 'Kartlegging av digital kompetanse', 'Kartläggning av digital kompetens', 'Digital skills survey'),
  schema: {
    type: 'object', required: ['confidence'], additionalProperties: false,
    properties: { confidence: { type: 'integer', minimum: 1, maximum: 5 }, wantsTraining: { type: 'array', maxItems: 10, items: { type: 'string', enum: ['archive', 'office', 'security', 'video-meetings'] } }, comment: text(2000) },
  },
  layout: {
    pages: [page(t4('Kompetanse', 'Kompetanse', 'Kompetens', 'Skills'), t4('Dine svar', 'Svara dine', 'Dina svar', 'Your answers'), [
      field('confidence', t4('Hvor trygg er du (1–5)?', 'Kor trygg er du (1–5)?', 'Hur säker är du (1–5)?', 'How confident are you (1–5)?'), { widget: 'scale' }),
      field('wantsTraining', t4('Ønsket opplæring', 'Ønskt opplæring', 'Önskad utbildning', 'Training wanted'), { widget: 'choices', options: {
        archive: t4('Arkiv og saksbehandling', 'Arkiv og sakshandsaming', 'Arkiv och ärendehantering', 'Archive and case handling'), office: t4('Kontorprogrammer', 'Kontorprogram', 'Kontorsprogram', 'Office software'),
        security: t4('Informasjonssikkerhet', 'Informasjonstryggleik', 'Informationssäkerhet', 'Information security'), 'video-meetings': t4('Videomøter', 'Videomøte', 'Videomöten', 'Video meetings'),
      } }),
      field('comment', t4('Kommentar', 'Kommentar', 'Kommentar', 'Comment'), { widget: 'textarea' }),
    ])],
  },
  attachments: [],
  loginLevel: 'substantial',
  submitter: 'person',
  audience: 'employees',
  caseType: 'kartlegging',
  processingDays: 60,
};

export const demoForms: FormDefinition[] = [buildingApplication, kindergartenApplication, problemReport, deviationReport, digitalSkillsSurvey];
