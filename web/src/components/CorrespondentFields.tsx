// SPDX-License-Identifier: EUPL-1.2
// One correspondent on the entry form.
import { Button, Field, Fieldset, Label, Select } from '@digdir/designsystemet-react';
import { correspondentRoles, type CorrespondentKind, type CorrespondentRole, type FieldError } from '../api/types.ts';
import { fieldId } from '../forms/fieldErrors.ts';
import type { CorrespondentDraft } from '../forms/correspondentDraft.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FormField } from './FormField.tsx';

interface Props {
  index: number;
  value: CorrespondentDraft;
  onChange(value: CorrespondentDraft): void;
  onRemove?: (() => void) | undefined;
  errors: readonly FieldError[];
}

export function CorrespondentFields({ index, value, onChange, onRemove, errors }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<CorrespondentDraft>) => onChange({ ...value, ...patch });
  const f = (name: string) => `correspondents.${index}.${name}`;
  const n = index + 1;
  return (
    <Fieldset className="correspondent">
      <Fieldset.Legend>{t('registerEntry.correspondent', { n })}</Fieldset.Legend>
      <div className="grid">
        <FormField field={f('name')} label={t('registerEntry.name')} value={value.name} onChange={(name) => set({ name })} errors={errors} required autoComplete="off" />
        <Field>
          <Label>{t('registerEntry.kind')}</Label>
          <Select id={fieldId(f('kind'))} value={value.kind} onChange={(event) => set({ kind: event.target.value as CorrespondentKind })}>
            <Select.Option value="person">{t('correspondentKind.person')}</Select.Option>
            <Select.Option value="organisation">{t('correspondentKind.organisation')}</Select.Option>
          </Select>
        </Field>
        <Field>
          <Label>{t('registerEntry.role')}</Label>
          <Select id={fieldId(f('role'))} value={value.role} onChange={(event) => set({ role: event.target.value as CorrespondentRole })}>
            {correspondentRoles.map((role) => (
              <Select.Option key={role} value={role}>
                {t(`correspondentRole.${role}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {value.kind === 'person' ? (
          <FormField field={f('identityNumber')} label={t('registerEntry.identityNumber')} value={value.identityNumber} onChange={(identityNumber) => set({ identityNumber })} errors={errors} inputMode="numeric" autoComplete="off" />
        ) : (
          <FormField field={f('organisationNumber')} label={t('registerEntry.organisationNumber')} value={value.organisationNumber} onChange={(organisationNumber) => set({ organisationNumber })} errors={errors} inputMode="numeric" autoComplete="off" />
        )}
        <FormField field={f('email')} label={t('registerEntry.email')} type="email" value={value.email} onChange={(email) => set({ email })} errors={errors} autoComplete="off" />
        <FormField field={f('address')} label={t('registerEntry.address')} value={value.address} onChange={(address) => set({ address })} errors={errors} autoComplete="off" />
        <FormField field={f('postalCode')} label={t('registerEntry.postalCode')} value={value.postalCode} onChange={(postalCode) => set({ postalCode })} errors={errors} inputMode="numeric" autoComplete="off" />
        <FormField field={f('postalTown')} label={t('registerEntry.postalTown')} value={value.postalTown} onChange={(postalTown) => set({ postalTown })} errors={errors} autoComplete="off" />
      </div>
      {onRemove && (
        <Button variant="tertiary" data-color="danger" onClick={onRemove}>
          {t('registerEntry.removeCorrespondent', { n })}
        </Button>
      )}
    </Fieldset>
  );
}
