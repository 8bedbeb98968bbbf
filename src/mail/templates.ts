// SPDX-License-Identifier: EUPL-1.2
// The mail module's own template: a test message that shows an operator the SMTP settings work.
// Other modules keep their templates beside their code (templates per module).
import type { MailTemplate } from '../platform/mail/template.ts';

export interface TestMessageParams {
  municipality: string;
  url: string;
}

export const testMessage: MailTemplate<TestMessageParams> = {
  name: 'mail.test',
  render: {
    nb: (p) => ({
      subject: `Testmelding fra Rådhus for ${p.municipality}`,
      paragraphs: ['Hei!', `Denne meldingen viser at Rådhus kan sende e-post for ${p.municipality}. Du trenger ikke gjøre noe.`],
      action: { label: 'Åpne Rådhus', url: p.url },
      signature: `Med vennlig hilsen\n${p.municipality}`,
    }),
    nn: (p) => ({
      subject: `Testmelding frå Rådhus for ${p.municipality}`,
      paragraphs: ['Hei!', `Denne meldinga viser at Rådhus kan sende e-post for ${p.municipality}. Du treng ikkje gjere noko.`],
      action: { label: 'Opne Rådhus', url: p.url },
      signature: `Med venleg helsing\n${p.municipality}`,
    }),
    sv: (p) => ({
      subject: `Testmeddelande från Rådhus för ${p.municipality}`,
      paragraphs: ['Hej!', `Det här meddelandet visar att Rådhus kan skicka e-post för ${p.municipality}. Du behöver inte göra något.`],
      action: { label: 'Öppna Rådhus', url: p.url },
      signature: `Med vänliga hälsningar\n${p.municipality}`,
    }),
    en: (p) => ({
      subject: `Test message from Rådhus for ${p.municipality}`,
      paragraphs: ['Hello,', `This message shows that Rådhus can send mail for ${p.municipality}. You need not do anything.`],
      action: { label: 'Open Rådhus', url: p.url },
      signature: `Kind regards\n${p.municipality}`,
    }),
  },
};
