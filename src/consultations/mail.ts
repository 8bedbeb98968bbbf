// SPDX-License-Identifier: EUPL-1.2
// The mail that confirms a comment sent without login, in four languages: the link leads to a page
// with a button (a GET never files anything, so a mail scanner that opens links confirms nothing).
import type { MailTemplate } from '../platform/mail/template.ts';

export interface ConfirmCommentParams {
  municipality: string;
  consultation: string;
  deadline: string;
  url: string;
}

export const confirmCommentMail: MailTemplate<ConfirmCommentParams> = {
  name: 'consultations.comment-confirm',
  render: {
    nb: (p) => ({
      subject: `Bekreft høringsuttalelsen din til ${p.municipality}`,
      paragraphs: [`Du har sendt en uttalelse til høringen «${p.consultation}».`, `Den blir journalført i saken når du bekrefter, senest ${p.deadline}.`, 'Har du ikke sendt noe, kan du se bort fra meldingen.'],
      action: { label: 'Bekreft uttalelsen', url: p.url },
    }),
    nn: (p) => ({
      subject: `Stadfest høyringsfråsegna di til ${p.municipality}`,
      paragraphs: [`Du har sendt ei fråsegn til høyringa «${p.consultation}».`, `Ho blir journalført i saka når du stadfestar, seinast ${p.deadline}.`, 'Har du ikkje sendt noko, kan du sjå bort frå meldinga.'],
      action: { label: 'Stadfest fråsegna', url: p.url },
    }),
    sv: (p) => ({
      subject: `Bekräfta ditt remissvar till ${p.municipality}`,
      paragraphs: [`Du har skickat ett svar på remissen ”${p.consultation}”.`, `Det diarieförs i ärendet när du bekräftar, senast ${p.deadline}.`, 'Om du inte har skickat något kan du bortse från meddelandet.'],
      action: { label: 'Bekräfta svaret', url: p.url },
    }),
    en: (p) => ({
      subject: `Confirm your consultation response to ${p.municipality}`,
      paragraphs: [`You sent a response to the consultation “${p.consultation}”.`, `It is filed in the case when you confirm it, by ${p.deadline} at the latest.`, 'If you did not send anything, ignore this message.'],
      action: { label: 'Confirm the response', url: p.url },
    }),
  },
};
