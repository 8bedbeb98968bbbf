// SPDX-License-Identifier: EUPL-1.2
// The tenant administrator's three pages, linked from each of them.
import type { Tenant } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import './admin.css';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { href } from '../../router/routes.ts';

export function AdminNav({ tenant, current }: { tenant: Tenant; current: 'adminUsers' | 'adminUnits' | 'adminTokens' }) {
  const { t } = useI18n();
  const pages = [
    { name: 'adminUsers', label: t('admin.users.title') },
    { name: 'adminUnits', label: t('admin.units.title') },
    { name: 'adminTokens', label: t('admin.tokens.title') },
  ] as const;
  return (
    <nav aria-label={t('admin.nav')} className="button-row">
      {pages.map((p) => (
        <AppLink key={p.name} href={href({ name: p.name, tenant: tenant.slug })} aria-current={p.name === current ? 'page' : undefined}>
          {p.label}
        </AppLink>
      ))}
    </nav>
  );
}
