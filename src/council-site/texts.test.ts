// SPDX-License-Identifier: EUPL-1.2
// The council pages' texts in all four languages with the same placeholders, and the pure helpers:
// iCalendar escaping and folding, the recording's moment, a local month's first instant.
import { describe, expect, it } from 'vitest';
import { languages, placeholders } from '../common/languages.ts';
import { escapeText, foldLine } from './ical.ts';
import { councilSiteModule } from './manifest.ts';
import { momentOf } from './pages/MeetingPage.tsx';
import { localMidnight } from './routes.ts';
import { councilSiteTexts } from './texts.ts';

describe('council texts', () => {
  it('has every key in nb, nn, sv and en, none empty, with the same placeholders', () => {
    const keys = Object.keys(councilSiteTexts.nb).sort();
    for (const language of languages) {
      const texts = councilSiteTexts[language] as Record<string, string>;
      expect(Object.keys(texts).sort(), language).toEqual(keys);
      for (const key of keys) {
        expect(texts[key]!.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(texts[key]!), `${language} ${key}`).toEqual(placeholders((councilSiteTexts.nb as Record<string, string>)[key]!));
      }
    }
    expect(councilSiteModule.texts).toBe(councilSiteTexts);
  });
});

describe('helpers', () => {
  it('escapes iCalendar text and folds at 75 octets without splitting a character', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'ø'.repeat(100)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'ø'.repeat(100)}`);
  });

  it('points the recording at an item with a media fragment', () => {
    expect(momentOf('https://v.example/a.mp4', 90)).toBe('https://v.example/a.mp4#t=90');
    expect(momentOf('https://v.example/a.mp4#t=5', 90)).toBe('https://v.example/a.mp4#t=90');
  });

  it('begins a month at local midnight, summer time included', () => {
    expect(localMidnight(2026, 3, 'Europe/Oslo').toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(localMidnight(2026, 7, 'Europe/Stockholm').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });
});
