// SPDX-License-Identifier: EUPL-1.2
// Höglandet demo cases, part one: fibre to the villages (the e-strategy's open, competition-neutral
// network), building permits, preschool, housing adaptation (screened under OSL 26 kap. 1 §) and
// a complaint about snow clearing.
import type { CaseTemplate } from './hoglandet-locality.ts';

export const broadband: CaseTemplate = (l) => {
  const d = (n: number) => n + l.shift;
  const [village] = l.villages;
  return {
    daysAgo: d(104),
    title: `Bredbandsutbyggnad i ${village} – ansökan om kommunal medfinansiering`,
    classCode: '3.3',
    unit: 'Kommunledningsförvaltningen',
    officer: l.staff.it,
    keywords: ['bredband', 'fiber', village],
    description: `Fiberföreningen i ${village} söker medfinansiering för att ansluta landsbygden till det öppna stadsnätet.`,
    entries: [
      {
        key: 'fibre-application',
        daysAgo: d(104),
        type: 'incoming',
        title: `Ansökan om medfinansiering för fiberutbyggnad i ${village}`,
        party: l.orgs.fibre,
        dueInDays: 30,
        body: [
          `${l.orgs.fibre.name} har 164 medlemmar som vill ansluta sina hushåll och företag till fiber. Området saknar i dag bredband med tillräcklig kapacitet, och marknaden bedöms inte bygga ut utan stöd.`,
          `Föreningen söker kommunal medfinansiering med 1 100 000 kronor som komplement till statligt bredbandsstöd. Nätet ska vara öppet och konkurrensneutralt och anslutas till ${l.town} stadsnät, i enlighet med Höglandets gemensamma e-strategi.`,
        ],
        attachment: { title: `Projektplan fiber ${village}`, body: ['Etapp 1: Grävning av stamledning från stadsnätets nod.', 'Etapp 2: Anslutning av hushåll och företag.', 'Total kostnad: 7 900 000 kronor, varav medlemsinsatser 2 600 000 kronor.'] },
      },
      {
        daysAgo: d(92),
        type: 'internal-without-followup',
        title: `Tjänsteskrivelse – medfinansiering av fiber i ${village}`,
        from: l.staff.it,
        to: l.staff.director,
        body: [
          `Utbyggnaden i ${village} bidrar till målet att alla hushåll och företag på Höglandet ska ha tillgång till bredband. Ansökan uppfyller kommunens villkor om öppet nät och konkurrensneutralitet.`,
          'Förvaltningen föreslår att kommunstyrelsen beviljar medfinansiering med högst 1 100 000 kronor, under förutsättning att statligt stöd beviljas.',
        ],
      },
      {
        daysAgo: d(78),
        type: 'outgoing',
        title: `Besked om medfinansiering – fiberutbyggnad i ${village}`,
        party: l.orgs.fibre,
        followsUp: ['fibre-application'],
        body: [
          `Kommunstyrelsen har beslutat att bevilja ${l.orgs.fibre.name} medfinansiering med högst 1 100 000 kronor för fiberutbyggnad i ${village}.`,
          'Beslutet gäller under förutsättning att föreningen beviljas statligt bredbandsstöd och att nätet hålls öppet för alla tjänsteleverantörer på lika villkor. Utbetalning sker mot redovisade kostnader.',
        ],
      },
      {
        daysAgo: d(24),
        type: 'incoming',
        title: `Lägesrapport – fiberutbyggnad i ${village}`,
        party: l.orgs.fibre,
        dueInDays: 30,
        body: [
          'Statligt bredbandsstöd har beviljats. Upphandlingen av entreprenör är klar och grävningen av stamledningen beräknas börja när tjälen har gått ur marken.',
          'Föreningen begär utbetalning av första delen av den kommunala medfinansieringen enligt bifogad kostnadsredovisning.',
        ],
      },
    ],
    remarks: [{ daysAgo: d(22), text: 'Kostnadsredovisningen kontrolleras av ekonomiavdelningen före utbetalning.' }],
  };
};

