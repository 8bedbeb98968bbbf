// SPDX-License-Identifier: EUPL-1.2
// The screening part of a form while it is being filled in, and what it becomes in the request.
import type { Country, Screening, ScreenedField, ScreeningInput } from '../api/types.ts';
import { publicTitle, screeningWords } from '../../../src/common/screening.ts';

export interface ScreeningDraft {
  enabled: boolean;
  legalBasis: string;
  accessCode: string;
  fields: ScreenedField[];
  /** One word or phrase per line, as typed. */
  titleWords: string;
}

export const emptyScreening: ScreeningDraft = { enabled: false, legalBasis: '', accessCode: '', fields: [], titleWords: '' };

/** Legal bases a case officer reaches for most often; any other text is accepted too. */
export const commonLegalBases: Record<Country, string[]> = {
  NO: ['Offl. § 13 jf. fvl. § 13 første ledd nr. 1', 'Offl. § 26 femte ledd', 'Offl. § 14 første ledd', 'Offl. § 23 første ledd'],
  SE: ['OSL 26 kap. 1 §', 'OSL 21 kap. 1 §', 'OSL 23 kap. 1 §', 'OSL 31 kap. 16 §'],
};


export function toScreening(draft: ScreeningDraft): ScreeningInput | undefined {
  if (!draft.enabled) return undefined;
  const words = screeningWords(draft.titleWords);
  return {
    legalBasis: draft.legalBasis.trim(),
    ...(draft.accessCode.trim() ? { accessCode: draft.accessCode.trim() } : {}),
    fields: draft.fields,
    ...(words.length ? { titleWords: words } : {}),
  };
}

export function fromScreening(screening: Screening | null | undefined): ScreeningDraft {
  if (!screening) return emptyScreening;
  return {
    enabled: true,
    legalBasis: screening.legalBasis,
    accessCode: screening.accessCode ?? '',
    fields: [...screening.fields],
    titleWords: (screening.titleWords ?? []).join('\n'),
  };
}

/** What the public will see: the archive's own rule (src/common/screening.ts), applied to the draft. */
export function previewPublicTitle(title: string, draft: ScreeningDraft): string {
  if (!draft.enabled) return title;
  return publicTitle(title, { fields: draft.fields, titleWords: screeningWords(draft.titleWords) });
}
