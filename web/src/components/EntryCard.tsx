// SPDX-License-Identifier: EUPL-1.2
// One registry entry in the case view: what it is, who it is from or to, its documents and
// whether it still waits for follow-up. All of it comes with the case file's details (getCaseFile),
// so the case view makes one request, not one per entry.
import { Card, Heading } from '@digdir/designsystemet-react';
import { followUpState } from '../api/followUp.ts';
import type { CaseEntry, FollowUp, RegistryEntrySummary } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router/routes.ts';
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
  entry: CaseEntry;
  canReply: boolean;
}

/** The date a person knows a letter by (received, sent, written or registered), written for the language. */
export function entryDate(language: Language, entry: Pick<RegistryEntrySummary, 'receivedDate' | 'sentDate' | 'documentDate' | 'journalDate'>): string {
  return formatDate(language, entry.receivedDate ?? entry.sentDate ?? entry.documentDate ?? entry.journalDate);
}

export function EntryCard({ tenant, caseId, entry, canReply }: Props) {
  const { t, language } = useI18n();
  // A case's entry carries only its follow-up's method: enough for the state and the text.
  const followUps: Pick<FollowUp, 'method'>[] = entry.followUpMethod ? [{ method: entry.followUpMethod }] : [];
  const awaiting = followUpState(entry.type, followUps) === 'awaiting';
  return (
    <Card data-color="neutral" className="entry-card">
      <div className="entry-card__head">
        <span className="entry-card__number">{entry.documentNumber ?? entry.registryNumber}</span>
        <span className="muted">{t(`entryType.${entry.type}`)}</span>
        <EntryStatusTag status={entry.status} />
        <ScreeningBadge screening={entry.screening} screened={entry.screened} />
        <span className="entry-card__date muted">{entryDate(language, entry)}</span>
      </div>
      <Heading level={3} data-size="2xs">
        <AppLink href={href({ name: 'entryView', tenant, id: entry.id })}>{entry.title}</AppLink>
      </Heading>
      <CorrespondentList correspondents={entry.correspondents ?? []} compact />
      <DocumentList tenant={tenant} documents={entry.documents ?? []} />
      <div className="entry-card__foot">
        <FollowUpStatus type={entry.type} followUps={followUps} />
        {canReply && awaiting && entry.type === 'incoming' && (
          <ButtonLink variant="secondary" href={href({ name: 'entryNew', tenant, caseId, followsUp: entry.id })}>
            {t('entry.reply')}
          </ButtonLink>
        )}
      </div>
    </Card>
  );
}
