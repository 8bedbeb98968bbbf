// SPDX-License-Identifier: EUPL-1.2
// The mails of access requests, in the four languages. They name registry numbers and public
// titles only (as the public journal shows them), never a screened value.
import type { MailTemplate } from '../platform/mail/template.ts';

export interface ConfirmParams {
  entries: string;
  url: string;
}

export const confirmMail: MailTemplate<ConfirmParams> = {
  name: 'access-requests.confirm',
  render: {
    nb: (p) => ({ subject: 'Bekreft innsynskravet ditt', paragraphs: ['Du har bedt om innsyn i:', p.entries, 'Kravet sendes til kommunen når du har bekreftet e-postadressen din. Har du ikke bedt om dette, kan du se bort fra meldingen.'], action: { label: 'Bekreft innsynskravet', url: p.url } }),
    nn: (p) => ({ subject: 'Stadfest innsynskravet ditt', paragraphs: ['Du har bede om innsyn i:', p.entries, 'Kravet blir sendt til kommunen når du har stadfesta e-postadressa di. Har du ikkje bede om dette, kan du sjå bort frå meldinga.'], action: { label: 'Stadfest innsynskravet', url: p.url } }),
    sv: (p) => ({ subject: 'Bekräfta din begäran om allmän handling', paragraphs: ['Du har begärt att få ta del av:', p.entries, 'Begäran skickas till kommunen när du har bekräftat din e-postadress. Om du inte har begärt detta kan du bortse från meddelandet.'], action: { label: 'Bekräfta begäran', url: p.url } }),
    en: (p) => ({ subject: 'Confirm your access request', paragraphs: ['You have asked for access to:', p.entries, 'The request is sent to the municipality once you have confirmed your e-mail address. If you did not ask for this, ignore this message.'], action: { label: 'Confirm the request', url: p.url } }),
  },
};

export interface ReceivedParams {
  municipality: string;
  entries: string;
  deadline: string;
  url: string;
}

export const receivedMail: MailTemplate<ReceivedParams> = {
  name: 'access-requests.received',
  render: {
    nb: (p) => ({ subject: `${p.municipality} har mottatt innsynskravet ditt`, paragraphs: ['Vi har mottatt kravet ditt om innsyn i:', p.entries, `Du får svar senest ${p.deadline}. Du kan følge kravet fra lenken under.`], action: { label: 'Følg innsynskravet', url: p.url }, signature: `Med vennlig hilsen\n${p.municipality}` }),
    nn: (p) => ({ subject: `${p.municipality} har motteke innsynskravet ditt`, paragraphs: ['Vi har motteke kravet ditt om innsyn i:', p.entries, `Du får svar seinast ${p.deadline}. Du kan følgje kravet frå lenkja under.`], action: { label: 'Følg innsynskravet', url: p.url }, signature: `Med venleg helsing\n${p.municipality}` }),
    sv: (p) => ({ subject: `${p.municipality} har tagit emot din begäran`, paragraphs: ['Vi har tagit emot din begäran att ta del av:', p.entries, `Du får svar senast ${p.deadline}. Du kan följa begäran via länken nedan.`], action: { label: 'Följ begäran', url: p.url }, signature: `Med vänliga hälsningar\n${p.municipality}` }),
    en: (p) => ({ subject: `${p.municipality} has received your access request`, paragraphs: ['We have received your request for access to:', p.entries, `You will have an answer by ${p.deadline}. You can follow the request from the link below.`], action: { label: 'Follow the request', url: p.url }, signature: `Kind regards\n${p.municipality}` }),
  },
};

export interface DecidedParams {
  municipality: string;
  entries: string;
  outcome: 'granted' | 'partly-granted' | 'refused';
  legalBasis: string;
  url: string;
}

const outcomeText = {
  nb: { granted: 'Du får innsyn. Dokumentene ligger ved lenken under.', 'partly-granted': 'Du får delvis innsyn. En sladdet kopi ligger ved lenken under.', refused: 'Kravet er avslått.' },
  nn: { granted: 'Du får innsyn. Dokumenta ligg ved lenkja under.', 'partly-granted': 'Du får delvis innsyn. Ein sladda kopi ligg ved lenkja under.', refused: 'Kravet er avslått.' },
  sv: { granted: 'Du får ta del av handlingarna. De finns via länken nedan.', 'partly-granted': 'Du får delvis ta del av handlingarna. En maskad kopia finns via länken nedan.', refused: 'Begäran har avslagits.' },
  en: { granted: 'Access is granted. The documents are at the link below.', 'partly-granted': 'Access is granted in part. A redacted copy is at the link below.', refused: 'The request is refused.' },
} as const;

