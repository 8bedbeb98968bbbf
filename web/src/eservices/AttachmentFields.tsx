// SPDX-License-Identifier: EUPL-1.2
// The form's attachments: one file input per attachment field, each checked in the browser
// against its allowed types, size and count (the server checks the content again). The native
// input is labelled by our own label, and its id is the error summary's link target.
import { Field, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import type { AttachmentRule } from '../api/eservices.ts';
import type { FieldError } from '../api/types.ts';
import { errorsFor, fieldId } from '../forms/fieldErrors.ts';
import { fieldMessage } from '../forms/fieldMessage.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { fileProblem } from './layout.ts';

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
const typeNames: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/tiff': 'TIFF', 'text/plain': 'TXT' };

interface Props {
  rules: AttachmentRule[];
  files: Record<string, File[]>;
  errors: readonly FieldError[];
  onChange(files: Record<string, File[]>, problems: FieldError[]): void;
}

export function AttachmentFields({ rules, files, errors, onChange }: Props) {
  const { t, language } = useI18n();
  const problemsOf = (next: Record<string, File[]>): FieldError[] =>
    rules.flatMap((rule) => {
      const list = next[rule.field] ?? [];
      const own: FieldError[] = list.flatMap((file, i) => {
        const code = fileProblem(rule, file);
        return code ? [{ field: `attachments.${rule.field}.${i}`, code, message: file.name }] : [];
      });
      if (rule.maxFiles !== undefined && list.length > rule.maxFiles) own.push({ field: `attachments.${rule.field}`, code: 'tooMany', message: String(rule.maxFiles) } as FieldError);
      return own;
    });
  return (
    <div className="stack">
      {rules.map((rule) => {
        const id = fieldId(`attachments.${rule.field}`);
        const own = errorsFor(errors, `attachments.${rule.field}`);
        const chosen = files[rule.field] ?? [];
        return (
          <Field key={rule.field}>
            <Label htmlFor={id}>{rule.required ? rule.label[language] : `${rule.label[language]} ${t('common.optional')}`}</Label>
            <Field.Description>
              {t('eform.fileRule', { types: rule.types.map((x) => typeNames[x] ?? x).join(', '), size: megabytes(rule.maxBytes), count: rule.maxFiles ?? 1 })}
            </Field.Description>
            <input
              id={id}
              type="file"
              name={rule.field}
              multiple={(rule.maxFiles ?? 1) > 1}
              accept={rule.types.join(',')}
              aria-invalid={own.length > 0 || undefined}
              onChange={(event) => {
                const next = { ...files, [rule.field]: [...(event.target.files ?? [])] };
                onChange(next, problemsOf(next));
              }}
            />
            {chosen.length > 0 && <Paragraph data-size="sm">{chosen.map((f) => `${f.name} (${megabytes(f.size)})`).join(', ')}</Paragraph>}
            {own.length > 0 && <ValidationMessage>{[...new Set(own.map((e) => fieldMessage(language, e)))].join(' ')}</ValidationMessage>}
          </Field>
        );
      })}
    </div>
  );
}
