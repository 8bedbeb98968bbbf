// SPDX-License-Identifier: EUPL-1.2
// The alert mails in four languages: the confirmation, and the new matches (public titles and
// registry numbers only, as the public journal shows them), each with the link that cancels.
import type { MailTemplate } from '../platform/mail/template.ts';

export interface ConfirmAlertParams {
  municipality: string;
  url: string;
}

export const confirmAlertMail: MailTemplate<ConfirmAlertParams> = {
  name: 'journal-alerts.confirm',
  render: {
    nb: (p) => ({ subject: `Bekreft varsel fra postlista til ${p.municipality}`, paragraphs: ['Du har bedt om e-post når nye journalposter passer med et søk eller en sak.', 'Har du ikke bedt om dette, kan du se bort fra meldingen.'], action: { label: 'Bekreft varselet', url: p.url } }),
    nn: (p) => ({ subject: `Stadfest varsel frå postlista til ${p.municipality}`, paragraphs: ['Du har bede om e-post når nye journalpostar passar med eit søk eller ei sak.', 'Har du ikkje bede om dette, kan du sjå bort frå meldinga.'], action: { label: 'Stadfest varselet', url: p.url } }),
    sv: (p) => ({ subject: `Bekräfta bevakning av diariet för ${p.municipality}`, paragraphs: ['Du har bett om e-post när nya handlingar matchar en sökning eller ett ärende.', 'Om du inte har bett om detta kan du bortse från meddelandet.'], action: { label: 'Bekräfta bevakningen', url: p.url } }),
    en: (p) => ({ subject: `Confirm your alert from the public journal of ${p.municipality}`, paragraphs: ['You asked for e-mail when new entries match a search or a case.', 'If you did not ask for this, ignore this message.'], action: { label: 'Confirm the alert', url: p.url } }),
  },
};

export interface NewMatchesParams {
  municipality: string;
  entries: string;
  url: string;
  cancelUrl: string;
}

export const newMatchesMail: MailTemplate<NewMatchesParams> = {
  name: 'journal-alerts.new',
  render: {
    nb: (p) => ({ subject: `Nytt i postlista til ${p.municipality}`, paragraphs: ['Nye journalposter passer med varselet ditt:', p.entries, `Avslutt varselet: ${p.cancelUrl}`], action: { label: 'Se postlista', url: p.url } }),
    nn: (p) => ({ subject: `Nytt i postlista til ${p.municipality}`, paragraphs: ['Nye journalpostar passar med varselet ditt:', p.entries, `Avslutt varselet: ${p.cancelUrl}`], action: { label: 'Sjå postlista', url: p.url } }),
    sv: (p) => ({ subject: `Nytt i diariet för ${p.municipality}`, paragraphs: ['Nya handlingar matchar din bevakning:', p.entries, `Avsluta bevakningen: ${p.cancelUrl}`], action: { label: 'Se diariet', url: p.url } }),
    en: (p) => ({ subject: `New in the public journal of ${p.municipality}`, paragraphs: ['New entries match your alert:', p.entries, `Cancel this alert: ${p.cancelUrl}`], action: { label: 'See the public journal', url: p.url } }),
  },
};
