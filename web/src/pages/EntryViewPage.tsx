// SPDX-License-Identifier: EUPL-1.2
// One registry entry in full: parties, documents with versions, follow-up, and the actions the API
// allows here (follow up without a reply, add a document, reply with an outgoing letter).
import { useState } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { getRegistryEntry } from '../api/archive.ts';
import { can, followUpState } from '../api/followUp.ts';
import type { Tenant } from '../api/types.ts';
import { AddDocumentForm } from '../components/AddDocumentForm.tsx';
import { AppLink } from '../components/AppLink.tsx';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { CorrespondentList } from '../components/CorrespondentList.tsx';
import { DetailsPanel } from '../components/DetailsPanel.tsx';
import { DocumentList } from '../components/DocumentList.tsx';
import { entryDate } from '../components/EntryCard.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FlashMessage } from '../components/FlashMessage.tsx';
import { FollowUpForm } from '../components/FollowUpForm.tsx';
import { FollowUpStatus } from '../components/FollowUpStatus.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ScreeningBadge } from '../components/ScreeningBadge.tsx';
import { EntryStatusTag } from '../components/StatusTag.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router/routes.ts';
import type { Flash } from '../session/flash.ts';
import { useLoad } from '../session/useLoad.ts';
import { formatDate } from '../../../src/common/format.ts';

export function EntryViewPage({ tenant, id }: { tenant: Tenant; id: string }) {
  const { t, language } = useI18n();
  const [load, reload] = useLoad((signal) => getRegistryEntry(tenant.slug, id, signal), [tenant.slug, id]);
  const [flash, setFlash] = useState<Flash | undefined>();
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <ErrorState error={load.error} onRetry={reload} tenant={tenant} />;
  const e = load.data;
  const awaiting = followUpState(e.type, e.followUps) === 'awaiting';
  const done = (text: string) => {
    setFlash({ kind: 'success', text });
    reload();
  };
  const rows: [string, string | null | undefined][] = [
    [t('entry.registryNumber'), e.registryNumber],
    [t('entry.type'), t(`entryType.${e.type}`)],
    [t('entry.documentDate'), formatDate(language, e.documentDate)],
    [t('entry.receivedDate'), formatDate(language, e.receivedDate)],
    [t('entry.sentDate'), formatDate(language, e.sentDate)],
    [t('entry.journalDate'), formatDate(language, e.journalDate)],
    [t('caseView.publicTitle'), e.publicTitle],
    [t('screening.legalBasis'), e.screening?.legalBasis],
  ];

  return (
    <article className="stack">
      <FlashMessage flash={flash} />
      <div className="case-head">
        <Paragraph className="case-head__number">
          <AppLink href={href({ name: 'caseView', tenant: tenant.slug, id: e.caseFileId })}>{t('entry.inCase', { number: e.caseNumber ?? '' })}</AppLink>
        </Paragraph>
        <PageHeading size="md">{e.title}</PageHeading>
        <div className="tag-row">
          <EntryStatusTag status={e.status} />
          <ScreeningBadge screening={e.screening} />
          <FollowUpStatus type={e.type} followUps={e.followUps} />
          <span className="muted">{entryDate(language, e)}</span>
        </div>
      </div>
      {awaiting && e.type === 'incoming' && can(e.actions, 'followUp') && (
        <div className="button-row">
          <ButtonLink href={href({ name: 'entryNew', tenant: tenant.slug, caseId: e.caseFileId, followsUp: e.id })}>{t('entry.reply')}</ButtonLink>
        </div>
      )}
      <DetailsPanel id="entry-details" title={t('caseView.details')} rows={rows} />
      <section aria-labelledby="entry-correspondents" className="stack">
        <Heading level={2} data-size="xs" id="entry-correspondents">
          {t('entry.correspondents')}
        </Heading>
        <CorrespondentList correspondents={e.correspondents} />
      </section>
      <section aria-labelledby="entry-documents" className="stack">
        <Heading level={2} data-size="xs" id="entry-documents">
          {t('entry.documents')}
        </Heading>
        <DocumentList tenant={tenant.slug} documents={e.documents} />
        {can(e.actions, 'uploadDocument') && <AddDocumentForm tenant={tenant.slug} entryId={e.id} onDone={() => done(t('entry.documentAdded'))} />}
      </section>
      {awaiting && can(e.actions, 'followUp') && (
        <section aria-labelledby="entry-follow-up" className="stack">
          <Heading level={2} data-size="xs" id="entry-follow-up">
            {t('entry.followUp')}
          </Heading>
          <FollowUpForm tenant={tenant.slug} entryId={e.id} onDone={() => done(t('entry.followedUp', { number: e.registryNumber }))} />
        </section>
      )}
    </article>
  );
}
