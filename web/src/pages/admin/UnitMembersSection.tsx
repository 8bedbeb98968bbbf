// SPDX-License-Identifier: EUPL-1.2
// Who belongs to which unit, on the units page: a member's "unit cases" are the cases of their
// units. Only staff can be members, and only of open units; leaving a closed unit is still possible.
import { useState, type FormEvent } from 'react';
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { addUnitMember, listUnitMembers, listUsers, removeUnitMember, type Unit, type UnitMember } from '../../api/admin.ts';
import type { Tenant } from '../../api/types.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useSubmit } from '../../forms/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Flash } from '../../session/flash.ts';
import { useLoad } from '../../session/useLoad.ts';

const NONE = '';

export function UnitMembersSection({ tenant, units, onFlash }: { tenant: Tenant; units: readonly Unit[]; onFlash(flash: Flash): void }) {
  const { t } = useI18n();
  const [members, reload] = useLoad((signal) => listUnitMembers(tenant.slug, signal), [tenant.slug]);
  const [users] = useLoad((signal) => listUsers(tenant.slug, signal), [tenant.slug]);
  const submit = useSubmit();
  const [unitId, setUnit] = useState(NONE);
  const [userId, setUser] = useState(NONE);
  const labels = { unitId: t('admin.members.unit'), userId: t('admin.members.person') };
  const staff = users.status === 'ready' ? users.data.items.filter((u) => u.roles.some((r) => r.role !== 'citizen')) : [];
  const open = units.filter((u) => !u.closedAt);
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? '';
  const userName = (id: string) => staff.find((u) => u.id === id)?.name ?? '';
  const rows = members.status === 'ready' ? [...members.data.items].sort((a, b) => unitName(a.unitId).localeCompare(unitName(b.unitId)) || a.name.localeCompare(b.name)) : [];

  function onAdd(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const { member } = await addUnitMember(tenant.slug, { unitId, userId });
      onFlash({ kind: 'success', text: t('admin.members.added', { name: member.name, unit: unitName(member.unitId) }) });
      setUser(NONE);
      reload();
    });
  }

  async function onRemove(m: UnitMember) {
    await submit.run(async () => {
      await removeUnitMember(tenant.slug, { unitId: m.unitId, userId: m.userId });
      onFlash({ kind: 'success', text: t('admin.members.removed', { name: m.name, unit: unitName(m.unitId) }) });
      reload();
    });
  }

  return (
    <section className="stack" aria-labelledby="unit-members-heading">
      <h2 id="unit-members-heading" className="ds-heading" data-size="sm">
        {t('admin.members.title')}
      </h2>
      <Paragraph>{t('admin.members.intro')}</Paragraph>
      {members.status === 'loading' && <Loading />}
      {members.status === 'error' && <ErrorState error={members.error} onRetry={reload} tenant={tenant} inline />}
      {members.status === 'ready' && rows.length === 0 && <Paragraph>{t('admin.members.empty')}</Paragraph>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <Table>
            <caption className="visually-hidden">{t('admin.members.caption', { municipality: tenant.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{labels.unitId}</Table.HeaderCell>
                <Table.HeaderCell>{labels.userId}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((m) => (
                <Table.Row key={`${m.unitId}:${m.userId}`}>
                  <Table.Cell>{unitName(m.unitId)}</Table.Cell>
                  <Table.Cell>{m.name}</Table.Cell>
                  <Table.Cell className="nowrap">
                    <Button variant="tertiary" data-size="sm" onClick={() => void onRemove(m)}>
                      {t('admin.members.remove', { name: m.name, unit: unitName(m.unitId) })}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <form className="stack form-page" onSubmit={onAdd} noValidate aria-labelledby="unit-member-form-heading">
        <h3 id="unit-member-form-heading" className="ds-heading" data-size="xs">
          {t('admin.members.addTitle')}
        </h3>
        <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={labels} />
        <div className="grid">
          <SelectField
            field="unitId"
            label={labels.unitId}
            value={unitId}
            options={[NONE, ...open.map((u) => u.id)]}
            optionLabel={(id) => (id === NONE ? t('admin.members.chooseUnit') : unitName(id))}
            onChange={setUnit}
            errors={submit.errors}
          />
          <SelectField
            field="userId"
            label={labels.userId}
            value={userId}
            options={[NONE, ...staff.map((u) => u.id)]}
            optionLabel={(id) => (id === NONE ? t('admin.members.choosePerson') : userName(id))}
            onChange={setUser}
            errors={submit.errors}
          />
        </div>
        <div className="button-row">
          <Button type="submit" loading={submit.submitting}>
            {t('admin.members.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}
