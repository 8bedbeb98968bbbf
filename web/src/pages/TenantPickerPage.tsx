// SPDX-License-Identifier: EUPL-1.2
// A person who works for several municipalities (inter-municipal cooperation) picks one.
import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Session } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router/routes.ts';
import { PageHeading } from '../components/PageHeading.tsx';

export function TenantPickerPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const tenants = session.tenants.filter((tenant) => tenant.roles.length > 0);
  return (
    <section>
      <PageHeading>{t('tenantPicker.title')}</PageHeading>
      {tenants.length === 0 ? (
        <Paragraph>{t('tenantPicker.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('tenantPicker.intro')}</Paragraph>
          <ul className="tenant-grid">
            {tenants.map((tenant) => (
              <li key={tenant.slug}>
                <Card data-color="neutral" className="tenant-card">
                  <Heading level={2} data-size="xs">
                    <AppLink href={href({ name: 'start', tenant: tenant.slug })}>{tenant.name}</AppLink>
                  </Heading>
                  <Paragraph data-size="sm">{t('tenantPicker.roles', { roles: tenant.roles.map((r) => t(`role.${r}`)).join(', ') })}</Paragraph>
                </Card>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
