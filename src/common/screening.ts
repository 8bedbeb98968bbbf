// SPDX-License-Identifier: EUPL-1.2
// Skjerming, as pure functions: the rule the archive applies when it writes a row (the public title
// is computed then, so the sensitive words exist only in the non-public column), and the same rule
// the web UI uses to preview what the public will see. Part of src/common: written once for both.
import type { FieldError } from './errors.ts';

export interface Screening {
  /** tilgangskode, e.g. 'U' (unntatt offentlighet) or a local code */
  accessCode: string;
  /** skjermingshjemmel, e.g. 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1' */
  legalBasis: string;
  /** skjermingMetadata: which fields are hidden from every public view */
  fields: ScreenedField[];
  /** words of the title replaced by ***** in the public title */
  titleWords: string[];
  /** skjermingOpphoererDato */
  until?: string | null;
}
export const screenableFields = ['title', 'description', 'correspondents', 'documents'] as const;
export type ScreenedField = (typeof screenableFields)[number];
/** Screening all of these hides the record entirely: not even its existence is public. */
export const whollyScreenedFields: readonly ScreenedField[] = screenableFields;

export const SCREENED_MARK = '*****';

export interface ScreeningInput {
  accessCode?: string | undefined;
  legalBasis: string;
  fields?: string[] | undefined;
  titleWords?: string[] | undefined;
  until?: string | null | undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces each screened word or phrase with *****, case-insensitively and wherever it occurs.
 * Longer phrases go first so "Ola Nordmann" is not half-replaced by "Ola".
 */
export function publicTitle(title: string, screening: Pick<Screening, 'fields' | 'titleWords'> | null | undefined): string {
  if (!screening) return title;
  if (screening.fields.includes('title')) return SCREENED_MARK;
  let result = title;
  const words = [...new Set(screening.titleWords.map((w) => w.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  for (const word of words) {
    result = result.replace(new RegExp(escapeRegExp(word), 'giu'), SCREENED_MARK);
  }
  return result;
}

/** One word or phrase per line, as a person types them, without blanks and repeats. */
export const screeningWords = (text: string): string[] => [...new Set(text.split(/\r?\n/).map((w) => w.trim()).filter(Boolean))];

export function validateScreening(input: ScreeningInput, title: string | undefined, prefix = 'screening'): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.legalBasis || !input.legalBasis.trim())
    errors.push({ field: `${prefix}.legalBasis`, code: 'required', message: 'name the legal basis, e.g. "Offl. § 13 jf. fvl. § 13 første ledd nr. 1" or "OSL 26 kap. 1 §"' });
  for (const [i, field] of (input.fields ?? []).entries()) {
    if (!(screenableFields as readonly string[]).includes(field))
      errors.push({ field: `${prefix}.fields.${i}`, code: 'notAllowed', message: `must be one of: ${screenableFields.join(', ')}` });
  }
  for (const [i, word] of (input.titleWords ?? []).entries()) {
    if (!word.trim()) errors.push({ field: `${prefix}.titleWords.${i}`, code: 'required', message: 'must not be empty' });
    else if (title !== undefined && !title.toLocaleLowerCase().includes(word.trim().toLocaleLowerCase()))
      errors.push({ field: `${prefix}.titleWords.${i}`, code: 'notInTitle', message: `"${word}" does not occur in the title, so it would screen nothing` });
  }
  if (input.until && !/^\d{4}-\d{2}-\d{2}$/.test(input.until))
    errors.push({ field: `${prefix}.until`, code: 'invalidDate', message: 'must be a date YYYY-MM-DD' });
  if (!input.fields?.length && !input.titleWords?.length)
    errors.push({ field: `${prefix}.fields`, code: 'nothingScreened', message: 'screen at least one field or one word of the title' });
  return errors;
}

export function normaliseScreening(input: ScreeningInput): Screening {
  return {
    accessCode: input.accessCode?.trim() || 'U',
    legalBasis: input.legalBasis.trim(),
    fields: [...new Set(input.fields ?? [])] as Screening['fields'],
    titleWords: [...new Set((input.titleWords ?? []).map((w) => w.trim()))],
    until: input.until ?? null,
  };
}
