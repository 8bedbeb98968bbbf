// SPDX-License-Identifier: EUPL-1.2
// The municipality's e-services for a logged-in person: each service with its description and
// expected processing time, and a link to its form.
import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { listServices } from '../api/eservices.ts';
import type { Tenant } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router/routes.ts';
import { useLoad } from '../session/useLoad.ts';
import { usePageTitle } from './usePageTitle.ts';

export function ServicesPage({ tenant }: { tenant: Tenant }) {
  const { t, language } = useI18n();
  usePageTitle(t('services.title'), tenant.name);
  const [services, reload] = useLoad((signal) => listServices(tenant.slug, language, undefined, signal), [tenant.slug, language]);
  return (
    <section className="stack">
      <PageHeading>{t('services.title')}</PageHeading>
      <Paragraph>{t('services.intro', { municipality: tenant.name })}</Paragraph>
      {services.status === 'loading' && <Loading />}
      {services.status === 'error' && <ErrorState error={services.error} onRetry={reload} tenant={tenant} inline />}
      {services.status === 'ready' && (
        <ul className="work-grid">
          {services.data.items.map((s) => (
            <li key={s.id}>
              <Card data-color="neutral" className="work-card">
                <Heading level={2} data-size="xs">
                  <AppLink href={href({ name: 'eform', tenant: tenant.slug, id: s.id })}>{s.title}</AppLink>
                </Heading>
                <Paragraph data-size="sm">{s.description}</Paragraph>
                {s.processingDays !== undefined && <Paragraph data-size="sm">{t('services.processing', { days: s.processingDays })}</Paragraph>}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
