// SPDX-License-Identifier: EUPL-1.2
// Administrative units: the municipality's offices in a tree. Units are closed, never deleted, so
// old cases keep their unit; a hidden unit's name never appears on public pages.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { createUnit, listUnits, updateUnit, type Unit } from '../../api/admin.ts';
import type { Tenant } from '../../api/types.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FlashMessage } from '../../components/FlashMessage.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useSubmit } from '../../forms/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Flash } from '../../session/flash.ts';
import { useLoad } from '../../session/useLoad.ts';
import { AdminNav } from './AdminNav.tsx';
import { UnitMembersSection } from './UnitMembersSection.tsx';

const NONE = '';

export function AdminUnitsPage({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  const [units, reload] = useLoad((signal) => listUnits(tenant.slug, true, signal), [tenant.slug]);
  const submit = useSubmit();
  const [editing, setEditing] = useState<Unit | undefined>();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [parentId, setParent] = useState<string>(NONE);
  const [hidden, setHidden] = useState(false);
  const [flash, setFlash] = useState<Flash | undefined>();
  const all = units.status === 'ready' ? units.data.items : [];
  const labels = { code: t('admin.units.code'), name: t('admin.units.name'), parentId: t('admin.units.parent'), hiddenFromPublic: t('admin.units.hidden'), closed: t('admin.units.status') };

  function edit(unit: Unit | undefined) {
    setEditing(unit);
    setCode(unit?.code ?? '');
    setName(unit?.name ?? '');
    setParent(unit?.parentId ?? NONE);
    setHidden(unit?.hiddenFromPublic ?? false);
  }

  function onSave(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const fields = { code: code.trim(), name: name.trim(), parentId: parentId || null, hiddenFromPublic: hidden };
      const saved = editing ? await updateUnit(tenant.slug, editing.id, fields) : await createUnit(tenant.slug, fields);
      setFlash({ kind: 'success', text: t('admin.units.saved', { name: saved.name }) });
      edit(undefined);
      reload();
    });
  }

  async function onClose(unit: Unit) {
    await submit.run(async () => {
      const saved = await updateUnit(tenant.slug, unit.id, { closed: !unit.closedAt });
      setFlash({ kind: 'success', text: t(saved.closedAt ? 'admin.units.closedDone' : 'admin.units.reopened', { name: saved.name }) });
      reload();
    });
  }

  const parentName = (id: string | null) => all.find((u) => u.id === id)?.name ?? '';
  return (
    <section className="stack">
      <PageHeading>{t('admin.units.title')}</PageHeading>
      <AdminNav tenant={tenant} current="adminUnits" />
      <FlashMessage flash={flash} />
      <Paragraph>{t('admin.units.intro')}</Paragraph>
      {units.status === 'loading' && <Loading />}
      {units.status === 'error' && <ErrorState error={units.error} onRetry={reload} tenant={tenant} inline />}
      {units.status === 'ready' && all.length === 0 && <Paragraph>{t('admin.units.empty')}</Paragraph>}
      {all.length > 0 && (
        <div className="table-scroll">
          <Table>
            <caption className="visually-hidden">{t('admin.units.caption', { municipality: tenant.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{labels.code}</Table.HeaderCell>
                <Table.HeaderCell>{labels.name}</Table.HeaderCell>
                <Table.HeaderCell>{labels.parentId}</Table.HeaderCell>
                <Table.HeaderCell>{labels.closed}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {all.map((u) => (
                <Table.Row key={u.id}>
                  <Table.Cell className="nowrap">{u.code}</Table.Cell>
                  <Table.Cell>
                    {u.name} {u.hiddenFromPublic && <Tag data-color="warning">{t('admin.units.hiddenTag')}</Tag>}
                  </Table.Cell>
                  <Table.Cell>{parentName(u.parentId)}</Table.Cell>
                  <Table.Cell>{u.closedAt ? t('admin.units.closed') : t('admin.units.open')}</Table.Cell>
                  <Table.Cell className="nowrap">
                    <Button variant="tertiary" data-size="sm" onClick={() => edit(u)}>
                      {t('admin.units.edit', { name: u.name })}
                    </Button>
                    <Button variant="tertiary" data-size="sm" onClick={() => void onClose(u)}>
                      {t(u.closedAt ? 'admin.units.reopen' : 'admin.units.close', { name: u.name })}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <form className="stack form-page" onSubmit={onSave} noValidate aria-labelledby="unit-form-heading">
        <h2 id="unit-form-heading" className="ds-heading" data-size="sm">
          {editing ? t('admin.units.editTitle', { name: editing.name }) : t('admin.units.createTitle')}
        </h2>
        <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={labels} />
        <div className="grid">
          <FormField field="code" label={labels.code} description={t('admin.units.codeHint')} value={code} onChange={setCode} errors={submit.errors} required />
          <FormField field="name" label={labels.name} value={name} onChange={setName} errors={submit.errors} required />
        </div>
        <SelectField
          field="parentId"
          label={labels.parentId}
          value={parentId}
          options={[NONE, ...all.filter((u) => !u.closedAt && u.id !== editing?.id).map((u) => u.id)]}
          optionLabel={(id) => (id === NONE ? t('admin.units.noParent') : `${parentName(id)}`)}
          onChange={setParent}
          errors={submit.errors}
        />
        <Checkbox id="field-hiddenFromPublic" label={labels.hiddenFromPublic} description={t('admin.units.hiddenHint')} checked={hidden} onChange={(event) => setHidden(event.target.checked)} />
        <div className="button-row">
          <Button type="submit" loading={submit.submitting}>
            {editing ? t('common.save') : t('admin.units.create')}
          </Button>
          {editing && (
            <Button type="button" variant="secondary" onClick={() => edit(undefined)}>
              {t('common.cancel')}
            </Button>
          )}
        </div>
      </form>
      {units.status === 'ready' && <UnitMembersSection tenant={tenant} units={all} onFlash={setFlash} />}
    </section>
  );
}
