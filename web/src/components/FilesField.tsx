// SPDX-License-Identifier: EUPL-1.2
// Several files for an API field that takes a list (`files`, `attachments`): like FileField, the
// native input is hidden and a button in the page's language opens it; the chosen names are read
// out with the button. The API's errors for the list and its items (`files.1.content`: type or size)
// are shown beside the field, and the button carries the field's id for the error summary.
import { forwardRef, useEffect, useId, useRef } from 'react';
import { Button, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import type { FieldError } from '../api/types.ts';
import { errorsFor, fieldId } from '../forms/fieldErrors.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { fieldMessage } from '../forms/fieldMessage.ts';

interface Props {
  field: string;
  label: string;
  description?: string;
  errors: readonly FieldError[];
  files: readonly File[];
  onChange(files: File[]): void;
}

export const FilesField = forwardRef<HTMLButtonElement, Props>(function FilesField({ field, label, description, errors, files, onChange }, ref) {
  const { t, language } = useI18n();
  const own = errorsFor(errors, field);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!files.length && input.current) input.current.value = '';
  }, [files]);
  const ids = { label: useId(), button: useId(), status: useId(), description: useId() };
  return (
    <Field>
      <Label id={ids.label} htmlFor={`${fieldId(field)}-input`}>
        {label}
      </Label>
      {description && <Field.Description id={ids.description}>{description}</Field.Description>}
      <input ref={input} id={`${fieldId(field)}-input`} type="file" name={field} multiple hidden onChange={(event) => onChange([...(event.target.files ?? [])])} />
      <div className="file-field">
        <Button
          type="button"
          variant="secondary"
          ref={ref}
          id={fieldId(field)}
          aria-labelledby={`${ids.label} ${ids.button} ${ids.status}`}
          aria-describedby={description ? ids.description : undefined}
          aria-invalid={own.length > 0 || undefined}
          onClick={() => input.current?.click()}
        >
          <span id={ids.button}>{t('file.chooseMany')}</span>
        </Button>
        <span id={ids.status} className="muted">
          {files.length ? t('file.chosen', { name: files.map((f) => f.name).join(', ') }) : t('file.none')}
        </span>
      </div>
      {own.length > 0 && <ValidationMessage>{[...new Set(own.map((e) => `${fileOf(e.field, field, files)}${fieldMessage(language, e)}`))].join(' ')}</ValidationMessage>}
    </Field>
  );
});

/** "plan.html: " for an error on one file of the list (`files.1.content`), so the person knows which. */
function fileOf(errorField: string, field: string, files: readonly File[]): string {
  const index = /^(\d+)(\.|$)/.exec(errorField.slice(field.length + 1))?.[1];
  const file = index === undefined ? undefined : files[Number(index)];
  return file ? `${file.name}: ` : '';
}
