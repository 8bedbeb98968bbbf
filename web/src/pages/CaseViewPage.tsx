// SPDX-License-Identifier: EUPL-1.2
// One case: its particulars, its registry entries with documents and follow-up, and the actions
// the API says this person may take on it.
import { useState } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { closeCaseFile, getCaseFile } from '../api/archive.ts';
import { can } from '../api/followUp.ts';
import type { Tenant } from '../api/types.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { CaseDetails } from '../components/CaseDetails.tsx';
import { CloseCaseDialog } from '../components/CloseCaseDialog.tsx';
import { EntryCard } from '../components/EntryCard.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FlashMessage } from '../components/FlashMessage.tsx';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ScreeningBadge } from '../components/ScreeningBadge.tsx';
import { SendMessageForm } from '../components/SendMessageForm.tsx';
import { CaseStatusTag } from '../components/StatusTag.tsx';
import { useSubmit } from '../forms/useSubmit.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router/routes.ts';
import type { Flash } from '../session/flash.ts';
import { useLoad } from '../session/useLoad.ts';
import { usePageTitle } from './usePageTitle.ts';
import { ConsultationSection } from '../consultations/ConsultationSection.tsx';

export function CaseViewPage({ tenant, id }: { tenant: Tenant; id: string }) {
  const { t } = useI18n();
  const [load, reload] = useLoad((signal) => getCaseFile(tenant.slug, id, signal), [tenant.slug, id]);
  const closing = useSubmit();
  const [flash, setLocalFlash] = useState<Flash | undefined>();
  usePageTitle(load.status === 'ready' ? t('caseView.pageTitle', { number: load.data.caseNumber, title: load.data.title }) : undefined, tenant.name);
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <ErrorState error={load.error} onRetry={reload} tenant={tenant} />;
  const c = load.data;

  async function close() {
    await closing.run(async () => {
      await closeCaseFile(tenant.slug, c.id);
      setLocalFlash({ kind: 'success', text: t('caseView.closed', { number: c.caseNumber }) });
      reload();
    });
  }

  return (
    <article className="stack">
      <FlashMessage flash={flash} />
      <div className="case-head">
        <Paragraph className="case-head__number">{c.caseNumber}</Paragraph>
        <PageHeading size="md">{c.title}</PageHeading>
        <div className="tag-row">
          <CaseStatusTag status={c.status} />
          <ScreeningBadge screening={c.screening} />
        </div>
      </div>
      <FormErrorSummary key={closing.attempt} errors={closing.errors} code={closing.code} fields={{}} />
      {(can(c.actions, 'addEntry') || can(c.actions, 'update') || can(c.actions, 'close')) && (
        <div className="button-row" role="group" aria-label={t('caseView.actions')}>
          {can(c.actions, 'addEntry') && <ButtonLink href={href({ name: 'entryNew', tenant: tenant.slug, caseId: c.id })}>{t('caseView.registerEntry')}</ButtonLink>}
          {can(c.actions, 'update') && (
            <ButtonLink variant="secondary" href={href({ name: 'caseScreening', tenant: tenant.slug, id: c.id })}>
              {t('caseView.setScreening')}
            </ButtonLink>
          )}
          {can(c.actions, 'close') && <CloseCaseDialog tenant={tenant.slug} caseNumber={c.caseNumber} unanswered={c.unansweredEntries ?? []} busy={closing.submitting} onConfirm={close} />}
        </div>
      )}
      {can(c.actions, 'addEntry') && (
        <SendMessageForm
          tenant={tenant.slug}
          caseFileId={c.id}
          onSent={(text) => {
            setLocalFlash({ kind: 'success', text });
            reload();
          }}
        />
      )}
      <CaseDetails caseFile={c} />
      <ConsultationSection tenant={tenant} caseFileId={c.id} entries={c.registryEntries ?? []} canOpen={can(c.actions, 'addEntry')} />
      <section className="stack" aria-labelledby="entries-heading">
        <Heading level={2} data-size="sm" id="entries-heading">
          {t('caseView.entries')}
        </Heading>
        {(c.registryEntries ?? []).length === 0 ? (
          <Paragraph>{t('caseView.noEntries')}</Paragraph>
        ) : (
          <ol className="entry-list">
            {(c.registryEntries ?? []).map((entry) => (
              <li key={entry.id}>
                <EntryCard tenant={tenant.slug} caseId={c.id} entry={entry} canReply={can(c.actions, 'addEntry')} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
