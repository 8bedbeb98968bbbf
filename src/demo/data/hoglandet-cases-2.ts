// SPDX-License-Identifier: EUPL-1.2
// Höglandet demo cases, part two: a request for public documents, an e-invoicing question,
// information security, the shared e-strategy out for consultation, and a new e-service.
import type { CaseTemplate } from './hoglandet-locality.ts';
import { hoglandetAssociation } from './hoglandet-locality.ts';

export const documentRequest: CaseTemplate = (l) => {
  const d = (n: number) => n + l.shift;
  return {
    daysAgo: d(37),
    title: 'Begäran om allmän handling – upphandling av IT-drift',
    classCode: '2.1',
    unit: 'Kommunledningsförvaltningen',
    officer: l.staff.archivist,
    keywords: ['allmän handling', 'offentlighetsprincipen'],
    entries: [
      {
        key: 'records-request',
        daysAgo: d(37),
        type: 'incoming',
        title: 'Begäran om utlämnande av allmänna handlingar – upphandling av IT-drift',
        party: l.orgs.newspaper,
        body: [
          `Med stöd av 2 kap. tryckfrihetsförordningen begär jag att få ta del av tilldelningsbeslutet, utvärderingen och det vinnande anbudet i ${l.town} kommuns upphandling av IT-drift och support.`,
          'Handlingarna kan skickas med e-post.',
        ],
      },
      {
        daysAgo: d(36),
        type: 'outgoing',
        title: 'Beslut om utlämnande av allmänna handlingar – upphandling av IT-drift',
        party: l.orgs.newspaper,
        followsUp: ['records-request'],
        body: [
          'Du får ta del av tilldelningsbeslutet och utvärderingsrapporten i sin helhet. Handlingarna bifogas.',
          'Det vinnande anbudet lämnas ut med undantag för anbudsgivarens prissättning per timme och kundreferenser, som omfattas av sekretess enligt 31 kap. 16 § offentlighets- och sekretesslagen.',
          'Beslutet att inte lämna ut de sekretessbelagda uppgifterna kan överklagas hos kammarrätten i Jönköping. Överklagandet ska ha kommit in till kommunen inom tre veckor från den dag du fick del av beslutet.',
        ],
      },
    ],
    closed: { daysAgo: d(35) },
  };
};

export const eInvoice: CaseTemplate = (l) => {
  const d = (n: number) => n + l.shift;
  return {
    daysAgo: d(27),
    title: 'E-faktura – fråga om Peppol-ID och referens',
    classCode: '2.3',
    unit: 'Ekonomiavdelningen',
    officer: l.staff.finance,
    keywords: ['e-faktura', 'Peppol'],
    entries: [
      {
        key: 'invoice-question',
        daysAgo: d(27),
        type: 'incoming',
        title: 'Fråga om fakturering med e-faktura',
        party: l.orgs.supplier,
        body: [
          `Vi har tecknat ramavtal om kontorsmaterial med ${l.town} kommun och har fått våra första fakturor i retur med beskedet att de saknar giltig referens. Vi har skickat fakturorna som PDF.`,
          'Vilket Peppol-ID ska vi använda, och vilken referens ska stå på fakturan?',
        ],
      },
      {
        daysAgo: d(25),
        type: 'outgoing',
        title: `Svar – fakturering till ${l.town} kommun`,
        party: l.orgs.supplier,
        followsUp: ['invoice-question'],
        body: [
          'Enligt lagen (2018:1277) om elektroniska fakturor till följd av offentlig upphandling ska fakturor till kommunen skickas elektroniskt i formatet Peppol BIS Billing 3. PDF-fakturor kan vi inte ta emot.',
          'Kommunens Peppol-ID består av prefixet 0007 och vårt organisationsnummer. Ange alltid beställarens referenskod i fältet för köparens referens, annars returneras fakturan automatiskt.',
          'Om ni saknar eget system kan ni skicka e-fakturor kostnadsfritt via vår leverantörsportal.',
        ],
      },
    ],
    closed: { daysAgo: d(24) },
  };
};

