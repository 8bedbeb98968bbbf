// SPDX-License-Identifier: EUPL-1.2
// One question as the asker and the politician see it: whom it was asked, the text, its status or
// age, and the answer. The actions (withdraw, answer) come from the page as children.
import type { ReactNode } from 'react';
import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { formatDate } from '../../../src/common/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Question } from './api.ts';

const colour = { open: 'warning', answered: 'success', withdrawn: 'neutral', rejected: 'danger' } as const;

export function QuestionCard({ q, children }: { q: Question; children?: ReactNode }) {
  const { t, language } = useI18n();
  const to = q.to.kind === 'person' ? t('questions.to', { name: q.to.party ? `${q.to.name} (${q.to.party.code})` : q.to.name }) : t('questions.toParty', { name: q.to.name });
  return (
    <Card data-color="neutral" className="stack">
      <Heading level={3} data-size="xs">{to}</Heading>
      <Paragraph data-size="sm">
        <Tag data-color={colour[q.status]}>{t(`questions.status.${q.status}`)}</Tag>{' '}
        {t('questions.asked', { name: q.askerName, date: formatDate(language, q.askedAt) })}
        {q.ageInDays !== null && ` · ${t('questions.age', { days: q.ageInDays })}`}
      </Paragraph>
      <Paragraph>{q.text}</Paragraph>
      {q.rejectedReason && <Paragraph data-size="sm">{t('questions.rejectedReason', { reason: q.rejectedReason })}</Paragraph>}
      {q.answer && (
        <div className="stack">
          <Paragraph data-size="sm"><strong>{t('questions.answerBy', { name: q.answer.by?.name ?? q.to.name, date: formatDate(language, q.answer.answeredAt) })}</strong></Paragraph>
          <Paragraph>{q.answer.text}</Paragraph>
        </div>
      )}
      {children}
    </Card>
  );
}
