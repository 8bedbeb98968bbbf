// SPDX-License-Identifier: EUPL-1.2
// Users and their roles: who holds what here and where it came from (the identity provider or
// Rådhus), granting a role to someone known or, by e-mail, to someone before their first login.
import { useState, type FormEvent } from 'react';
import { Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { grantableRoles, grantRole, isGrantable, listUsers, revokeRole, type GrantableRole, type GrantTarget } from '../../api/admin.ts';
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
import type { MessageKey } from '../../i18n/catalogue.ts';
import type { Flash } from '../../session/flash.ts';
import { useLoad } from '../../session/useLoad.ts';
import { AdminNav } from './AdminNav.tsx';

const NEW = 'new';

export function AdminUsersPage({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  const [users, reload] = useLoad((signal) => listUsers(tenant.slug, signal), [tenant.slug]);
  const submit = useSubmit();
  const [person, setPerson] = useState<string>(NEW);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<GrantableRole>('case-officer');
  const [flash, setFlash] = useState<Flash | undefined>();
  const roleName = (r: string) => t(`role.${r}` as MessageKey);
  const labels = { userId: t('admin.users.person'), email: t('admin.users.email'), role: t('admin.users.role') };

  function onGrant(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const target: GrantTarget = person === NEW ? { email: email.trim() } : { userId: person };
      const result = await grantRole(tenant.slug, { ...target, role });
      setFlash({ kind: 'success', text: t(result.status === 'pending' ? 'admin.users.grantedPending' : 'admin.users.granted', { role: roleName(role) }) });
      setEmail('');
      reload();
    });
  }

  async function onRevoke(target: GrantTarget, r: GrantableRole, who: string) {
    await submit.run(async () => {
      await revokeRole(tenant.slug, { ...target, role: r });
      setFlash({ kind: 'success', text: t('admin.users.revoked', { role: roleName(r), name: who }) });
      reload();
    });
  }

  const people = users.status === 'ready' ? users.data.items : [];
  return (
    <section className="stack">
      <PageHeading>{t('admin.users.title')}</PageHeading>
      <AdminNav tenant={tenant} current="adminUsers" />
      <FlashMessage flash={flash} />
      <Paragraph>{t('admin.users.intro')}</Paragraph>
      {users.status === 'loading' && <Loading />}
      {users.status === 'error' && <ErrorState error={users.error} onRetry={reload} tenant={tenant} inline />}
      {users.status === 'ready' && (
        <div className="table-scroll">
          <Table>
            <caption className="visually-hidden">{t('admin.users.caption', { municipality: tenant.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('admin.users.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.users.email')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.users.roles')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {users.data.items.map((u) => (
                <Table.Row key={u.id}>
                  <Table.Cell>{u.name}</Table.Cell>
                  <Table.Cell>{u.email ?? ''}</Table.Cell>
                  <Table.Cell>
                    <ul className="role-list">
                      {u.roles.map(({ role: held, source }) => (
                        <li key={held}>
                          <Tag data-color={source === 'idp' ? 'info' : 'neutral'}>{roleName(held)}</Tag> <span>{t(source === 'idp' ? 'admin.users.fromIdp' : 'admin.users.local')}</span>{' '}
                          {/* `system` is held by no one a tenant administrator may grant to or revoke from: no button the API would refuse. */}
                          {isGrantable(held) && (
                            <Button variant="tertiary" data-size="sm" onClick={() => void onRevoke({ userId: u.id }, held, u.name)}>
                              {t('admin.users.revoke', { role: roleName(held), name: u.name })}
                            </Button>
                          )}
                        </li>
                      ))}
                    </ul>
                  </Table.Cell>
                </Table.Row>
              ))}
              {users.data.pending.map(({ role: pendingRole, ...p }) => (
                <Table.Row key={p.id}>
                  <Table.Cell>{t('admin.users.pending')}</Table.Cell>
                  <Table.Cell>{p.email ?? p.subject ?? ''}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color="warning">{roleName(pendingRole)}</Tag>{' '}
                    {p.email && isGrantable(pendingRole) && (
                      <Button variant="tertiary" data-size="sm" onClick={() => void onRevoke({ email: p.email! }, pendingRole, p.email!)}>
                        {t('admin.users.revoke', { role: roleName(pendingRole), name: p.email })}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <form className="stack form-page" onSubmit={onGrant} noValidate aria-labelledby="grant-heading">
        <h2 id="grant-heading" className="ds-heading" data-size="sm">
          {t('admin.users.grantTitle')}
        </h2>
        <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={labels} />
        <SelectField
          field="userId"
          label={labels.userId}
          value={person}
          options={[NEW, ...people.map((p) => p.id)]}
          optionLabel={(id) => (id === NEW ? t('admin.users.newPerson') : (people.find((p) => p.id === id)?.name ?? id))}
          onChange={setPerson}
          errors={submit.errors}
        />
        {person === NEW && <FormField field="email" type="email" label={labels.email} description={t('admin.users.emailHint')} value={email} onChange={setEmail} errors={submit.errors} required />}
        <SelectField field="role" label={labels.role} value={role} options={grantableRoles} optionLabel={roleName} onChange={setRole} errors={submit.errors} />
        <div className="button-row">
          <Button type="submit" loading={submit.submitting}>
            {t('admin.users.grant')}
          </Button>
        </div>
      </form>
    </section>
  );
}
