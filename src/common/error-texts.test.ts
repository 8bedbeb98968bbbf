// SPDX-License-Identifier: EUPL-1.2
// Every error code has a text in every language, and the texts keep to the promise made to the
// person: no field paths, ids or untranslated server words.
import { describe, expect, it } from 'vitest';
import { errorCodes, fieldErrorCodes } from './errors.ts';
import { errorTexts, fieldErrorText, problemText } from './error-texts.ts';
import { languages } from './languages.ts';

describe.each(languages)('error texts in %s', (language) => {
  it.each(fieldErrorCodes)('field error %s has a text', (code) => {
    const text = errorTexts[language].field[code];
    expect(typeof text).toBe('string');
    expect(text.trim().length).toBeGreaterThan(3);
    expect(text).not.toMatch(/[{}]|\w+\.\w+\.|[0-9a-f]{8}-/);
  });

  it.each(errorCodes)('problem %s has a text', (code) => {
    expect(errorTexts[language].problem[code]?.trim().length).toBeGreaterThan(3);
  });

  it('has no texts for codes that do not exist', () => {
    expect(Object.keys(errorTexts[language].field).sort()).toEqual([...fieldErrorCodes].sort());
    expect(Object.keys(errorTexts[language].problem).sort()).toEqual([...errorCodes].sort());
  });
});

describe('unknown codes', () => {
  it('get the generic text rather than nothing (a newer server may send new codes)', () => {
    expect(fieldErrorText('nb', 'somethingNew')).toBe(errorTexts.nb.field.invalid);
    expect(problemText('sv', 'somethingNew')).toBe(errorTexts.sv.problem.internal);
  });

  it('the Norwegian text for a wrong control digit is Norwegian', () => {
    expect(fieldErrorText('nb', 'checksum')).toBe('Nummeret er ikke gyldig. Sjekk at sifrene er skrevet riktig.');
  });
});
