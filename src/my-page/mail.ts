// SPDX-License-Identifier: EUPL-1.2
// The notice that a message waits on My page. It says only that: no subject, no text, no case
// title, since e-mail is not a safe channel for what a case officer writes to a party.
import type { MailTemplate } from '../platform/mail/template.ts';

export interface MessageWaitingParams {
  municipality: string;
  url: string;
}

export const messageWaitingMail: MailTemplate<MessageWaitingParams> = {
  name: 'my-page.message-waiting',
  render: {
    nb: (p) => ({ subject: `Du har en ny melding fra ${p.municipality}`, paragraphs: [`${p.municipality} har sendt deg en melding i en sak du er part i.`, 'Logg inn på Min side for å lese den. Av hensyn til personvernet står innholdet ikke i denne e-posten.'], action: { label: 'Gå til Min side', url: p.url }, signature: p.municipality }),
    nn: (p) => ({ subject: `Du har ei ny melding frå ${p.municipality}`, paragraphs: [`${p.municipality} har sendt deg ei melding i ei sak du er part i.`, 'Logg inn på Mi side for å lese ho. Av omsyn til personvernet står ikkje innhaldet i denne e-posten.'], action: { label: 'Gå til Mi side', url: p.url }, signature: p.municipality }),
    sv: (p) => ({ subject: `Du har ett nytt meddelande från ${p.municipality}`, paragraphs: [`${p.municipality} har skickat ett meddelande till dig i ett ärende där du är part.`, 'Logga in på Mina sidor för att läsa det. Av integritetsskäl står innehållet inte i detta e-postmeddelande.'], action: { label: 'Gå till Mina sidor', url: p.url }, signature: p.municipality }),
    en: (p) => ({ subject: `You have a new message from ${p.municipality}`, paragraphs: [`${p.municipality} has sent you a message in a case where you are a party.`, 'Log in to My page to read it. For your privacy, the content is not in this e-mail.'], action: { label: 'Go to My page', url: p.url }, signature: p.municipality }),
  },
};
