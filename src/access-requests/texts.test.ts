// SPDX-License-Identifier: EUPL-1.2
// Every text of the status page and every mail exists in nb, nn, sv and en.
import { describe, expect, it } from 'vitest';
import { languages } from '../common/languages.ts';
import { renderMail } from '../platform/mail/template.ts';
import { confirmMail, decidedMail, receivedMail, reminderMail } from './mail.ts';
import { accessRequestTexts } from './texts.ts';

describe('access-request texts', () => {
  it('has the same keys, none empty, in all four languages', () => {
    const keys = Object.keys(accessRequestTexts.nb).sort();
    for (const language of languages) {
      expect(Object.keys(accessRequestTexts[language]).sort(), language).toEqual(keys);
      for (const key of keys) expect(accessRequestTexts[language][key]?.trim(), `${language} ${key}`).toBeTruthy();
    }
  });

  it('renders every mail in every language, with its link', () => {
    const url = 'https://radhus.example/innsyn/x?key=k';
    for (const language of languages) {
      expect(renderMail(confirmMail, language, { entries: '2026/1 Søknad', url }).text).toContain(url);
      expect(renderMail(receivedMail, language, { municipality: 'Balsfjord kommune', entries: '2026/1 Søknad', deadline: '2026-03-05', url }).text).toContain('2026-03-05');
      for (const outcome of ['granted', 'partly-granted', 'refused'] as const)
        expect(renderMail(decidedMail, language, { municipality: 'Balsfjord kommune', entries: '2026/1', outcome, legalBasis: 'Offl. § 13', url }).text).toContain(url);
      expect(renderMail(reminderMail, language, { municipality: 'Balsfjord kommune', entries: '2026/1', deadline: '2026-03-05', url }).subject).toContain('2026-03-05');
    }
  });
});
