// SPDX-License-Identifier: EUPL-1.2
// Every key of the English source catalogue must exist, non-empty and asking for the same
// placeholders, in bokmål, nynorsk and Swedish — and no language may carry keys the others lack.
import { describe, expect, it } from 'vitest';
import { catalogues, chooseLanguage, format, languages, placeholders } from './catalogue.ts';
import { en } from './en.ts';

const keys = Object.keys(en).sort();

describe('i18n catalogue', () => {
  for (const language of languages) {
    describe(language, () => {
      const catalogue = catalogues[language] as Record<string, unknown>;

      it('has exactly the source keys', () => {
        expect(Object.keys(catalogue).sort()).toEqual(keys);
      });

      it('has no empty message', () => {
        const empty = keys.filter((key) => typeof catalogue[key] !== 'string' || !(catalogue[key] as string).trim());
        expect(empty).toEqual([]);
      });

      it('uses the same placeholders as English', () => {
        const mismatched = keys.filter((key) => placeholders(String(catalogue[key])).join() !== placeholders(en[key as keyof typeof en]).join());
        expect(mismatched).toEqual([]);
      });
    });
  }

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Sak {number} er {state}', { number: '2026/1' })).toBe('Sak 2026/1 er {state}');
  });

  it('prefers the stored choice, then the municipality, then the browser', () => {
    expect(chooseLanguage('en', 'sv', ['nb-NO'])).toBe('en');
    expect(chooseLanguage('xx', 'sv', ['nb-NO'])).toBe('sv');
    expect(chooseLanguage(null, undefined, ['nn-NO', 'en'])).toBe('nn');
    expect(chooseLanguage(null, undefined, ['no'])).toBe('nb');
    expect(chooseLanguage(null, undefined, ['de-DE', 'sv-SE'])).toBe('sv');
    expect(chooseLanguage(null, undefined, ['fr'])).toBe('nb');
  });
});
