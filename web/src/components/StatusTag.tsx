// SPDX-License-Identifier: EUPL-1.2
import { Tag } from '@digdir/designsystemet-react';
import type { CaseFileStatus, EntryStatus } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const caseColor: Record<CaseFileStatus, string> = { 'in-progress': 'info', 'closed-by-officer': 'success', closed: 'neutral', void: 'warning' };

export function CaseStatusTag({ status }: { status: CaseFileStatus }) {
  const { t } = useI18n();
  return (
    <Tag data-color={caseColor[status] ?? 'neutral'} data-size="sm">
      {t(`status.case.${status}`)}
    </Tag>
  );
}

export function EntryStatusTag({ status }: { status: EntryStatus }) {
  const { t } = useI18n();
  return (
    <Tag data-color={status === 'archived' ? 'neutral' : status === 'void' ? 'warning' : 'info'} data-size="sm" variant="outline">
      {t(`status.entry.${status}`)}
    </Tag>
  );
}