export const infoSecurity: CaseTemplate = (l) => {
  const d = (n: number) => n + l.shift;
  return {
    daysAgo: d(110),
    title: 'Informationssäkerhet – riskanalys av e-tjänster och IT-infrastruktur',
    classCode: '2.1',
    unit: 'Kommunledningsförvaltningen',
    officer: l.staff.it,
    keywords: ['informationssäkerhet', 'riskanalys'],
    entries: [
      {
        key: 'security-assignment',
        daysAgo: d(110),
        type: 'internal-with-followup',
        title: 'Uppdrag – riskanalys av e-tjänster och IT-infrastruktur',
        from: l.staff.director,
        to: l.staff.it,
        body: [
          'Enligt informationssäkerhetspolicyn ska verksamhetskritiska system och e-tjänster riskanalyseras årligen. IT-strategen får i uppdrag att genomföra analysen tillsammans med Höglandets gemensamma IT-förvaltning.',
          'Analysen ska särskilt belysa e-legitimation, behörighetsstyrning, säkerhetskopiering och beroendet av det ortssammanbindande nätet.',
        ],
      },
      {
        daysAgo: d(66),
        type: 'internal-without-followup',
        title: 'Riskanalys av e-tjänster och IT-infrastruktur – resultat',
        from: l.staff.it,
        to: l.staff.director,
        followsUp: ['security-assignment'],
        body: [
          'Analysen omfattar 23 e-tjänster och 41 verksamhetssystem. Tre risker bedöms som höga: att återläsning från säkerhetskopior inte har övats, att flera e-tjänster saknar tvåfaktorsinloggning för handläggare, och att två orter saknar redundant anslutning till stadsnätet.',
          'Åtgärdsförslag med kostnader bifogas. Förvaltningen föreslår att åtgärderna tas med i budgeten för nästa år.',
        ],
        attachment: { title: 'Åtgärdsplan informationssäkerhet', body: ['1. Öva fullständig återläsning från säkerhetskopia två gånger per år.', '2. Inför tvåfaktorsinloggning för alla handläggare i e-tjänsteplattformen.', '3. Utred redundant fiberanslutning för de orter som saknar det.'] },
      },
    ],
    remarks: [{ daysAgo: d(63), text: 'Åtgärdsplanen tas upp i Höglandets gemensamma IT-styrgrupp.' }],
  };
};

