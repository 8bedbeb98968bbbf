// SPDX-License-Identifier: EUPL-1.2
// What the author and the signers who left an e-mail are told, once per step, in four languages:
// the proposal reached its threshold and became a case, it is on a meeting's agenda, the body
// decided, or it lapsed without enough signatures.
import type { MailTemplate } from '../platform/mail/template.ts';
import type { NoticeStep } from './tables.ts';

export interface NoticeParams {
  municipality: string;
  title: string;
  step: NoticeStep;
  /** The case number (reached), the meeting's date (on-agenda), the decision (decided); may be empty. */
  detail: string;
  url: string;
}

const nb = {
  reached: (p: NoticeParams) => [`Forslaget «${p.title}» har nok underskrifter og er blitt en politisk sak${p.detail ? ` (${p.detail})` : ''}.`, 'Kommunen skal ta stilling til forslaget innen seks måneder.'],
  'on-agenda': (p: NoticeParams) => [`Forslaget «${p.title}» står på sakskartet${p.detail ? ` til møtet ${p.detail}` : ''}.`],
  decided: (p: NoticeParams) => [`Det er fattet vedtak i saken om forslaget «${p.title}».`, p.detail],
  lapsed: (p: NoticeParams) => [`Forslaget «${p.title}» fikk ikke nok underskrifter før fristen og er avsluttet.`],
};
const nn = {
  reached: (p: NoticeParams) => [`Forslaget «${p.title}» har nok underskrifter og har vorte ei politisk sak${p.detail ? ` (${p.detail})` : ''}.`, 'Kommunen skal ta stilling til forslaget innan seks månader.'],
  'on-agenda': (p: NoticeParams) => [`Forslaget «${p.title}» står på sakskartet${p.detail ? ` til møtet ${p.detail}` : ''}.`],
  decided: (p: NoticeParams) => [`Det er gjort vedtak i saka om forslaget «${p.title}».`, p.detail],
  lapsed: (p: NoticeParams) => [`Forslaget «${p.title}» fekk ikkje nok underskrifter før fristen og er avslutta.`],
};
const sv = {
  reached: (p: NoticeParams) => [`Förslaget ”${p.title}” har fått tillräckligt många underskrifter och har blivit ett ärende${p.detail ? ` (${p.detail})` : ''}.`, 'Fullmäktige ska besluta om förslaget inom ett år.'],
  'on-agenda': (p: NoticeParams) => [`Förslaget ”${p.title}” står på föredragningslistan${p.detail ? ` till sammanträdet ${p.detail}` : ''}.`],
  decided: (p: NoticeParams) => [`Beslut har fattats i ärendet om förslaget ”${p.title}”.`, p.detail],
  lapsed: (p: NoticeParams) => [`Förslaget ”${p.title}” fick inte tillräckligt många underskrifter före sista dagen och är avslutat.`],
};
const en = {
  reached: (p: NoticeParams) => [`The proposal “${p.title}” has enough signatures and has become a political case${p.detail ? ` (${p.detail})` : ''}.`, 'The municipality must decide on it within the statutory time.'],
  'on-agenda': (p: NoticeParams) => [`The proposal “${p.title}” is on the agenda${p.detail ? ` of the meeting on ${p.detail}` : ''}.`],
  decided: (p: NoticeParams) => [`A decision has been made in the case of the proposal “${p.title}”.`, p.detail],
  lapsed: (p: NoticeParams) => [`The proposal “${p.title}” did not get enough signatures before its closing date and is closed.`],
};
const subjects = {
  nb: { reached: 'Forslaget er blitt en sak', 'on-agenda': 'Forslaget står på sakskartet', decided: 'Vedtak om forslaget', lapsed: 'Forslaget er avsluttet' },
  nn: { reached: 'Forslaget har vorte ei sak', 'on-agenda': 'Forslaget står på sakskartet', decided: 'Vedtak om forslaget', lapsed: 'Forslaget er avslutta' },
  sv: { reached: 'Förslaget har blivit ett ärende', 'on-agenda': 'Förslaget står på föredragningslistan', decided: 'Beslut om förslaget', lapsed: 'Förslaget är avslutat' },
  en: { reached: 'The proposal has become a case', 'on-agenda': 'The proposal is on the agenda', decided: 'Decision on the proposal', lapsed: 'The proposal has closed' },
} as const;
const labels = { nb: 'Se forslaget', nn: 'Sjå forslaget', sv: 'Visa förslaget', en: 'See the proposal' } as const;

export const proposalNoticeMail: MailTemplate<NoticeParams> = {
  name: 'proposals.notice',
  render: {
    nb: (p) => ({ subject: `${subjects.nb[p.step]}: ${p.title} (${p.municipality})`, paragraphs: nb[p.step](p).filter(Boolean), action: { label: labels.nb, url: p.url } }),
    nn: (p) => ({ subject: `${subjects.nn[p.step]}: ${p.title} (${p.municipality})`, paragraphs: nn[p.step](p).filter(Boolean), action: { label: labels.nn, url: p.url } }),
    sv: (p) => ({ subject: `${subjects.sv[p.step]}: ${p.title} (${p.municipality})`, paragraphs: sv[p.step](p).filter(Boolean), action: { label: labels.sv, url: p.url } }),
    en: (p) => ({ subject: `${subjects.en[p.step]}: ${p.title} (${p.municipality})`, paragraphs: en[p.step](p).filter(Boolean), action: { label: labels.en, url: p.url } }),
  },
};