export const buildingPermit: CaseTemplate = (l) => {
  const d = (n: number) => n + l.shift;
  const builder = l.residents.builder;
  return {
    daysAgo: d(58),
    title: `Bygglov för nybyggnad av enbostadshus – ${l.property}`,
    classCode: '3.1',
    unit: 'Miljö- och byggförvaltningen',
    officer: l.staff.planner,
    keywords: ['bygglov', 'enbostadshus'],
    entries: [
      {
        key: 'permit-application',
        daysAgo: d(58),
        type: 'incoming',
        title: `Ansökan om bygglov för nybyggnad av enbostadshus på ${l.property}`,
        party: builder,
        body: [
          `Jag ansöker om bygglov för nybyggnad av ett enbostadshus i ett och ett halvt plan med garage på fastigheten ${l.property}. Byggnadsarean är 142 kvadratmeter.`,
          'Situationsplan, fasadritningar och planritning bifogas. Huset ansluts till det kommunala vatten- och avloppsnätet.',
        ],
      },
      {
        daysAgo: d(51),
        type: 'outgoing',
        title: `Föreläggande om komplettering – bygglov på ${l.property}`,
        party: builder,
        followsUp: ['permit-application'],
        body: [
          `Vi har tagit emot din ansökan om bygglov på fastigheten ${l.property}. Ansökan är inte komplett.`,
          'Enligt 9 kap. 22 § plan- och bygglagen förelägger vi dig att komplettera ansökan med en nybyggnadskarta, förslag till kontrollansvarig och en sektionsritning. Kompletteringen ska ha kommit in inom fyra veckor. Annars kan ansökan komma att avvisas.',
        ],
      },
      {
        daysAgo: d(15),
        type: 'incoming',
        title: `Komplettering av bygglovsansökan – ${l.property}`,
        party: builder,
        dueInDays: 70,
        body: ['Här kommer begärda kompletteringar: nybyggnadskarta från lantmäteriet, sektionsritning och förslag till kontrollansvarig med intyg om certifiering.'],
      },
    ],
    remarks: [{ daysAgo: d(14), text: 'Ansökan är komplett. Handläggningstiden på tio veckor enligt 9 kap. 27 § PBL räknas från mottagandet av kompletteringen.' }],
  };
};

export const preschool: CaseTemplate = (l) => {
  const d = (n: number) => n + l.shift;
  const parent = l.residents.parent;
  return {
    daysAgo: d(64),
    title: `Ansökan om förskoleplats – ${l.preschool}`,
    classCode: '4',
    unit: 'Barn- och utbildningsförvaltningen',
    officer: l.staff.caseOfficer,
    keywords: ['förskola', 'placering'],
    entries: [
      {
        key: 'preschool-application',
        daysAgo: d(64),
        type: 'incoming',
        title: `Ansökan om förskoleplats på ${l.preschool}`,
        party: parent,
        body: [
          `Vi ansöker om förskoleplats för vår dotter från och med höstterminens start. I första hand önskar vi ${l.preschool}, i andra hand en förskola i ${l.villages[1]}.`,
          'Båda vårdnadshavarna arbetar heltid. Vi har lämnat in ansökan via e-tjänsten men skickar den även per post för säkerhets skull.',
        ],
      },
      {
        daysAgo: d(47),
        type: 'outgoing',
        title: `Erbjudande om förskoleplats på ${l.preschool}`,
        party: parent,
        followsUp: ['preschool-application'],
        body: [
          `Ert barn erbjuds plats på ${l.preschool} från och med det startdatum ni önskat. Enligt 8 kap. 14 § skollagen ska förskoleplats erbjudas inom fyra månader från ansökan.`,
          'Svara på erbjudandet i e-tjänsten inom 14 dagar. Om ni inte svarar går platsen vidare till nästa barn i kön.',
        ],
      },
    ],
    closed: { daysAgo: d(40) },
  };
};

