// SPDX-License-Identifier: EUPL-1.2
// The receipt mail of a submission, in the four languages. It names the form, the case number and
// the checksum of what was filed, never an answer: mail leaves the building unencrypted.
import type { MailTemplate } from '../platform/mail/template.ts';

export interface ReceiptParams {
  municipality: string;
  form: string;
  caseNumber: string;
  checksum: string;
  days: number;
}

export const receiptMail: MailTemplate<ReceiptParams> = {
  name: 'forms.receipt',
  render: {
    nb: (p) => ({ subject: `Kvittering: ${p.form} (sak ${p.caseNumber})`, paragraphs: [`${p.municipality} har mottatt innsendingen din «${p.form}». Saksnummeret er ${p.caseNumber}.`, `Forventet saksbehandlingstid er ${p.days} dager. Du finner saken og kvitteringen på Min side.`, `Sjekksum (SHA-256) for innsendingen: ${p.checksum}`], signature: `Med vennlig hilsen\n${p.municipality}` }),
    nn: (p) => ({ subject: `Kvittering: ${p.form} (sak ${p.caseNumber})`, paragraphs: [`${p.municipality} har motteke innsendinga di «${p.form}». Saksnummeret er ${p.caseNumber}.`, `Forventa sakshandsamingstid er ${p.days} dagar. Du finn saka og kvitteringa på Mi side.`, `Sjekksum (SHA-256) for innsendinga: ${p.checksum}`], signature: `Med venleg helsing\n${p.municipality}` }),
    sv: (p) => ({ subject: `Kvitto: ${p.form} (ärende ${p.caseNumber})`, paragraphs: [`${p.municipality} har tagit emot ditt ärende ”${p.form}”. Diarienumret är ${p.caseNumber}.`, `Förväntad handläggningstid är ${p.days} dagar. Du hittar ärendet och kvittot på Mina sidor.`, `Kontrollsumma (SHA-256) för inlämningen: ${p.checksum}`], signature: `Med vänliga hälsningar\n${p.municipality}` }),
    en: (p) => ({ subject: `Receipt: ${p.form} (case ${p.caseNumber})`, paragraphs: [`${p.municipality} has received your submission “${p.form}”. The case number is ${p.caseNumber}.`, `The expected processing time is ${p.days} days. You find the case and the receipt on My page.`, `Checksum (SHA-256) of the submission: ${p.checksum}`], signature: `Kind regards\n${p.municipality}` }),
  },
};
