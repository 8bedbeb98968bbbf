// SPDX-License-Identifier: EUPL-1.2
// The first screen in a municipality, per role: what this person can do in Rådhus today. Case
// officers and archivists see their work lists with counts; politicians, residents and tenant
// administrators get a page for them instead of an archive they may not read.
import { Alert, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Role, Tenant } from '../api/types.ts';
import { getWorkOverview } from '../api/worklists.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import { href, type WorkListName } from '../router/routes.ts';
import { isSecretariat } from '../council/access.ts';
import { useLoad } from '../session/useLoad.ts';
import { usePageTitle } from './usePageTitle.ts';

export const isWorker = (roles: readonly Role[]): boolean => roles.includes('case-officer') || roles.includes('archivist');

/** `notice`: shown on an archive address the person may not use, saying why they see this instead. */
export function StartPage({ tenant, roles, name, notice = false }: { tenant: Tenant; roles: readonly Role[]; name: string; notice?: boolean }) {
  const { t } = useI18n();
  usePageTitle(t('start.pageTitle'), tenant.name);
  return (
    <section className="stack">
      <PageHeading>{t('start.title', { name })}</PageHeading>
      {notice && (
        <Alert data-color="info">
          <Paragraph>{t('start.archiveNotForYou')}</Paragraph>
        </Alert>
      )}
      <Paragraph>{t('start.intro', { municipality: tenant.name, roles: roles.map((r) => t(`role.${r}`)).join(', ') })}</Paragraph>
      {isWorker(roles) && <WorkSection tenant={tenant} />}
      {roles.includes('archivist') && (
        <RoleSection id="start-deposit" heading="deposit.title" body="deposit.startHint">
          <ButtonLink variant="secondary" href={href({ name: 'deposit', tenant: tenant.slug })}>
            {t('deposit.open')}
          </ButtonLink>
        </RoleSection>
      )}
      {roles.includes('tenant-admin') && (
        <RoleSection id="start-admin" heading="start.admin.heading" body="start.admin.body">
          <ButtonLink variant="secondary" href={href({ name: 'adminUsers', tenant: tenant.slug })}>
            {t('start.admin.link')}
          </ButtonLink>
        </RoleSection>
      )}
      {isSecretariat(roles) && (
        <RoleSection id="start-secretariat" heading="start.secretariat.heading" body="start.secretariat.body">
          <ButtonLink variant="secondary" href={href({ name: 'council', tenant: tenant.slug })}>
            {t('council.open')}
          </ButtonLink>
          <ButtonLink variant="secondary" href={href({ name: 'proposalsStaff', tenant: tenant.slug })}>
            {t('proposals.staff.open')}
          </ButtonLink>
        </RoleSection>
      )}
      {roles.includes('politician') && (
        <RoleSection id="start-politician" heading="start.politician.heading" body="workspace.start.body">
          <ButtonLink href={href({ name: 'workspace', tenant: tenant.slug })}>{t('workspace.open')}</ButtonLink>
          <ButtonLink variant="secondary" href={href({ name: 'questionsAnswer', tenant: tenant.slug })}>{t('questions.link.answer')}</ButtonLink>
        </RoleSection>
      )}
      {roles.includes('citizen') && (
        <RoleSection id="start-citizen" heading="start.citizen.heading" body="start.citizen.body">
          <ButtonLink href={href({ name: 'myPage', tenant: tenant.slug })}>{t('my.title')}</ButtonLink>
          <ButtonLink variant="secondary" href={href({ name: 'services', tenant: tenant.slug })}>
            {t('services.link')}
          </ButtonLink>
          <ButtonLink variant="secondary" href={href({ name: 'questionsNew', tenant: tenant.slug })}>{t('questions.link.ask')}</ButtonLink>
          <ButtonLink variant="secondary" href={href({ name: 'proposals', tenant: tenant.slug })}>
            {t('proposals.title')}
          </ButtonLink>
        </RoleSection>
      )}
    </section>
  );
}

function RoleSection({ id, heading, body, children }: { id: string; heading: MessageKey; body: MessageKey; children?: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="stack" aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {t(heading)}
      </Heading>
      <Paragraph>{t(body)}</Paragraph>
      {children}
    </section>
  );
}

function WorkSection({ tenant }: { tenant: Tenant }) {
  const { t } = useI18n();
  const [overview, reload] = useLoad((signal) => getWorkOverview(tenant.slug, signal), [tenant.slug]);
  const card = (list: WorkListName, label: MessageKey, count: number | undefined, hint: MessageKey) => (
    <li key={list}>
      <Card data-color={list === 'overdue' && count ? 'danger' : 'neutral'} className="work-card">
        <Heading level={3} data-size="xs">
          <AppLink href={href({ name: 'workList', tenant: tenant.slug, list })}>{t(label)}</AppLink>
        </Heading>
        {count !== undefined && <Paragraph className="work-card__count">{count}</Paragraph>}
        <Paragraph data-size="sm">{t(hint)}</Paragraph>
      </Card>
    </li>
  );
  return (
    <section className="stack" aria-labelledby="start-work">
      <Heading level={2} data-size="sm" id="start-work">
        {t('start.work.heading')}
      </Heading>
      {overview.status === 'loading' && <Loading />}
      {overview.status === 'error' && <ErrorState error={overview.error} onRetry={reload} tenant={tenant} inline />}
      {overview.status === 'ready' && (
        <ul className="work-grid">
          {card('my-cases', 'work.list.my-cases', overview.data.myCases, 'start.work.myCasesHint')}
          {card('follow-ups', 'work.list.follow-ups', overview.data.myPendingFollowUps, 'start.work.followUpsHint')}
          {card('overdue', 'work.list.overdue', overview.data.myOverdue, 'start.work.overdueHint')}
          {card('unit-cases', 'work.list.unit-cases', overview.data.myUnitCases, 'start.work.unitHint')}
        </ul>
      )}
      <div className="button-row">
        <ButtonLink variant="secondary" href={href({ name: 'caseList', tenant: tenant.slug })}>
          {t('start.work.allCases')}
        </ButtonLink>
        <ButtonLink variant="secondary" href={href({ name: 'caseNew', tenant: tenant.slug })}>
          {t('nav.newCase')}
        </ButtonLink>
        <ButtonLink variant="secondary" href={href({ name: 'accessRequests', tenant: tenant.slug })}>
          {t('access.title')}
        </ButtonLink>
      </div>
    </section>
  );
}