const appealText = {
  nb: (basis: string) => `Hjemmel: ${basis}. Du kan klage på avgjørelsen innen tre uker fra lenken under (offentleglova § 32).`,
  nn: (basis: string) => `Heimel: ${basis}. Du kan klage på avgjerda innan tre veker frå lenkja under (offentleglova § 32).`,
  sv: (basis: string) => `Grund: ${basis}. Du kan överklaga beslutet inom tre veckor via länken nedan.`,
  en: (basis: string) => `Legal basis: ${basis}. You may appeal within three weeks from the link below.`,
} as const;

export const decidedMail: MailTemplate<DecidedParams> = {
  name: 'access-requests.decided',
  render: {
    nb: (p) => ({ subject: `Svar på innsynskravet ditt fra ${p.municipality}`, paragraphs: ['Du ba om innsyn i:', p.entries, outcomeText.nb[p.outcome], ...(p.outcome === 'granted' ? [] : [appealText.nb(p.legalBasis)])], action: { label: 'Se svaret', url: p.url }, signature: `Med vennlig hilsen\n${p.municipality}` }),
    nn: (p) => ({ subject: `Svar på innsynskravet ditt frå ${p.municipality}`, paragraphs: ['Du bad om innsyn i:', p.entries, outcomeText.nn[p.outcome], ...(p.outcome === 'granted' ? [] : [appealText.nn(p.legalBasis)])], action: { label: 'Sjå svaret', url: p.url }, signature: `Med venleg helsing\n${p.municipality}` }),
    sv: (p) => ({ subject: `Svar på din begäran från ${p.municipality}`, paragraphs: ['Du begärde att få ta del av:', p.entries, outcomeText.sv[p.outcome], ...(p.outcome === 'granted' ? [] : [appealText.sv(p.legalBasis)])], action: { label: 'Se svaret', url: p.url }, signature: `Med vänliga hälsningar\n${p.municipality}` }),
    en: (p) => ({ subject: `Answer to your access request from ${p.municipality}`, paragraphs: ['You asked for access to:', p.entries, outcomeText.en[p.outcome], ...(p.outcome === 'granted' ? [] : [appealText.en(p.legalBasis)])], action: { label: 'See the answer', url: p.url }, signature: `Kind regards\n${p.municipality}` }),
  },
};

export interface ReminderParams {
  municipality: string;
  entries: string;
  deadline: string;
  url: string;
}

export const reminderMail: MailTemplate<ReminderParams> = {
  name: 'access-requests.reminder',
  render: {
    nb: (p) => ({ subject: `Påminnelse: innsynskrav må besvares innen ${p.deadline}`, paragraphs: ['Et innsynskrav til enheten din er ikke besvart:', p.entries, `Fristen er ${p.deadline}.`], action: { label: 'Åpne innsynskravene', url: p.url }, signature: p.municipality }),
    nn: (p) => ({ subject: `Påminning: innsynskrav må svarast innan ${p.deadline}`, paragraphs: ['Eit innsynskrav til eininga di er ikkje svart på:', p.entries, `Fristen er ${p.deadline}.`], action: { label: 'Opne innsynskrava', url: p.url }, signature: p.municipality }),
    sv: (p) => ({ subject: `Påminnelse: begäran om allmän handling ska besvaras senast ${p.deadline}`, paragraphs: ['En begäran till din enhet är inte besvarad:', p.entries, `Sista dag är ${p.deadline}.`], action: { label: 'Öppna begäranden', url: p.url }, signature: p.municipality }),
    en: (p) => ({ subject: `Reminder: an access request is due by ${p.deadline}`, paragraphs: ['An access request to your unit has not been answered:', p.entries, `It is due by ${p.deadline}.`], action: { label: 'Open the access requests', url: p.url }, signature: p.municipality }),
  },
};
