// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { emptyScreening, fromScreening, previewPublicTitle, toScreening } from './screeningDraft.ts';

describe('screening draft', () => {
  const draft = { ...emptyScreening, enabled: true, legalBasis: ' Offl. § 13 jf. fvl. § 13 første ledd nr. 1 ', fields: ['correspondents' as const], titleWords: 'Ola Nordmann\n\nOla\nOla Nordmann' };

  it('sends nothing when screening is off', () => {
    expect(toScreening({ ...draft, enabled: false })).toBeUndefined();
  });

  it('trims the legal basis and sends each screened word once', () => {
    expect(toScreening(draft)).toEqual({ legalBasis: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1', fields: ['correspondents'], titleWords: ['Ola Nordmann', 'Ola'] });
  });

  it('previews the public title, longest phrase first and case-insensitively', () => {
    expect(previewPublicTitle('Søknad fra ola nordmann om støtte til Ola', draft)).toBe('Søknad fra ***** om støtte til *****');
    expect(previewPublicTitle('Anything', { ...draft, fields: ['title'] })).toBe('*****');
  });

  it('round-trips a stored screening', () => {
    const stored = { legalBasis: 'OSL 26 kap. 1 §', accessCode: 'S', fields: ['documents' as const], titleWords: ['Anna Andersson'] };
    expect(toScreening(fromScreening(stored))).toEqual(stored);
  });
});
