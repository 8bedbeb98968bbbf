// SPDX-License-Identifier: EUPL-1.2
// Skjerming / sekretess on a form: legal basis (with the common ones suggested), which fields to
// hide, which words of the title to replace, and a live preview of the public title.
import { Checkbox, Fieldset, Paragraph, Switch } from '@digdir/designsystemet-react';
import { screenableFields, type Country, type FieldError } from '../api/types.ts';
import { errorsFor, fieldId } from '../forms/fieldErrors.ts';
import { commonLegalBases, previewPublicTitle, type ScreeningDraft } from '../forms/screeningDraft.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FieldMessages } from './FieldMessages.tsx';
import { FormField } from './FormField.tsx';

interface Props {
  value: ScreeningDraft;
  onChange(value: ScreeningDraft): void;
  title: string;
  country: Country;
  errors: readonly FieldError[];
  /** The screening page edits screening only, so there is nothing to switch on. */
  toggle?: boolean;
}

export const screeningFieldLabels = (t: (k: 'screening.legalBasis' | 'screening.accessCode' | 'screening.fields' | 'screening.titleWords') => string) => ({
  'screening.legalBasis': t('screening.legalBasis'),
  'screening.accessCode': t('screening.accessCode'),
  'screening.fields': t('screening.fields'),
  'screening.titleWords': t('screening.titleWords'),
});

export function ScreeningFields({ value, onChange, title, country, errors, toggle = true }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<ScreeningDraft>) => onChange({ ...value, ...patch });
  const listId = 'legal-basis-suggestions';
  return (
    <Fieldset className="screening-fields">
      <Fieldset.Legend>{t('screening.legend')}</Fieldset.Legend>
      {toggle && <Switch label={t('screening.enable')} checked={value.enabled} onChange={(event) => set({ enabled: event.target.checked })} />}
      {value.enabled && (
        <div className="stack">
          <FormField
            field="screening.legalBasis"
            label={t('screening.legalBasis')}
            description={t('screening.legalBasisHint')}
            value={value.legalBasis}
            onChange={(legalBasis) => set({ legalBasis })}
            errors={errors}
            list={listId}
            required
          />
          <datalist id={listId}>
            {commonLegalBases[country].map((basis) => (
              <option key={basis} value={basis} />
            ))}
          </datalist>
          <FormField
            field="screening.accessCode"
            label={t('screening.accessCode')}
            description={t('screening.accessCodeHint')}
            value={value.accessCode}
            onChange={(accessCode) => set({ accessCode })}
            errors={errors}
          />
          <Fieldset>
            <Fieldset.Legend>{t('screening.fields')}</Fieldset.Legend>
            {screenableFields.map((field, i) => (
              <Checkbox
                key={field}
                {...(i === 0 ? { id: fieldId('screening.fields') } : {})}
                label={t(`screening.field.${field}`)}
                value={field}
                checked={value.fields.includes(field)}
                onChange={(event) => set({ fields: event.target.checked ? [...value.fields, field] : value.fields.filter((f) => f !== field) })}
              />
            ))}
            <FieldMessages errors={errorsFor(errors, 'screening.fields')} />
          </Fieldset>
          <FormField
            field="screening.titleWords"
            label={t('screening.titleWords')}
            description={t('screening.titleWordsHint')}
            value={value.titleWords}
            onChange={(titleWords) => set({ titleWords })}
            errors={errors}
            multiline
          />
          <Paragraph className="public-title-preview" aria-live="polite">
            {t('screening.preview', { title: previewPublicTitle(title, value) || '—' })}
          </Paragraph>
        </div>
      )}
    </Fieldset>
  );
}