export const housingAdaptation: CaseTemplate = (l) => {
  const d = (n: number) => n + l.shift;
  const applicant = l.residents.elderly;
  return {
    daysAgo: d(74),
    title: `Ansökan om bostadsanpassningsbidrag – ${applicant.name}`,
    classCode: '5',
    unit: 'Socialförvaltningen',
    officer: l.staff.social,
    screenedPerson: applicant,
    keywords: ['bostadsanpassning'],
    entries: [
      {
        key: 'adaptation-application',
        daysAgo: d(74),
        type: 'incoming',
        title: `Ansökan om bostadsanpassningsbidrag – ${applicant.name}`,
        documentTitle: 'Ansökan om bostadsanpassningsbidrag',
        party: applicant,
        screened: true,
        body: [
          'Jag ansöker om bidrag enligt lagen (2018:222) om bostadsanpassningsbidrag för att ta bort tröskeln till badrummet, byta badkaret mot en duschplats och sätta upp stödhandtag.',
          'Efter en höftoperation kan jag inte längre använda badkaret på egen hand. Intyg från arbetsterapeut bifogas.',
        ],
        attachment: { title: 'Intyg från arbetsterapeut', body: ['Sökanden har nedsatt rörlighet och balans och behöver duschplats utan nivåskillnad samt stödhandtag vid toalett och dusch för att klara sin personliga hygien självständigt.'] },
      },
      {
        daysAgo: d(60),
        type: 'internal-without-followup',
        title: 'Utredning av ansökan om bostadsanpassningsbidrag',
        from: l.staff.social,
        to: l.staff.director,
        screened: true,
        documentTitle: 'Utredning – bostadsanpassning',
        body: [
          'Hembesök har gjorts tillsammans med arbetsterapeut. De sökta åtgärderna är nödvändiga för att sökanden ska kunna använda bostaden, och kostnaden är skälig enligt inhämtad offert.',
          'Handläggaren föreslår att bidrag beviljas med 68 400 kronor.',
        ],
      },
      {
        daysAgo: d(52),
        type: 'outgoing',
        title: `Beslut om bostadsanpassningsbidrag – ${applicant.name}`,
        documentTitle: 'Beslut om bostadsanpassningsbidrag',
        party: applicant,
        screened: true,
        followsUp: ['adaptation-application'],
        body: [
          'Du beviljas bostadsanpassningsbidrag med högst 68 400 kronor för borttagning av tröskel, duschplats i stället för badkar och stödhandtag.',
          'Bidraget betalas ut när arbetet är utfört och fakturan har kommit in. Beslutet kan överklagas hos förvaltningsrätten i Jönköping inom tre veckor från den dag du fick del av beslutet.',
        ],
      },
    ],
    closed: { daysAgo: d(46) },
  };
};

export const snowComplaint: CaseTemplate = (l) => {
  const d = (n: number) => n + l.shift;
  const neighbour = l.residents.neighbour;
  return {
    daysAgo: d(21),
    title: `Klagomål på snöröjning – ${l.street}`,
    classCode: '3',
    unit: 'Tekniska förvaltningen',
    officer: l.staff.caseOfficer,
    keywords: ['klagomål', 'snöröjning'],
    entries: [
      {
        key: 'snow-complaint',
        daysAgo: d(21),
        type: 'incoming',
        title: `Klagomål på snöröjningen på ${l.street}`,
        party: neighbour,
        body: [
          `Plogbilen lämnar stora vallar vid utfarterna på ${l.street}, och gång- och cykelbanan blev inte plogad på tre dagar efter det senaste snöfallet. Äldre grannar har inte kunnat ta sig till busshållplatsen.`,
          'Jag vill att kommunen ser över hur gatan prioriteras i snöröjningen.',
        ],
      },
      {
        daysAgo: d(15),
        type: 'outgoing',
        title: `Svar på klagomål – snöröjning på ${l.street}`,
        party: neighbour,
        followsUp: ['snow-complaint'],
        body: [
          'Tack för att du hörde av dig. Vi beklagar att gång- och cykelbanan inte blev plogad i tid. Efter det kraftiga snöfallet prioriterades huvudgator och bussgator, och en av våra entreprenörer hade maskinhaveri.',
          `Vi har nu flyttat upp gång- och cykelbanan längs ${l.street} till första prioritet, eftersom den leder till busshållplatsen. Vallar vid utfarter tar vi bort i samband med nästa bortforsling av snö.`,
        ],
      },
    ],
    closed: { daysAgo: d(14) },
  };
};
