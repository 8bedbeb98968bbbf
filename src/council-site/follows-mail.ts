// SPDX-License-Identifier: EUPL-1.2
// The follow mails in four languages: the confirmation, and the news (an agenda or minutes that
// concern what is followed), each news mail with the link that cancels.
import type { MailTemplate } from '../platform/mail/template.ts';

export const confirmFollowMail: MailTemplate<{ municipality: string; what: string; url: string }> = {
  name: 'council-site.follow-confirm',
  render: {
    nb: (p) => ({ subject: `Bekreft at du vil følge ${p.what} i ${p.municipality}`, paragraphs: ['Du har bedt om e-post når sakskart og protokoller gjelder dette.', 'Har du ikke bedt om dette, kan du se bort fra meldingen.'], action: { label: 'Bekreft', url: p.url } }),
    nn: (p) => ({ subject: `Stadfest at du vil følgje ${p.what} i ${p.municipality}`, paragraphs: ['Du har bede om e-post når sakskart og protokollar gjeld dette.', 'Har du ikkje bede om dette, kan du sjå bort frå meldinga.'], action: { label: 'Stadfest', url: p.url } }),
    sv: (p) => ({ subject: `Bekräfta att du vill följa ${p.what} i ${p.municipality}`, paragraphs: ['Du har bett om e-post när föredragningslistor och protokoll gäller detta.', 'Om du inte har bett om detta kan du bortse från meddelandet.'], action: { label: 'Bekräfta', url: p.url } }),
    en: (p) => ({ subject: `Confirm that you follow ${p.what} in ${p.municipality}`, paragraphs: ['You asked for e-mail when agendas and minutes concern this.', 'If you did not ask for this, ignore this message.'], action: { label: 'Confirm', url: p.url } }),
  },
};

export interface FollowNewsParams {
  municipality: string;
  what: string;
  news: string;
  url: string;
  cancelUrl: string;
}

export const followNewsMail: MailTemplate<FollowNewsParams> = {
  name: 'council-site.follow-news',
  render: {
    nb: (p) => ({ subject: `Nytt om ${p.what} i ${p.municipality}`, paragraphs: [p.news, `Slutt å følge: ${p.cancelUrl}`], action: { label: 'Se møtet', url: p.url } }),
    nn: (p) => ({ subject: `Nytt om ${p.what} i ${p.municipality}`, paragraphs: [p.news, `Slutt å følgje: ${p.cancelUrl}`], action: { label: 'Sjå møtet', url: p.url } }),
    sv: (p) => ({ subject: `Nytt om ${p.what} i ${p.municipality}`, paragraphs: [p.news, `Sluta följa: ${p.cancelUrl}`], action: { label: 'Se sammanträdet', url: p.url } }),
    en: (p) => ({ subject: `News about ${p.what} in ${p.municipality}`, paragraphs: [p.news, `Stop following: ${p.cancelUrl}`], action: { label: 'See the meeting', url: p.url } }),
  },
};
