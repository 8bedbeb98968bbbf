// SPDX-License-Identifier: EUPL-1.2
// A choice from a fixed list bound to an API field: the error summary's link target, with the
// API's messages for the field under it, like FormField for text.
import { Field, Label, Select } from '@digdir/designsystemet-react';
import type { FieldError } from '../api/types.ts';
import { errorsFor, fieldId } from '../forms/fieldErrors.ts';
import { FieldMessages } from './FieldMessages.tsx';

interface Props<T extends string> {
  field: string;
  label: string;
  value: T;
  options: readonly T[];
  optionLabel(option: NoInfer<T>): string;
  onChange(value: NoInfer<T>): void;
  errors: readonly FieldError[];
}

export function SelectField<T extends string>({ field, label, value, options, optionLabel, onChange, errors }: Props<T>) {
  const own = errorsFor(errors, field);
  return (
    <Field>
      <Label>{label}</Label>
      <Select id={fieldId(field)} value={value} aria-invalid={own.length > 0 || undefined} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <Select.Option key={option} value={option}>
            {optionLabel(option)}
          </Select.Option>
        ))}
      </Select>
      <FieldMessages errors={own} />
    </Field>
  );
}
