// SPDX-License-Identifier: EUPL-1.2
// One registry entry in the case view: what it is, who it is from or to, its documents and
// whether it still waits for follow-up. Details come from getRegistryEntry.
import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { getRegistryEntry } from '../api/archive.ts';
import { followUpState } from '../api/followUp.ts';
import type { RegistryEntrySummary } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router/routes.ts';
import { useLoad } from '../session/useLoad.ts';
import { AppLink } from './AppLink.tsx';
import { ButtonLink } from './ButtonLink.tsx';
import { DocumentList } from './DocumentList.tsx';
import { FollowUpStatus } from './FollowUpStatus.tsx';
import { ScreeningBadge } from './ScreeningBadge.tsx';
import { EntryStatusTag } from './StatusTag.tsx';
import { CorrespondentList } from './CorrespondentList.tsx';
import { formatDate } from '../../../src/common/format.ts';
import type { Language } from '../api/types.ts';

interface Props {
  tenant: string;
  caseId: string;
  entry: RegistryEntrySummary;
  canReply: boolean;
}

/** The date a person knows a letter by (received, sent, written or registered), written for the language. */
export function entryDate(language: Language, entry: Pick<RegistryEntrySummary, 'receivedDate' | 'sentDate' | 'documentDate' | 'journalDate'>): string {
  return formatDate(language, entry.receivedDate ?? entry.sentDate ?? entry.documentDate ?? entry.journalDate);
}

export function EntryCard({ tenant, caseId, entry, canReply }: Props) {
  const { t, language } = useI18n();
  const [details] = useLoad((signal) => getRegistryEntry(tenant, entry.id, signal), [tenant, entry.id]);
  const full = details.status === 'ready' ? details.data : undefined;
  const awaiting = followUpState(entry.type, full?.followUps) === 'awaiting';
  return (
    <Card data-color="neutral" className="entry-card">
      <div className="entry-card__head">
        <span className="entry-card__number">{entry.registryNumber}</span>
        <span className="muted">{t(`entryType.${entry.type}`)}</span>
        <EntryStatusTag status={entry.status} />
        <ScreeningBadge screening={full?.screening} screened={entry.screened} />
        <span className="entry-card__date muted">{entryDate(language, entry)}</span>
      </div>
      <Heading level={3} data-size="2xs">
        <AppLink href={href({ name: 'entryView', tenant, id: entry.id })}>{entry.title}</AppLink>
      </Heading>
      {full && (
        <>
          <CorrespondentList correspondents={full.correspondents} compact />
          <DocumentList tenant={tenant} documents={full.documents} />
          <div className="entry-card__foot">
            <FollowUpStatus type={entry.type} followUps={full.followUps} />
            {canReply && awaiting && entry.type === 'incoming' && (
              <ButtonLink variant="secondary" href={href({ name: 'entryNew', tenant, caseId, followsUp: entry.id })}>
                {t('entry.reply')}
              </ButtonLink>
            )}
          </div>
        </>
      )}
      {details.status === 'error' && <Paragraph data-size="sm">{t('error.title')}</Paragraph>}
    </Card>
  );
}
