// SPDX-License-Identifier: EUPL-1.2
// Every text of the public pages exists in all four languages, asks for the same values, and is
// what the module manifest hands out; and the pure helpers behind the language choice.
import { describe, expect, it } from 'vitest';
import { languages, placeholders } from '../common/languages.ts';
import { acceptedLanguages, formatDate, translator } from './i18n.ts';
import { siteModule } from './manifest.ts';
import { siteTexts } from './texts.ts';

describe('site texts', () => {
  it('has every key in nb, nn, sv and en, none empty, with the same placeholders', () => {
    const keys = Object.keys(siteTexts.nb).sort();
    expect(keys.length).toBeGreaterThan(20);
    for (const language of languages) {
      const texts = siteTexts[language];
      expect(Object.keys(texts).sort(), language).toEqual(keys);
      for (const key of keys) {
        const text = texts[key as keyof typeof texts];
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(siteTexts.nb[key as keyof typeof siteTexts.nb]));
      }
    }
  });

  it('are the texts of the module manifest', () => {
    expect(siteModule.texts).toBe(siteTexts);
  });

  it('translates with placeholders filled', () => {
    expect(translator(siteTexts, 'nn')('municipality.intro', { name: 'Balsfjord kommune' })).toBe('Her finn du det Balsfjord kommune har gjort offentleg.');
    expect(translator(siteTexts, 'sv')('journal.heading')).toBe('Senast i diariet');
  });
});

describe('language helpers', () => {
  it('orders Accept-Language by preference and drops refused languages', () => {
    expect(acceptedLanguages('en;q=0.5, sv-SE, nn;q=0.8, de;q=0')).toEqual(['sv-SE', 'nn', 'en']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages('*')).toEqual([]);
  });

  it('writes dates as each language does', () => {
    expect(formatDate('2026-03-01', 'nb')).toBe('01.03.2026');
    expect(formatDate('2026-03-01', 'nn')).toBe('01.03.2026');
    expect(formatDate('2026-03-01', 'sv')).toBe('2026-03-01');
    expect(formatDate('2026-03-01', 'en')).toBe('1 Mar 2026');
    expect(formatDate('not a date', 'nb')).toBe('not a date');
  });
});
