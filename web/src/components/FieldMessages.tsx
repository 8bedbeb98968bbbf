// SPDX-License-Identifier: EUPL-1.2
// The API's messages for one input, in the person's language, shown under it. Inside a Field or
// Fieldset, Designsystemet links the message to the input (aria-describedby, aria-invalid).
import { ValidationMessage } from '@digdir/designsystemet-react';
import type { FieldError } from '../api/types.ts';
import { fieldMessage } from '../forms/fieldMessage.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function FieldMessages({ errors }: { errors: readonly FieldError[] }) {
  const { language } = useI18n();
  if (!errors.length) return null;
  return <ValidationMessage>{[...new Set(errors.map((e) => fieldMessage(language, e)))].join(' ')}</ValidationMessage>;
}
