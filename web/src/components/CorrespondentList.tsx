// SPDX-License-Identifier: EUPL-1.2
import { Paragraph } from '@digdir/designsystemet-react';
import type { Correspondent } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A case file's entries carry only name, kind and role; an entry on its own carries the address too. */
type Listed = Pick<Correspondent, 'name' | 'role'> & Partial<Correspondent>;

export function CorrespondentList({ correspondents, compact = false }: { correspondents: readonly Listed[]; compact?: boolean }) {
  const { t } = useI18n();
  if (!correspondents.length) return <Paragraph data-size="sm" className="muted">{t('entry.noCorrespondents')}</Paragraph>;
  return (
    <ul className={compact ? 'correspondent-list correspondent-list--compact' : 'correspondent-list'}>
      {correspondents.map((c, i) => (
        <li key={c.id ?? i}>
          <span className="muted">{t(`correspondentRole.${c.role}`)}:</span> <strong>{c.name}</strong>
          {!compact && (c.address || c.postalCode || c.postalTown || c.email) && (
            <span className="correspondent-list__address">
              {[c.address, [c.postalCode, c.postalTown].filter(Boolean).join(' '), c.email].filter(Boolean).join(', ')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
