// SPDX-License-Identifier: EUPL-1.2
// The frame of every public page: skip link, header with the language switcher, main, footer.
// Plain HTML and CSS only: the pages work, and switch language, without JavaScript.
import type { ReactNode } from 'react';
import { languages, type Language } from '../../common/languages.ts';
import { languageNames, type Translate } from '../i18n.ts';

export interface PageFrame {
  language: Language;
  t: Translate;
  /** The path of this page (no query): the language links point back to it. */
  path: string;
  stylesheetHref: string;
  faviconHref: string;
}

export function Layout({ frame, title, municipality, head, children }: { frame: PageFrame; title: string; municipality?: { slug: string; name: string } | undefined; head?: ReactNode; children: ReactNode }) {
  const { t, language } = frame;
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{`${title} – ${t('site.name')}`}</title>
        <link rel="stylesheet" href={frame.stylesheetHref} />
        <link rel="icon" type="image/svg+xml" href={frame.faviconHref} />
        {head}
      </head>
      <body>
        <a className="ds-skip-link" href="#main">
          {t('site.skipToContent')}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <div className="site-header__brand">
              <a className="site-header__logo" href="/">
                <img src={frame.faviconHref} alt="" width="32" height="32" />
                <span>{t('site.name')}</span>
              </a>
              {municipality && <span className="site-header__tenant">{municipality.name}</span>}
            </div>
            <nav className="language-switcher" aria-label={t('language.nav')}>
              <ul>
                {languages.map((code) => (
                  <li key={code}>
                    <a href={`${frame.path}?lang=${code}`} lang={code} hrefLang={code} aria-current={code === language ? 'true' : undefined}>
                      {languageNames[code]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="site-main">
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            <span>
              {t('site.name')} · {t('site.tagline')} · {t('site.licence')}
            </span>
            <span>
              {municipality ? (
                <a className="ds-link" href={`/app/${municipality.slug}/`}>
                  {t('staff.link')}
                </a>
              ) : (
                <a className="ds-link" href="/app/">
                  {t('staff.link')}
                </a>
              )}
            </span>
          </div>
        </footer>
      </body>
    </html>
  );
}
