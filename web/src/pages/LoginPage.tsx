// SPDX-License-Identifier: EUPL-1.2
// Not logged in: one login button per municipality. The server sends the person through the
// municipality's identity provider and back to the address they asked for.
import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { listTenants, loginUrl } from '../api/session.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useLoad } from '../session/useLoad.ts';
import { PageHeading } from '../components/PageHeading.tsx';

export function LoginPage({ returnTo, only }: { returnTo: string; only?: string | undefined }) {
  const { t } = useI18n();
  const [tenants, reload] = useLoad(() => listTenants(), []);
  if (tenants.status === 'loading') return <Loading />;
  if (tenants.status === 'error') return <ErrorState error={tenants.error} onRetry={reload} />;
  const items = tenants.data.items.filter((tenant) => !only || tenant.slug === only);
  const shown = items.length ? items : tenants.data.items;
  return (
    <section className="login">
      <PageHeading>{t('login.title')}</PageHeading>
      <Paragraph>{t('login.intro')}</Paragraph>
      {shown.length === 0 ? (
        <Paragraph>{t('login.noTenants')}</Paragraph>
      ) : (
        <ul className="tenant-grid" aria-label={t('login.municipalities')}>
          {shown.map((tenant) => (
            <li key={tenant.slug}>
              <Card data-color="neutral" className="tenant-card">
                <Heading level={2} data-size="xs">
                  {tenant.name}
                </Heading>
                <Paragraph data-size="sm">
                  {t(`country.${tenant.country}`)} · {tenant.officialNumber}
                </Paragraph>
                <Button asChild data-color="accent">
                  <a href={loginUrl(tenant.slug, returnTo)}>{t('login.button', { municipality: tenant.name })}</a>
                </Button>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
