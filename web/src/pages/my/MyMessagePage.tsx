// SPDX-License-Identifier: EUPL-1.2
// One message from a case officer. Opening it is reading it: the server records the first reading
// in the case (readMyMessage), so the page says so rather than offering a separate button.
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { readMyMessage } from '../../api/myPage.ts';
import type { Tenant } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { href } from '../../router/routes.ts';
import { useLoad } from '../../session/useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { MyDocuments } from './MyDocuments.tsx';
import { formatDateTime } from '../../../../src/common/format.ts';

export function MyMessagePage({ tenant, id }: { tenant: Tenant; id: string }) {
  const { t, language } = useI18n();
  const [load, reload] = useLoad((signal) => readMyMessage(tenant.slug, id, signal), [tenant.slug, id]);
  usePageTitle(load.status === 'ready' ? load.data.subject : undefined, tenant.name);
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <ErrorState error={load.error} onRetry={reload} tenant={tenant} />;
  const m = load.data;
  return (
    <article className="stack">
      <AppLink href={href({ name: 'myMessages', tenant: tenant.slug })}>{t('my.messages.back')}</AppLink>
      <PageHeading size="md">{m.subject}</PageHeading>
      <Paragraph data-size="sm" className="muted">
        {t('my.message.sent', { date: formatDateTime(language, m.sentAt) })}
        {' · '}
        <AppLink href={href({ name: 'myCase', tenant: tenant.slug, id: m.caseFileId })}>{t('my.caseNumber', { number: m.caseNumber })}</AppLink>
      </Paragraph>
      <Paragraph role="status" data-size="sm">
        {t('my.message.read', { date: formatDateTime(language, m.readAt) })}
      </Paragraph>
      <div className="my-message__text">{m.text}</div>
      {m.documents.length > 0 && (
        <section className="stack" aria-labelledby="my-message-documents">
          <Heading level={2} data-size="xs" id="my-message-documents">
            {t('my.message.documents')}
          </Heading>
          <MyDocuments documents={m.documents} />
        </section>
      )}
    </article>
  );
}
