// SPDX-License-Identifier: EUPL-1.2
// The error summary pattern: every problem the API reported, each a link that moves focus to the
// field, and the summary itself takes focus when it appears (ds-error-summary does that).
import { ErrorSummary } from '@digdir/designsystemet-react';
import type { FieldError } from '../api/types.ts';
import { fieldId, targetField } from '../forms/fieldErrors.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { fieldMessage, problemMessage } from '../forms/fieldMessage.ts';

/**
 * `fields` maps each field that has an input on the form to its label. `code` is the problem's code:
 * without field errors its text is what the summary says (never the API's English detail).
 */
export function FormErrorSummary({ errors, code, fields }: { errors: readonly FieldError[]; code?: string | undefined; fields: Record<string, string> }) {
  const { t, language } = useI18n();
  const shown = Object.keys(fields);
  if (!errors.length && !code) return null;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{t('error.summary')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {errors.length === 0 && code && <ErrorSummary.Item>{code === 'network' ? t('error.network') : problemMessage(language, code)}</ErrorSummary.Item>}
        {errors.map((error, i) => {
          const target = targetField(error, shown);
          // Never the field's path: a field without an input on the form is named by its message alone.
          const text = target ? `${fields[target]}: ${fieldMessage(language, error)}` : fieldMessage(language, error);
          return (
            <ErrorSummary.Item key={`${error.field}-${i}`}>
              {target ? (
                <ErrorSummary.Link
                  href={`#${fieldId(target)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    const element = document.getElementById(fieldId(target));
                    element?.scrollIntoView({ block: 'center' });
                    element?.focus();
                  }}
                >
                  {text}
                </ErrorSummary.Link>
              ) : (
                text
              )}
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
