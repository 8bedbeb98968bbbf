// SPDX-License-Identifier: EUPL-1.2
// A date typed in the page's language. A native <input type="date"> shows and reads dates in the
// browser's locale, whatever the page language is (a Swedish browser gives a Norwegian page
// åååå-mm-dd), so this is a text field with the language's pattern in its hint, read back by
// parseDateInput (src/common/format.ts). Typing works the same with a keyboard, a screen reader
// and a phone, and the hint is linked to the input as its description.
import { datePattern, dateInputValue } from '../../../src/common/format.ts';
import type { FieldError } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FormField } from './FormField.tsx';

interface Props {
  field: string;
  label: string;
  /** The text as typed: the form reads it with parseDateInput when it is sent. */
  value: string;
  onChange(value: string): void;
  errors: readonly FieldError[];
}

export function DateField({ field, label, value, onChange, errors }: Props) {
  const { t, language } = useI18n();
  const hint = t('date.hint', { pattern: datePattern[language], example: dateInputValue(language, '2026-03-01') });
  return <FormField field={field} label={label} value={value} onChange={onChange} errors={errors} description={hint} autoComplete="off" />;
}
