// SPDX-License-Identifier: EUPL-1.2
// The invitation to sign, in the four languages: who asks, what (a title only), and the link.
import type { MailTemplate } from '../platform/mail/template.ts';

export interface InviteParams {
  municipality: string;
  requester: string;
  what: string;
  url: string;
}

export const inviteMail: MailTemplate<InviteParams> = {
  name: 'signing.invite',
  render: {
    nb: (p) => ({ subject: `Du er bedt om å signere: ${p.what}`, paragraphs: [`${p.requester} har ført deg opp som medsøker på «${p.what}» til ${p.municipality}.`, 'Søknaden sendes først når alle har signert. Logg inn med elektronisk ID og signer fra lenken under.'], action: { label: 'Se og signer', url: p.url } }),
    nn: (p) => ({ subject: `Du er beden om å signere: ${p.what}`, paragraphs: [`${p.requester} har ført deg opp som medsøkjar på «${p.what}» til ${p.municipality}.`, 'Søknaden blir send først når alle har signert. Logg inn med elektronisk ID og signer frå lenkja under.'], action: { label: 'Sjå og signer', url: p.url } }),
    sv: (p) => ({ subject: `Du ombeds signera: ${p.what}`, paragraphs: [`${p.requester} har angett dig som medsökande på ”${p.what}” till ${p.municipality}.`, 'Ansökan skickas först när alla har signerat. Logga in med e-legitimation och signera via länken nedan.'], action: { label: 'Visa och signera', url: p.url } }),
    en: (p) => ({ subject: `You are asked to sign: ${p.what}`, paragraphs: [`${p.requester} has named you as a co-applicant on “${p.what}” to ${p.municipality}.`, 'The application is sent only when everyone has signed. Log in with electronic ID and sign from the link below.'], action: { label: 'View and sign', url: p.url } }),
  },
};
