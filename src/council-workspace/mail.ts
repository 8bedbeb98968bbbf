// SPDX-License-Identifier: EUPL-1.2
// The mails of a reported absence (forfall), in the four languages: the substitute called to meet,
// and the secretariat told who is absent, why, and whom the workspace called.
import type { MailTemplate } from '../platform/mail/template.ts';

export interface CallParams { municipality: string; body: string; when: string; absent: string; url: string }
export interface AbsenceParams { municipality: string; body: string; when: string; absent: string; reason: string; substitute: string | null; url: string }

export const substituteCallMail: MailTemplate<CallParams> = {
  name: 'council-workspace.substitute-call',
  render: {
    nb: (p) => ({ subject: `Du er kalt inn som vararepresentant: ${p.body} ${p.when}`, paragraphs: [`${p.absent} har meldt forfall til møtet i ${p.body} (${p.municipality}) ${p.when}. Du er neste vararepresentant og er kalt inn.`, 'Svar om du kan møte i arbeidsflaten for folkevalgte. Sakspapirene ligger der.'], action: { label: 'Svar på innkallingen', url: p.url } }),
    nn: (p) => ({ subject: `Du er kalla inn som vararepresentant: ${p.body} ${p.when}`, paragraphs: [`${p.absent} har meldt forfall til møtet i ${p.body} (${p.municipality}) ${p.when}. Du er neste vararepresentant og er kalla inn.`, 'Svar om du kan møte i arbeidsflata for folkevalde. Sakspapira ligg der.'], action: { label: 'Svar på innkallinga', url: p.url } }),
    sv: (p) => ({ subject: `Du är kallad som ersättare: ${p.body} ${p.when}`, paragraphs: [`${p.absent} har anmält förhinder till sammanträdet i ${p.body} (${p.municipality}) ${p.when}. Du är nästa ersättare och är kallad att tjänstgöra.`, 'Svara om du kan delta i arbetsytan för förtroendevalda. Handlingarna finns där.'], action: { label: 'Svara på kallelsen', url: p.url } }),
    en: (p) => ({ subject: `You are called in as a substitute: ${p.body} ${p.when}`, paragraphs: [`${p.absent} has reported absence from the meeting of ${p.body} (${p.municipality}) ${p.when}. You are the next substitute and are called in.`, 'Answer whether you can attend in the members’ workspace. The case papers are there.'], action: { label: 'Answer the call', url: p.url } }),
  },
};

export const absenceReportedMail: MailTemplate<AbsenceParams> = {
  name: 'council-workspace.absence-reported',
  render: {
    nb: (p) => ({ subject: `Forfall: ${p.absent}, ${p.body} ${p.when}`, paragraphs: [`${p.absent} har meldt forfall til møtet i ${p.body} ${p.when}.`, `Grunn: ${p.reason}`, p.substitute ? `${p.substitute} er kalt inn som vararepresentant.` : 'Det er ingen flere vararepresentanter å kalle inn fra listen. Sekretariatet må finne en løsning.'], action: { label: 'Åpne møtet', url: p.url } }),
    nn: (p) => ({ subject: `Forfall: ${p.absent}, ${p.body} ${p.when}`, paragraphs: [`${p.absent} har meldt forfall til møtet i ${p.body} ${p.when}.`, `Grunn: ${p.reason}`, p.substitute ? `${p.substitute} er kalla inn som vararepresentant.` : 'Det er ingen fleire vararepresentantar å kalle inn frå lista. Sekretariatet må finne ei løysing.'], action: { label: 'Opne møtet', url: p.url } }),
    sv: (p) => ({ subject: `Förhinder: ${p.absent}, ${p.body} ${p.when}`, paragraphs: [`${p.absent} har anmält förhinder till sammanträdet i ${p.body} ${p.when}.`, `Skäl: ${p.reason}`, p.substitute ? `${p.substitute} är kallad som ersättare.` : 'Det finns inga fler ersättare att kalla från listan. Sekretariatet behöver lösa det.'], action: { label: 'Öppna sammanträdet', url: p.url } }),
    en: (p) => ({ subject: `Absence: ${p.absent}, ${p.body} ${p.when}`, paragraphs: [`${p.absent} has reported absence from the meeting of ${p.body} ${p.when}.`, `Reason: ${p.reason}`, p.substitute ? `${p.substitute} has been called in as a substitute.` : 'There is no further substitute on the list to call. The secretariat must find a solution.'], action: { label: 'Open the meeting', url: p.url } }),
  },
};
