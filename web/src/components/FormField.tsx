// SPDX-License-Identifier: EUPL-1.2
// A text field bound to an API field: its id is the error summary's link target, and the API's
// messages for the field are shown under it.
import { Textfield } from '@digdir/designsystemet-react';
import type { FieldError } from '../api/types.ts';
import { errorsFor, fieldId } from '../forms/fieldErrors.ts';
import { fieldMessage } from '../forms/fieldMessage.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

interface Props {
  field: string;
  label: string;
  value: string;
  onChange(value: string): void;
  errors: readonly FieldError[];
  description?: string;
  type?: 'text' | 'date' | 'email';
  multiline?: boolean;
  required?: boolean;
  autoComplete?: string;
  list?: string;
  inputMode?: 'numeric' | 'text';
}

export function FormField({ field, label, value, onChange, errors, description, type = 'text', multiline, required, autoComplete, list, inputMode }: Props) {
  const { t, language } = useI18n();
  const messages = [...new Set(errorsFor(errors, field).map((e) => fieldMessage(language, e)))];
  const common = {
    id: fieldId(field),
    label: required ? label : `${label} ${t('common.optional')}`,
    value,
    error: messages.length ? messages.join(' ') : undefined,
    ...(description ? { description } : {}),
  };
  return multiline ? (
    <Textfield {...common} multiline rows={3} onChange={(event) => onChange(event.target.value)} />
  ) : (
    <Textfield
      {...common}
      type={type}
      required={required}
      autoComplete={autoComplete}
      list={list}
      inputMode={inputMode}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