export const eStrategy: CaseTemplate = (l) => {
  const d = (n: number) => n + l.shift;
  return {
    daysAgo: d(95),
    title: 'Remiss – reviderad e-strategi för Höglandet',
    classCode: '1.2',
    unit: 'Kommunledningsförvaltningen',
    officer: l.staff.director,
    keywords: ['e-strategi', 'Höglandet', 'e-förvaltning'],
    entries: [
      {
        key: 'strategy-consultation',
        daysAgo: d(95),
        type: 'incoming',
        title: 'Remiss – förslag till reviderad e-strategi för Höglandet',
        party: hoglandetAssociation,
        dueInDays: 42,
        body: [
          'Kommunalförbundet översänder förslag till reviderad e-strategi för Höglandet för yttrande. Strategin bygger vidare på visionen om 24-timmarskommunen: e-service för invånare och företag, e-demokrati som fördjupar invånarnas inflytande och en sammanhållen e-förvaltning där kommunerna samverkar.',
          'Medlemskommunerna ombeds yttra sig särskilt över förslaget att gemensamt förvalta e-tjänsteplattform, e-arkiv och diarium.',
        ],
        attachment: { title: 'Förslag till e-strategi för Höglandet', body: ['Vision: Höglandet är en funktionell region där kommunal service finns tillgänglig dygnet runt.', 'Mål: de vanligaste ärendetyperna ska kunna skötas digitalt, med hög säkerhet, i ett öppet och konkurrensneutralt nät.', 'Samverkan: gemensam förvaltning av system som kommunerna beslutar att driva tillsammans.'] },
      },
      {
        daysAgo: d(80),
        type: 'internal-without-followup',
        title: 'Tjänsteskrivelse – yttrande över reviderad e-strategi för Höglandet',
        from: l.staff.director,
        to: l.staff.politician,
        body: [
          'Förvaltningen ställer sig bakom förslaget. Gemensam förvaltning av e-arkiv och diarium ger lägre kostnader och bättre förutsättningar att följa arkivlagen och offentlighetsprincipen.',
          'Förvaltningen föreslår att strategin kompletteras med mål för tillgänglighet i e-tjänsterna och för öppna data.',
        ],
      },
      {
        daysAgo: d(65),
        type: 'internal-without-followup',
        title: 'Protokollsutdrag – kommunstyrelsen, yttrande över e-strategi för Höglandet',
        from: l.staff.politician,
        to: l.staff.director,
        body: ['Kommunstyrelsen beslutade att avge yttrande i enlighet med förvaltningens förslag, med tillägget att invånarnas möjlighet att följa sina ärenden digitalt ska prioriteras.'],
      },
      {
        daysAgo: d(62),
        type: 'outgoing',
        title: 'Yttrande över förslag till reviderad e-strategi för Höglandet',
        party: hoglandetAssociation,
        followsUp: ['strategy-consultation'],
        body: [
          `${l.town} kommun tillstyrker förslaget till reviderad e-strategi och gemensam förvaltning av e-tjänsteplattform, e-arkiv och diarium.`,
          'Kommunen föreslår att strategin kompletteras med mål för tillgängliga e-tjänster, öppna data och invånarnas möjlighet att följa sina ärenden digitalt.',
        ],
      },
    ],
    closed: { daysAgo: d(60), retention: { decision: 'keep', authority: 'Dokumenthanteringsplan för kommunstyrelsen: styrdokument och remissvar bevaras' } },
  };
};

export const eService: CaseTemplate = (l) => {
  const d = (n: number) => n + l.shift;
  return {
    daysAgo: d(48),
    title: 'Införande av e-tjänst för felanmälan och synpunkter',
    classCode: '2.1',
    unit: 'Kommunledningsförvaltningen',
    officer: l.staff.it,
    keywords: ['e-tjänst', '24-timmarskommun'],
    entries: [
      {
        daysAgo: d(48),
        type: 'internal-without-followup',
        title: 'Projektdirektiv – e-tjänst för felanmälan och synpunkter',
        from: l.staff.director,
        to: l.staff.it,
        body: [
          'Invånare ska dygnet runt kunna anmäla fel på gator, belysning och lekplatser och lämna synpunkter, med foto och kartposition, och följa sitt ärende digitalt.',
          'E-tjänsten ska byggas på den gemensamma e-tjänsteplattformen för Höglandet och vara klar före sommaren.',
        ],
      },
      {
        daysAgo: d(41),
        type: 'outgoing',
        title: 'Förfrågan om offert – e-tjänst för felanmälan',
        party: l.orgs.platform,
        body: ['Vi ber om offert på konfiguration av en e-tjänst för felanmälan och synpunkter i er plattform, med integration mot kommunens diarium och kartunderlag. Offerten ska innehålla tillgänglighetsgranskning enligt lagen om tillgänglighet till digital offentlig service.'],
      },
      {
        daysAgo: d(19),
        type: 'incoming',
        title: 'Offert – e-tjänst för felanmälan och synpunkter',
        party: l.orgs.platform,
        dueInDays: 30,
        body: ['Vi offererar konfiguration, integration mot diariet och kartunderlag samt tillgänglighetsgranskning till ett fast pris av 148 000 kronor exklusive moms. Leveranstid sex veckor från beställning. Offerten gäller i 60 dagar.'],
      },
    ],
  };
};
