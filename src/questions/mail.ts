// SPDX-License-Identifier: EUPL-1.2
// The question mails in four languages: to the politician (or the party's members) when asked, to
// the asker when answered. Each carries the public page of the question, never the asker's login.
import type { MailTemplate } from '../platform/mail/template.ts';

export interface AskedParams { municipality: string; asker: string; to: string; text: string; url: string }
export interface AnsweredParams { municipality: string; by: string; url: string }

export const questionAskedMail: MailTemplate<AskedParams> = {
  name: 'questions.asked',
  render: {
    nb: (p) => ({ subject: `Nytt spørsmål til ${p.to} i ${p.municipality}`, paragraphs: [`${p.asker} spør:`, p.text, 'Spørsmålet og svaret ditt vises offentlig. Logg inn og svar fra arbeidsflaten din.'], action: { label: 'Se spørsmålet', url: p.url } }),
    nn: (p) => ({ subject: `Nytt spørsmål til ${p.to} i ${p.municipality}`, paragraphs: [`${p.asker} spør:`, p.text, 'Spørsmålet og svaret ditt blir viste offentleg. Logg inn og svar frå arbeidsflata di.'], action: { label: 'Sjå spørsmålet', url: p.url } }),
    sv: (p) => ({ subject: `Ny fråga till ${p.to} i ${p.municipality}`, paragraphs: [`${p.asker} frågar:`, p.text, 'Frågan och ditt svar visas offentligt. Logga in och svara från din arbetsyta.'], action: { label: 'Visa frågan', url: p.url } }),
    en: (p) => ({ subject: `New question to ${p.to} in ${p.municipality}`, paragraphs: [`${p.asker} asks:`, p.text, 'The question and your answer are public. Log in and answer from your workspace.'], action: { label: 'See the question', url: p.url } }),
  },
};

export const questionAnsweredMail: MailTemplate<AnsweredParams> = {
  name: 'questions.answered',
  render: {
    nb: (p) => ({ subject: `Spørsmålet ditt er besvart – ${p.municipality}`, paragraphs: [`${p.by} har svart på spørsmålet ditt.`], action: { label: 'Les svaret', url: p.url } }),
    nn: (p) => ({ subject: `Spørsmålet ditt er svart på – ${p.municipality}`, paragraphs: [`${p.by} har svart på spørsmålet ditt.`], action: { label: 'Les svaret', url: p.url } }),
    sv: (p) => ({ subject: `Din fråga har besvarats – ${p.municipality}`, paragraphs: [`${p.by} har svarat på din fråga.`], action: { label: 'Läs svaret', url: p.url } }),
    en: (p) => ({ subject: `Your question has been answered – ${p.municipality}`, paragraphs: [`${p.by} has answered your question.`], action: { label: 'Read the answer', url: p.url } }),
  },
};
