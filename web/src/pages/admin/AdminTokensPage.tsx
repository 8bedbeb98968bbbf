// SPDX-License-Identifier: EUPL-1.2
// System tokens for integrations: created with an optional expiry, shown once, listed without
// their secret, revoked. Only `system` tokens: people get roles on the users page.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { createToken, listTokens, revokeToken, type Token } from '../../api/admin.ts';
import type { Tenant } from '../../api/types.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FlashMessage } from '../../components/FlashMessage.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSubmit } from '../../forms/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Flash } from '../../session/flash.ts';
import { useLoad } from '../../session/useLoad.ts';
import { AdminNav } from './AdminNav.tsx';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

export function AdminTokensPage({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  const [tokens, reload] = useLoad((signal) => listTokens(tenant.slug, signal), [tenant.slug]);
  const submit = useSubmit();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | undefined>();
  const [flash, setFlash] = useState<Flash | undefined>();
  const labels = { name: t('admin.tokens.name'), expiresAt: t('admin.tokens.expires') };

  function onCreate(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const result = await createToken(tenant.slug, { name: name.trim(), ...(expires ? { expiresAt: `${expires}T00:00:00Z` } : {}) });
      setCreated({ name: result.name, token: result.token });
      setFlash(undefined);
      setName('');
      setExpires('');
      reload();
    });
  }

  async function onRevoke(token: Token) {
    await submit.run(async () => {
      await revokeToken(tenant.slug, token.id);
      setCreated(undefined);
      setFlash({ kind: 'success', text: t('admin.tokens.revoked', { name: token.name }) });
      reload();
    });
  }

  const status = (token: Token) =>
    token.revokedAt ? t('admin.tokens.statusRevoked') : token.expiresAt && new Date(token.expiresAt) <= new Date() ? t('admin.tokens.statusExpired') : t('admin.tokens.statusActive');
  return (
    <section className="stack">
      <PageHeading>{t('admin.tokens.title')}</PageHeading>
      <AdminNav tenant={tenant} current="adminTokens" />
      <FlashMessage flash={flash} />
      {created && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('admin.tokens.createdOnce', { name: created.name })}</Paragraph>
          <pre className="token-once" aria-label={t('admin.tokens.value')}>
            <code>{created.token}</code>
          </pre>
        </Alert>
      )}
      <Paragraph>{t('admin.tokens.intro')}</Paragraph>
      {tokens.status === 'loading' && <Loading />}
      {tokens.status === 'error' && <ErrorState error={tokens.error} onRetry={reload} tenant={tenant} inline />}
      {tokens.status === 'ready' && tokens.data.items.length === 0 && <Paragraph>{t('admin.tokens.empty')}</Paragraph>}
      {tokens.status === 'ready' && tokens.data.items.length > 0 && (
        <div className="table-scroll">
          <Table>
            <caption className="visually-hidden">{t('admin.tokens.caption', { municipality: tenant.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{labels.name}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.tokens.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.tokens.created')}</Table.HeaderCell>
                <Table.HeaderCell>{labels.expiresAt}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.tokens.lastUsed')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.tokens.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {tokens.data.items.map((token) => (
                <Table.Row key={token.id}>
                  <Table.Cell>{token.name}</Table.Cell>
                  <Table.Cell>{token.role}</Table.Cell>
                  <Table.Cell className="nowrap">{day(token.createdAt)}</Table.Cell>
                  <Table.Cell className="nowrap">{day(token.expiresAt) || t('admin.tokens.never')}</Table.Cell>
                  <Table.Cell className="nowrap">{day(token.lastUsedAt)}</Table.Cell>
                  <Table.Cell>{status(token)}</Table.Cell>
                  <Table.Cell>
                    {!token.revokedAt && (
                      <Button variant="tertiary" data-size="sm" onClick={() => void onRevoke(token)}>
                        {t('admin.tokens.revoke', { name: token.name })}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <form className="stack form-page" onSubmit={onCreate} noValidate aria-labelledby="token-form-heading">
        <h2 id="token-form-heading" className="ds-heading" data-size="sm">
          {t('admin.tokens.createTitle')}
        </h2>
        <FormErrorSummary key={submit.attempt} errors={submit.errors} code={submit.code} fields={labels} />
        <FormField field="name" label={labels.name} description={t('admin.tokens.nameHint')} value={name} onChange={setName} errors={submit.errors} required />
        <FormField field="expiresAt" type="date" label={labels.expiresAt} description={t('admin.tokens.expiresHint')} value={expires} onChange={setExpires} errors={submit.errors} />
        <div className="button-row">
          <Button type="submit" loading={submit.submitting}>
            {t('admin.tokens.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
