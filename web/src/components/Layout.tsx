// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from 'react';
import { SkipLink } from '@digdir/designsystemet-react';
import type { Session, Tenant } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { AppHeader } from './AppHeader.tsx';

export function Layout({ session, tenant, children }: { session: Session | undefined; tenant: Tenant | undefined; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <AppHeader session={session} tenant={tenant} />
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <span>
          {t('app.name')} · {t('app.tagline')}
        </span>
        <span>EUPL-1.2</span>
      </footer>
    </>
  );
}
