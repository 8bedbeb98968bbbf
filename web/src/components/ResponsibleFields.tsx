// SPDX-License-Identifier: EUPL-1.2
// The responsible unit and officer, picked from the municipality's open units and its case
// officers and archivists (by id, so a typo cannot make a new "unit"). Empty means the default.
import { listOfficers, listUnits } from '../api/admin.ts';
import type { FieldError } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useLoad } from '../session/useLoad.ts';
import { SelectField } from './SelectField.tsx';

export interface Responsible {
  unitId: string;
  officerId: string;
}

interface Props {
  tenant: string;
  value: Responsible;
  onChange(value: Responsible): void;
  errors: readonly FieldError[];
  /** What choosing nothing means here ("None", "As the case: …", "Me"). */
  unitEmpty: string;
  officerEmpty: string;
}

export function ResponsibleFields({ tenant, value, onChange, errors, unitEmpty, officerEmpty }: Props) {
  const { t } = useI18n();
  const [lists] = useLoad(async (signal) => {
    // Either list may be refused (a role without it): the other is still offered.
    const [units, officers] = await Promise.all([listUnits(tenant, false, signal).catch(() => ({ items: [] })), listOfficers(tenant, signal).catch(() => ({ items: [] }))]);
    return { units: units.items, officers: officers.items };
  }, [tenant]);
  const units = lists.status === 'ready' ? lists.data.units : [];
  const officers = lists.status === 'ready' ? lists.data.officers : [];
  return (
    <div className="grid">
      <SelectField
        field="responsibleUnitId"
        label={t('createCase.responsibleUnit')}
        value={value.unitId}
        options={['', ...units.map((u) => u.id)]}
        optionLabel={(id) => (id ? (units.find((u) => u.id === id)?.name ?? id) : unitEmpty)}
        onChange={(unitId) => onChange({ ...value, unitId })}
        errors={errors}
      />
      <SelectField
        field="responsibleOfficerId"
        label={t('caseView.responsibleOfficer')}
        value={value.officerId}
        options={['', ...officers.map((o) => o.id)]}
        optionLabel={(id) => (id ? (officers.find((o) => o.id === id)?.name ?? id) : officerEmpty)}
        onChange={(officerId) => onChange({ ...value, officerId })}
        errors={errors}
      />
    </div>
  );
}
