// SPDX-License-Identifier: EUPL-1.2
// Tells at a glance that something is hidden from the public, and on which legal basis.
import { Tag } from '@digdir/designsystemet-react';
import type { Screening } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Icon } from './Icon.tsx';

/** `screened` is what list summaries carry; full objects carry the screening with its basis. */
export function ScreeningBadge({ screening, screened }: { screening?: Screening | null | undefined; screened?: boolean | undefined }) {
  const { t } = useI18n();
  if (!screening && !screened) return null;
  return (
    <Tag data-color="warning" data-size="sm" className="screening-badge" {...(screening ? { title: t('screening.badgeTitle', { legalBasis: screening.legalBasis }) } : {})}>
      <Icon name="lock" />{' '}
      {t('screening.badge')}
      {screening && <span className="visually-hidden">: {screening.legalBasis}</span>}
    </Tag>
  );
}
