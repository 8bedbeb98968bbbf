// SPDX-License-Identifier: EUPL-1.2
// Matches the API's field errors (`correspondents.0.name`, `screening.titleWords.1`) to the form
// fields that show them, and names the element each error summary link moves focus to.
import type { FieldError } from '../api/types.ts';

/** The id of the input that edits an API field: dots become dashes. */
export const fieldId = (field: string): string => `field-${field.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

/** Messages for a field and anything nested below it (a list shows its items' errors too). */
export function errorsFor(errors: readonly FieldError[], field: string): FieldError[] {
  return errors.filter((e) => e.field === field || e.field.startsWith(`${field}.`));
}

/**
 * The field of the nearest shown input for an error: `screening.titleWords.2` is edited in the
 * `screening.titleWords` textarea. `shown` lists the fields that have inputs on the form.
 */
export function targetField(error: FieldError, shown: readonly string[]): string | undefined {
  let field = error.field;
  for (;;) {
    if (shown.includes(field)) return field;
    const dot = field.lastIndexOf('.');
    if (dot < 0) return undefined;
    field = field.slice(0, dot);
  }
}
