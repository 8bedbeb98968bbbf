// SPDX-License-Identifier: EUPL-1.2
// Pieces the proposal pages share: the status as a tag, and the signatures against the threshold as
// a labelled progress bar (a native <progress>, which screen readers announce with its label).
import { Tag } from '@digdir/designsystemet-react';
import type { ProposalStatus } from '../api/proposals.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const colors: Record<ProposalStatus, 'info' | 'success' | 'warning' | 'neutral'> = {
  open: 'info', reached: 'success', 'on-agenda': 'success', decided: 'success', lapsed: 'neutral', withdrawn: 'neutral',
};

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const { t } = useI18n();
  return <Tag data-color={colors[status]}>{t(`proposals.status.${status}`)}</Tag>;
}

export function SignatureProgress({ id, count, threshold }: { id: string; count: number; threshold: number }) {
  const { t } = useI18n();
  const label = `progress-${id}`;
  return (
    <div className="stack">
      <span id={label}>{t('proposals.count', { count, threshold })}</span>
      <progress aria-labelledby={label} max={threshold} value={Math.min(count, threshold)} />
    </div>
  );
}
