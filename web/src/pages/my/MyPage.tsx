// SPDX-License-Identifier: EUPL-1.2
// My page (Min side / Mi side / Mina sidor): the logged-in person's cases with the expected decision,
// their messages from case officers (unread marked) and the properties they own. Each part loads on
// its own, so one that fails does not hide the others; each says what to do when it is empty.
import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { listMyAccessRequests, listMyCases, listMyDrafts, listMyMessages, listMyProperties, type MyCaseSummary, type MyMessages } from '../../api/myPage.ts';
import type { Tenant } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { CaseStatusTag } from '../../components/StatusTag.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { href } from '../../router/routes.ts';
import { useLoad } from '../../session/useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { ExpectedDecision } from './ExpectedDecision.tsx';
import { formatDate, formatDateTime } from '../../../../src/common/format.ts';

export function MyPage({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  usePageTitle(t('my.title'), tenant.name);
  return (
    <section className="stack">
      <PageHeading>{t('my.title')}</PageHeading>
      <Paragraph>{t('my.intro', { municipality: tenant.name })}</Paragraph>
      <CasesSection tenant={tenant} />
      <DraftsSection tenant={tenant} />
      <MessagesSection tenant={tenant} limit={5} />
      <AccessRequestsSection tenant={tenant} />
      <PropertiesSection tenant={tenant} />
    </section>
  );
}

function CasesSection({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  const [load, reload] = useLoad((signal) => listMyCases(tenant.slug, signal), [tenant.slug]);
  return (
    <section className="stack" aria-labelledby="my-cases">
      <Heading level={2} data-size="sm" id="my-cases">
        {t('my.cases.heading')}
      </Heading>
      {load.status === 'loading' && <Loading />}
      {load.status === 'error' && <ErrorState error={load.error} onRetry={reload} tenant={tenant} inline />}
      {load.status === 'ready' &&
        (load.data.items.length === 0 ? (
          <Paragraph>{t('my.cases.empty')}</Paragraph>
        ) : (
          <ul className="stack my-list">
            {load.data.items.map((c) => (
              <li key={c.id}>
                <CaseCard tenant={tenant} kase={c} />
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** Forms begun and saved by themselves, continued where they were left (the form page loads the draft). */
function DraftsSection({ tenant }: { tenant: Tenant }) {
  const { t, language } = useI18n();
  const [load, reload] = useLoad((signal) => listMyDrafts(tenant.slug, signal), [tenant.slug]);
  return (
    <section className="stack" aria-labelledby="my-drafts">
      <Heading level={2} data-size="sm" id="my-drafts">
        {t('my.drafts.heading')}
      </Heading>
      {load.status === 'loading' && <Loading />}
      {load.status === 'error' && <ErrorState error={load.error} onRetry={reload} tenant={tenant} inline />}
      {load.status === 'ready' &&
        (load.data.items.length === 0 ? (
          <Paragraph>{t('my.drafts.empty')}</Paragraph>
        ) : (
          <ul className="my-list">
            {load.data.items.map((d) => (
              <li key={d.formId}>
                <AppLink href={href({ name: 'eform', tenant: tenant.slug, id: d.formId })}>{t('my.drafts.continue', { title: d.title[language] ?? d.title.nb ?? d.formId })}</AppLink>
                <span className="muted"> · {t('my.drafts.saved', { date: formatDateTime(language, d.updatedAt) })}</span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** Access requests (innsynskrav) I made logged in, followed on their own status page. */
function AccessRequestsSection({ tenant }: { tenant: Tenant }) {
  const { t, language } = useI18n();
  const [load, reload] = useLoad((signal) => listMyAccessRequests(tenant.slug, signal), [tenant.slug]);
  return (
    <section className="stack" aria-labelledby="my-access-requests">
      <Heading level={2} data-size="sm" id="my-access-requests">
        {t('my.access.heading')}
      </Heading>
      {load.status === 'loading' && <Loading />}
      {load.status === 'error' && <ErrorState error={load.error} onRetry={reload} tenant={tenant} inline />}
      {load.status === 'ready' &&
        (load.data.items.length === 0 ? (
          <Paragraph>{t('my.access.empty')}</Paragraph>
        ) : (
          <ul className="my-list">
            {load.data.items.map((r) => (
              <li key={r.id}>
                <a href={r.statusUrl}>{t(r.kind === 'appeal' ? 'my.access.appeal' : 'my.access.request', { date: formatDate(language, r.createdAt), count: r.entries })}</a>
                <span className="muted">
                  {' '}
                  · {t(`my.access.status.${r.status}`)}
                  {r.status !== 'decided' && r.deadline ? ` · ${t('my.access.deadline', { date: formatDate(language, r.deadline) })}` : ''}
                  {r.outcome ? ` · ${t(`my.access.outcome.${r.outcome}`)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

function CaseCard({ tenant, kase }: { tenant: Tenant; kase: MyCaseSummary }) {
  const { t } = useI18n();
  return (
    <Card data-color="neutral">
      <Heading level={3} data-size="xs">
        <AppLink href={href({ name: 'myCase', tenant: tenant.slug, id: kase.id })}>{kase.title}</AppLink>
      </Heading>
      <div className="tag-row">
        <Paragraph data-size="sm">{t('my.caseNumber', { number: kase.caseNumber })}</Paragraph>
        <CaseStatusTag status={kase.status} />
      </div>
      <ExpectedDecision expected={kase.expectedDecision} />
    </Card>
  );
}

export function MessagesSection({ tenant, limit }: { tenant: Tenant; limit?: number }) {
  const { t } = useI18n();
  const [load, reload] = useLoad((signal) => listMyMessages(tenant.slug, signal), [tenant.slug]);
  return (
    <section className="stack" aria-labelledby="my-messages">
      <Heading level={2} data-size="sm" id="my-messages">
        {t('my.messages.heading')}
      </Heading>
      {load.status === 'loading' && <Loading />}
      {load.status === 'error' && <ErrorState error={load.error} onRetry={reload} tenant={tenant} inline />}
      {load.status === 'ready' && <MessageList tenant={tenant} messages={load.data} limit={limit} />}
    </section>
  );
}

function MessageList({ tenant, messages, limit }: { tenant: Tenant; messages: MyMessages; limit?: number | undefined }) {
  const { t, language } = useI18n();
  if (messages.items.length === 0) return <Paragraph>{t('my.messages.empty')}</Paragraph>;
  const shown = limit === undefined ? messages.items : messages.items.slice(0, limit);
  return (
    <>
      <Paragraph>{t('my.messages.unread', { count: messages.unread })}</Paragraph>
      <ul className="my-messages">
        {shown.map((m) => (
          <li key={m.id} className={m.readAt ? undefined : 'my-messages__unread'}>
            {!m.readAt && (
              <Tag data-color="warning" data-size="sm">
                {t('my.messages.new')}
              </Tag>
            )}{' '}
            <AppLink href={href({ name: 'myMessage', tenant: tenant.slug, id: m.id })}>{m.subject}</AppLink>
            <span className="muted">
              {' '}
              · {t('my.caseNumber', { number: m.caseNumber })} · {formatDateTime(language, m.sentAt)}
            </span>
          </li>
        ))}
      </ul>
      {shown.length < messages.items.length && <AppLink href={href({ name: 'myMessages', tenant: tenant.slug })}>{t('my.messages.all', { count: messages.items.length })}</AppLink>}
    </>
  );
}

function PropertiesSection({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  const [load, reload] = useLoad((signal) => listMyProperties(tenant.slug, signal), [tenant.slug]);
  return (
    <section className="stack" aria-labelledby="my-properties">
      <Heading level={2} data-size="sm" id="my-properties">
        {t('my.properties.heading')}
      </Heading>
      {load.status === 'loading' && <Loading />}
      {load.status === 'error' && <ErrorState error={load.error} onRetry={reload} tenant={tenant} inline />}
      {load.status === 'ready' &&
        (load.data.items.length === 0 ? (
          <Paragraph>{t('my.properties.empty')}</Paragraph>
        ) : (
          <ul className="my-list">
            {load.data.items.map((p) => (
              <li key={p.id}>
                <AppLink href={href({ name: 'myProperty', tenant: tenant.slug, id: p.id })}>{p.address ?? p.matrikkel}</AppLink>
                <span className="muted"> · {t('my.properties.matrikkel', { matrikkel: p.matrikkel })}</span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** All my messages: the address the e-mail notice links to. */
export function MyMessagesPage({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  usePageTitle(t('my.messages.heading'), tenant.name);
  const [load, reload] = useLoad((signal) => listMyMessages(tenant.slug, signal), [tenant.slug]);
  return (
    <section className="stack">
      <AppLink href={href({ name: 'myPage', tenant: tenant.slug })}>{t('my.back')}</AppLink>
      <PageHeading>{t('my.messages.heading')}</PageHeading>
      {load.status === 'loading' && <Loading />}
      {load.status === 'error' && <ErrorState error={load.error} onRetry={reload} tenant={tenant} inline />}
      {load.status === 'ready' && <MessageList tenant={tenant} messages={load.data} />}
    </section>
  );
}
