// SPDX-License-Identifier: EUPL-1.2
// The document to upload, bound to the API's `file` field like FormField is to a text field.
import { forwardRef } from 'react';
import { Field, Input, Label } from '@digdir/designsystemet-react';
import type { FieldError } from '../api/types.ts';
import { errorsFor, fieldId } from '../forms/fieldErrors.ts';
import { FieldMessages } from './FieldMessages.tsx';

interface Props {
  label: string;
  description?: string;
  errors: readonly FieldError[];
  onChange(file: File | undefined): void;
}

export const FileField = forwardRef<HTMLInputElement, Props>(function FileField({ label, description, errors, onChange }, ref) {
  const own = errorsFor(errors, 'file');
  return (
    <Field>
      <Label>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Input ref={ref} id={fieldId('file')} type="file" name="file" aria-invalid={own.length > 0 || undefined} onChange={(event) => onChange(event.target.files?.[0])} />
      <FieldMessages errors={own} />
    </Field>
  );
});
