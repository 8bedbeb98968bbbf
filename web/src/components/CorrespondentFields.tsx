// SPDX-License-Identifier: EUPL-1.2
// One correspondent on the entry form.
import { Button, Fieldset } from '@digdir/designsystemet-react';
import { correspondentRoles, type CorrespondentKind, type FieldError } from '../api/types.ts';
import type { CorrespondentDraft } from '../forms/correspondentDraft.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FormField } from './FormField.tsx';
import { SelectField } from './SelectField.tsx';

const kinds: readonly CorrespondentKind[] = ['person', 'organisation'];

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
        <SelectField field={f('kind')} label={t('registerEntry.kind')} value={value.kind} options={kinds} optionLabel={(kind) => t(`correspondentKind.${kind}`)} onChange={(kind) => set({ kind })} errors={errors} />
        <SelectField field={f('role')} label={t('registerEntry.role')} value={value.role} options={correspondentRoles} optionLabel={(role) => t(`correspondentRole.${role}`)} onChange={(role) => set({ role })} errors={errors} />
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
