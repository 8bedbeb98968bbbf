// SPDX-License-Identifier: EUPL-1.2
// The service catalogue page's texts (`/{tenant}/tjenester`), in the four languages.
import type { ModuleTexts } from '../platform/modules.ts';

export const formTexts: ModuleTexts = {
  nb: {
    'page.title': 'Tjenester', 'page.lead': 'Søk og send inn til {municipality} døgnet rundt. Du får kvittering med saksnummer med en gang.', 'page.skip': 'Hopp til hovedinnhold',
    'search.label': 'Søk etter tjeneste', 'search.button': 'Søk', 'search.none': 'Ingen tjenester passer søket.', 'search.count': '{count} tjenester',
    'service.rights': 'Dine rettigheter', 'service.days': 'Forventet saksbehandlingstid: {days} dager', 'service.login.none': 'Krever ikke innlogging',
    'service.login.substantial': 'Logg inn med MinID, BankID eller Buypass', 'service.login.high': 'Logg inn med BankID eller Buypass (høyt nivå)', 'service.employees': 'For ansatte i kommunen',
    'service.start': 'Start', 'language.nav': 'Språk', 'page.notFound': 'Fant ikke kommunen.',
  },
  nn: {
    'page.title': 'Tenester', 'page.lead': 'Søk og send inn til {municipality} døgnet rundt. Du får kvittering med saksnummer med ein gong.', 'page.skip': 'Hopp til hovudinnhald',
    'search.label': 'Søk etter teneste', 'search.button': 'Søk', 'search.none': 'Ingen tenester passar søket.', 'search.count': '{count} tenester',
    'service.rights': 'Rettane dine', 'service.days': 'Forventa sakshandsamingstid: {days} dagar', 'service.login.none': 'Krev ikkje innlogging',
    'service.login.substantial': 'Logg inn med MinID, BankID eller Buypass', 'service.login.high': 'Logg inn med BankID eller Buypass (høgt nivå)', 'service.employees': 'For tilsette i kommunen',
    'service.start': 'Start', 'language.nav': 'Språk', 'page.notFound': 'Fann ikkje kommunen.',
  },
  sv: {
    'page.title': 'E-tjänster', 'page.lead': 'Sök och skicka in till {municipality} dygnet runt. Du får ett kvitto med diarienummer direkt.', 'page.skip': 'Hoppa till huvudinnehåll',
    'search.label': 'Sök e-tjänst', 'search.button': 'Sök', 'search.none': 'Inga e-tjänster matchar sökningen.', 'search.count': '{count} e-tjänster',
    'service.rights': 'Dina rättigheter', 'service.days': 'Förväntad handläggningstid: {days} dagar', 'service.login.none': 'Kräver ingen inloggning',
    'service.login.substantial': 'Logga in med e-legitimation', 'service.login.high': 'Logga in med BankID eller Freja+ (hög tillitsnivå)', 'service.employees': 'För kommunens anställda',
    'service.start': 'Starta', 'language.nav': 'Språk', 'page.notFound': 'Kommunen hittades inte.',
  },
  en: {
    'page.title': 'Services', 'page.lead': 'Apply to {municipality} any time of day. You get a receipt with a case number at once.', 'page.skip': 'Skip to main content',
    'search.label': 'Search for a service', 'search.button': 'Search', 'search.none': 'No service matches the search.', 'search.count': '{count} services',
    'service.rights': 'Your rights', 'service.days': 'Expected processing time: {days} days', 'service.login.none': 'No login needed',
    'service.login.substantial': 'Log in with electronic ID', 'service.login.high': 'Log in with electronic ID at a high level', 'service.employees': 'For the municipality’s employees',
    'service.start': 'Start', 'language.nav': 'Language', 'page.notFound': 'The municipality was not found.',
  },
};
