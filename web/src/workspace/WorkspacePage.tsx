// SPDX-License-Identifier: EUPL-1.2
// The elected member's start in the workspace (issue 11 §3): upcoming meetings of the bodies they
// sit in, and those they are called to as a substitute. Large touch targets: made for a tablet.
import { useEffect } from 'react';
import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { formatDateTime } from '../../../src/common/format.ts';
import { listMyMeetings } from '../api/workspace.ts';
import type { Tenant } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { usePageTitle } from '../pages/usePageTitle.ts';
import { href } from '../router/routes.ts';
import { useLoad } from '../session/useLoad.ts';
import { registerWorkspaceWorker } from './serviceWorker.ts';

export function WorkspacePage({ tenant }: { tenant: Tenant }) {
  const { t, language } = useI18n();
  usePageTitle(t('workspace.title'), tenant.name);
  const [meetings, reload] = useLoad((signal) => listMyMeetings(tenant.slug, signal), [tenant.slug]);
  // The worker that lets a meeting be reloaded without a network (sw.js); registered here, not on every page.
  useEffect(registerWorkspaceWorker, []);
  if (meetings.status === 'loading') return <Loading />;
  if (meetings.status === 'error') return <ErrorState error={meetings.error} onRetry={reload} tenant={tenant} />;
  const items = meetings.data.items;
  return (
    <section className="stack">
      <PageHeading>{t('workspace.title')}</PageHeading>
      <Paragraph>{t('workspace.intro')}</Paragraph>
      {items.length === 0 && <Paragraph>{t('workspace.none')}</Paragraph>}
      <ul className="stack workspace-list">
        {items.map((m) => (
          <li key={m.id}>
            <Card data-color="neutral">
              <Heading level={2} data-size="xs">
                <AppLink href={href({ name: 'workspaceMeeting', tenant: tenant.slug, id: m.id })}>
                  {t('workspace.meeting.title', { body: m.bodyName, date: formatDateTime(language, m.startsAt) })}
                </AppLink>
              </Heading>
              <Paragraph>
                <Tag data-color={m.role === 'member' ? 'neutral' : 'info'}>{t(`workspace.role.${m.role}`)}</Tag>{' '}
                {m.location && t('workspace.meeting.at', { location: m.location })}
              </Paragraph>
              {!m.agendaSent && <Paragraph>{t('workspace.agendaNotSent')}</Paragraph>}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
