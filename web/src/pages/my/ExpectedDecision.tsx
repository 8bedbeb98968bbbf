// SPDX-License-Identifier: EUPL-1.2
// When the citizen may expect a decision, in plain words: a range from this municipality's own
// finished cases of the same kind (half decided by the first date, eight of ten by the second), the
// stated processing time while there are too few of them, or the day a finished case was decided.
import { Paragraph } from '@digdir/designsystemet-react';
import type { ExpectedDecision as Expected } from '../../api/myPage.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate, formatNumber } from '../../../../src/common/format.ts';

export function ExpectedDecision({ expected, explain = false }: { expected: Expected; explain?: boolean }) {
  const { t, language } = useI18n();
  const from = formatDate(language, expected.from);
  const to = formatDate(language, expected.to);
  if (expected.basis === 'decided') return <Paragraph data-size="sm">{t('my.expected.decided', { date: to })}</Paragraph>;
  const days = (n: number | null) => (n === null ? '' : formatNumber(language, Math.round(n)));
  return (
    <>
      <Paragraph data-size="sm">
        <strong>{expected.basis === 'history' && from !== to ? t('my.expected.range', { from, to }) : t('my.expected.by', { date: to })}</strong>
      </Paragraph>
      {explain && (
        <Paragraph data-size="sm" className="muted">
          {expected.basis === 'history'
            ? t('my.expected.historyExplained', { count: expected.finishedCases, median: days(expected.medianDays), p80: days(expected.p80Days) })
            : t('my.expected.statedExplained')}
        </Paragraph>
      )}
    </>
  );
}
