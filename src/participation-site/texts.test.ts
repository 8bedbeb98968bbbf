// SPDX-License-Identifier: EUPL-1.2
// The participation pages' texts in all four languages with the same placeholders.
import { describe, expect, it } from 'vitest';
import { languages, placeholders } from '../common/languages.ts';
import { participationSiteModule } from './manifest.ts';
import { participationSiteTexts } from './texts.ts';

describe('participation texts', () => {
  it('has every key in nb, nn, sv and en, none empty, with the same placeholders', () => {
    const keys = Object.keys(participationSiteTexts.nb).sort();
    for (const language of languages) {
      const texts = participationSiteTexts[language] as Record<string, string>;
      expect(Object.keys(texts).sort(), language).toEqual(keys);
      for (const key of keys) {
        expect(texts[key]!.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(texts[key]!), `${language} ${key}`).toEqual(placeholders((participationSiteTexts.nb as Record<string, string>)[key]!));
      }
    }
    expect(participationSiteModule.texts).toBe(participationSiteTexts);
  });

  it('names the law of each country in every language', () => {
    for (const language of languages) {
      expect(participationSiteTexts[language]['hub.rulesNO'], language).toContain('§ 12-1');
      expect(participationSiteTexts[language]['hub.rulesSE'], language).toMatch(/8 kap\. 1 §|chapter 8 § 1/);
    }
  });
});
