// SPDX-License-Identifier: EUPL-1.2
// The document to upload, bound to the API's `file` field like FormField is to a text field. A
// native file input labels its button and its "no file" text in the browser's language, not the
// page's; so the input is hidden and a button in the page's language opens it, with the chosen
// file's name (or that none is chosen) read out as part of the button's name. The button carries
// the field's id, so the error summary moves focus to it.
import { forwardRef, useEffect, useId, useRef } from 'react';
import { Button, Field, Label } from '@digdir/designsystemet-react';
import type { FieldError } from '../api/types.ts';
import { errorsFor, fieldId } from '../forms/fieldErrors.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FieldMessages } from './FieldMessages.tsx';

interface Props {
  label: string;
  description?: string;
  errors: readonly FieldError[];
  /** The chosen file; set it to undefined to clear the picker. */
  file: File | undefined;
  onChange(file: File | undefined): void;
}

/** The ref is the button, for a form that moves focus to it. */
export const FileField = forwardRef<HTMLButtonElement, Props>(function FileField({ label, description, errors, file, onChange }, ref) {
  const { t } = useI18n();
  const own = errorsFor(errors, 'file');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // A cleared choice clears the input too, so choosing the same file again is a change.
    if (!file && input.current) input.current.value = '';
  }, [file]);
  const ids = { label: useId(), button: useId(), status: useId(), description: useId() };
  return (
    <Field>
      <Label id={ids.label} htmlFor={`${fieldId('file')}-input`}>
        {label}
      </Label>
      {description && <Field.Description id={ids.description}>{description}</Field.Description>}
      <input
        ref={input}
        id={`${fieldId('file')}-input`}
        type="file"
        name="file"
        hidden
        onChange={(event) => {
          onChange(event.target.files?.[0]);
        }}
      />
      <div className="file-field">
        <Button
          type="button"
          variant="secondary"
          ref={ref}
          id={fieldId('file')}
          aria-labelledby={`${ids.label} ${ids.button} ${ids.status}`}
          aria-describedby={description ? ids.description : undefined}
          aria-invalid={own.length > 0 || undefined}
          onClick={() => input.current?.click()}
        >
          <span id={ids.button}>{t('file.choose')}</span>
        </Button>
        <span id={ids.status} className="muted">
          {file ? t('file.chosen', { name: file.name }) : t('file.none')}
        </span>
      </div>
      <FieldMessages errors={own} />
    </Field>
  );
});
