// SPDX-License-Identifier: EUPL-1.2
// The bar on every screen: product, municipality, the main sections, who is logged in, language.
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { logout } from '../api/session.ts';
import type { Session, Tenant } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router/routes.ts';
import { isSecretariat } from '../council/access.ts';
import { navigate } from '../router/navigation.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { clearOfflineCopies } from '../workspace/serviceWorker.ts';
import { AppLink } from './AppLink.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';

export function AppHeader({ session, tenant }: { session: Session | undefined; tenant: Tenant | undefined }) {
  const { t } = useI18n();
  const { reload } = useSession();
  const user = session?.user;
  const canSwitch = (session?.tenants.length ?? 0) > 1;
  // Only case officers and archivists work in the archive; everyone else has their start page.
  const roles = session?.tenants.find((x) => x.slug === tenant?.slug)?.roles ?? [];
  const works = roles.includes('case-officer') || roles.includes('archivist');
  const isAdmin = roles.includes('tenant-admin');

  async function onLogout() {
    let endSessionUrl: string | null = null;
    try {
      endSessionUrl = (await logout()).endSessionUrl;
    } catch {
      // The session may already be gone; showing the login page is right either way.
    }
    // The workspace's saved agenda and papers (some screened) must not stay on a shared tablet.
    await clearOfflineCopies();
    // On a shared tablet the identity provider's session must end too, or the next person is
    // logged straight back in as this one.
    if (endSessionUrl) {
      location.assign(endSessionUrl);
      return;
    }
    navigate(href({ name: 'home' }), { replace: true });
    await reload();
  }

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <div className="app-header__brand">
          <a className="app-header__logo" href={href({ name: 'home' })}>
            <img src="/app/favicon.svg" alt="" width="32" height="32" />
            <span>{t('app.name')}</span>
          </a>
          {tenant && <span className="app-header__tenant">{tenant.name}</span>}
        </div>
        {user && tenant && (
          <nav className="app-header__nav" aria-label={t('nav.main')}>
            <AppLink href={href({ name: 'start', tenant: tenant.slug })}>{t('nav.start')}</AppLink>
            {works && <AppLink href={href({ name: 'workList', tenant: tenant.slug, list: 'my-cases' })}>{t('nav.work')}</AppLink>}
            {works && <AppLink href={href({ name: 'caseList', tenant: tenant.slug })}>{t('nav.cases')}</AppLink>}
            {works && <AppLink href={href({ name: 'caseNew', tenant: tenant.slug })}>{t('nav.newCase')}</AppLink>}
            {roles.includes('citizen') && <AppLink href={href({ name: 'myPage', tenant: tenant.slug })}>{t('my.title')}</AppLink>}
            {isSecretariat(roles) && <AppLink href={href({ name: 'council', tenant: tenant.slug })}>{t('council.title')}</AppLink>}
            {isAdmin && <AppLink href={href({ name: 'adminUsers', tenant: tenant.slug })}>{t('nav.admin')}</AppLink>}
            {canSwitch && <AppLink href={href({ name: 'home' })}>{t('nav.switchMunicipality')}</AppLink>}
          </nav>
        )}
        <div className="app-header__tools">
          <LanguagePicker />
          {user && (
            <div className="app-header__user">
              <Paragraph data-size="sm">{t('nav.loggedInAs', { name: user.name })}</Paragraph>
              <Button variant="secondary" data-size="sm" onClick={onLogout}>
                {t('nav.logout')}
              </Button>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}
