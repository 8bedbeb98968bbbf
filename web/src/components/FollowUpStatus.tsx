// SPDX-License-Identifier: EUPL-1.2
import { Tag } from '@digdir/designsystemet-react';
import { followUpState } from '../api/followUp.ts';
import type { EntryType, FollowUp } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function FollowUpStatus({ type, followUps }: { type: EntryType; followUps: Pick<FollowUp, 'method'>[] | undefined }) {
  const { t } = useI18n();
  const state = followUpState(type, followUps);
  if (state === 'not-needed') return <span className="muted">{t('entry.followUp.notNeeded')}</span>;
  if (state === 'awaiting')
    return (
      <Tag data-color="warning" data-size="sm">
        {t('entry.followUp.awaiting')}
      </Tag>
    );
  const first = followUps![0]!;
  const method = t(`followUpMethod.${first.method}`);
  return (
    <Tag data-color="success" data-size="sm">
      {t('entry.followUp.done', { method })}
    </Tag>
  );
}
