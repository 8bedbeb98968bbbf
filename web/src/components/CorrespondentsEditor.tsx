// SPDX-License-Identifier: EUPL-1.2
// The editable list of correspondents: add as many as the letter has, remove any but the last.
import { Button, Fieldset } from '@digdir/designsystemet-react';
import type { CorrespondentRole, FieldError } from '../api/types.ts';
import { newCorrespondent, type CorrespondentDraft } from '../forms/correspondentDraft.ts';
import { fieldId } from '../forms/fieldErrors.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CorrespondentFields } from './CorrespondentFields.tsx';
import { FieldMessages } from './FieldMessages.tsx';

interface Props {
  value: CorrespondentDraft[];
  onChange(value: CorrespondentDraft[]): void;
  nextRole: CorrespondentRole;
  errors: readonly FieldError[];
}

export function CorrespondentsEditor({ value, onChange, nextRole, errors }: Props) {
  const { t } = useI18n();
  return (
    <Fieldset className="correspondents">
      <Fieldset.Legend>{t('registerEntry.correspondents')}</Fieldset.Legend>
      {/* Errors about the list itself (e.g. "at least one"), not about one of its items. */}
      <FieldMessages errors={errors.filter((e) => e.field === 'correspondents')} />
      {value.map((item, index) => (
        <CorrespondentFields
          key={item.key}
          index={index}
          value={item}
          errors={errors}
          onChange={(next) => onChange(value.map((c, i) => (i === index ? next : c)))}
          onRemove={value.length > 1 ? () => onChange(value.filter((_, i) => i !== index)) : undefined}
        />
      ))}
      <div>
        <Button id={fieldId('correspondents')} variant="secondary" onClick={() => onChange([...value, newCorrespondent(nextRole)])}>
          {t('registerEntry.addCorrespondent')}
        </Button>
      </div>
    </Fieldset>
  );
}
