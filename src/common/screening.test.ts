// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicTitle, SCREENED_MARK, validateScreening, normaliseScreening } from './screening.ts';

const screening = (titleWords: string[], fields: ('title' | 'correspondents')[] = []) =>
  normaliseScreening({ legalBasis: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1', titleWords, fields });

describe('publicTitle', () => {
  it('replaces screened words wherever and however they are written', () => {
    expect(publicTitle('Søknad fra OLA NORDMANN om støtte til Ola Nordmann', screening(['Ola Nordmann']))).toBe(`Søknad fra ${SCREENED_MARK} om støtte til ${SCREENED_MARK}`);
  });

  it('replaces the longer phrase first', () => {
    expect(publicTitle('Klage fra Ola Nordmann og Ola', screening(['Ola', 'Ola Nordmann']))).toBe(`Klage fra ${SCREENED_MARK} og ${SCREENED_MARK}`);
  });

  it('treats regular-expression characters literally', () => {
    expect(publicTitle('Sak (a+b) og a+b', screening(['(a+b)']))).toBe(`Sak ${SCREENED_MARK} og a+b`);
  });

  it('hides the whole title when the title field is screened', () => {
    expect(publicTitle('Anything at all', screening([], ['title']))).toBe(SCREENED_MARK);
  });

  it('never lets a screened word survive in the public title (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zÆØÅæøåÄÖäö]{3,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.array(fc.stringMatching(/^[a-z ]{0,10}$/), { maxLength: 4 }), (secrets, filler) => {
        const title = [...filler, ...secrets, ...filler].join(' ');
        const result = publicTitle(title, screening(secrets));
        for (const secret of secrets) expect(result.toLocaleLowerCase()).not.toContain(secret.toLocaleLowerCase());
      }),
    );
  });
});

describe('validateScreening', () => {
  it('reports every problem at once', () => {
    const errors = validateScreening({ legalBasis: ' ', fields: ['bogus'], titleWords: ['absent'] }, 'Søknad om skjenkebevilling');
    expect(errors.map((e) => e.field)).toEqual(['screening.legalBasis', 'screening.fields.0', 'screening.titleWords.0']);
  });
  it('asks for something to screen', () => {
    expect(validateScreening({ legalBasis: 'Offl. § 13' }, 'x').map((e) => e.code)).toEqual(['nothingScreened']);
  });
});
