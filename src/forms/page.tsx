// SPDX-License-Identifier: EUPL-1.2
// `/{tenant}/tjenester`: the municipality's service catalogue, server-rendered in the site's style
// and the visitor's language, searchable without JavaScript (?q=). Each service with its
// plain-language description, the citizen's rights, the login it needs and the expected
// processing time. Read from public_forms under withPublic, like every public page.
import { createElement } from 'react';
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withPublic } from '../platform/db/transaction.ts';
import { format, languages, type Language } from '../common/languages.ts';
import { languageNames, loadSiteAssets, pageLanguage, refuseHostileAddress, renderHtml, ASSET_PREFIX, LANGUAGE_COOKIE, type SiteAssets } from '../site/service.ts';
import { searchServices, type Service } from './catalogue.ts';
import { selectPublicForms, selectPublicTenant } from './repository.ts';
import { formTexts } from './texts.ts';

type Translate = (key: string, params?: Record<string, string | number>) => string;
const translator = (language: Language): Translate => (key, params) => format(formTexts[language][key] ?? formTexts.nb[key] ?? key, params);

interface PageProps {
  language: Language;
  t: Translate;
  stylesheetHref: string;
  slug: string;
  municipality: string;
  q: string;
  services: Service[];
}

function CataloguePage({ language, t, stylesheetHref, slug, municipality, q, services }: PageProps) {
  const self = `/${slug}/tjenester`;
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t('page.title')} – ${municipality}`}</title>
        <link rel="stylesheet" href={stylesheetHref} />
        <link rel="icon" type="image/svg+xml" href={`${ASSET_PREFIX}/favicon.svg`} />
      </head>
      <body>
        <a className="ds-skip-link" href="#main">
          {t('page.skip')}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <div className="site-header__brand">
              <a className="site-header__logo" href={`/${slug}`}>
                <img src={`${ASSET_PREFIX}/favicon.svg`} alt="" width="32" height="32" />
                <span>{municipality}</span>
              </a>
            </div>
            <nav className="language-switcher" aria-label={t('language.nav')}>
              <ul>
                {languages.map((code) => (
                  <li key={code}>
                    <a href={`${self}?lang=${code}`} lang={code} hrefLang={code} aria-current={code === language ? 'true' : undefined}>
                      {languageNames[code]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="site-main">
          <h1 className="ds-heading" data-size="lg">
            {t('page.title')}
          </h1>
          <p className="ds-paragraph">{t('page.lead', { municipality })}</p>
          <form method="get" action={self} role="search">
            <div className="ds-field">
              <label className="ds-label" htmlFor="q">
                {t('search.label')}
              </label>
              <input className="ds-input" id="q" name="q" type="search" defaultValue={q} maxLength={200} />
            </div>
            <button className="ds-button" data-variant="primary" type="submit">
              {t('search.button')}
            </button>
          </form>
          <p className="ds-paragraph" role="status">
            {services.length ? t('search.count', { count: services.length }) : t('search.none')}
          </p>
          {services.map((s) => (
            <section key={s.id} id={s.key} className="ds-card" aria-labelledby={`s-${s.key}`} style={{ marginBlock: '1.5rem' }}>
              <h2 id={`s-${s.key}`} className="ds-heading" data-size="sm">
                {s.title}
              </h2>
              <p className="ds-paragraph">{s.description}</p>
              <h3 className="ds-heading" data-size="2xs">
                {t('service.rights')}
              </h3>
              <p className="ds-paragraph">{s.rights}</p>
              <ul>
                <li>{t(`service.login.${s.loginLevel}`)}</li>
                <li>{t('service.days', { days: s.processingDays })}</li>
                {s.audience === 'employees' && <li>{t('service.employees')}</li>}
              </ul>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}

const SLUG = /^[a-z][a-z0-9-]{1,39}$/;

export async function cataloguePageRoutes(app: App, ctx: AppContext): Promise<void> {
  let assets: Promise<SiteAssets> | undefined;
  app.get(
    '/:municipality/tjenester',
    { schema: { hide: true, params: Type.Object({ municipality: Type.String({ maxLength: 100 }) }) }, config: { access: 'public' } },
    async (request, reply) => {
      refuseHostileAddress(request);
      const slug = request.params.municipality;
      const query = request.query as Record<string, unknown>;
      const q = typeof query.q === 'string' ? query.q.slice(0, 200) : '';
      const found = SLUG.test(slug)
        ? await withPublic(ctx.db, async (tx) => {
            const tenant = await selectPublicTenant(tx, slug);
            return tenant && { tenant, forms: await selectPublicForms(tx, tenant.id) };
          })
        : undefined;
      const { language, remember } = pageLanguage(request, found?.tenant.language);
      if (!found) return reply.callNotFound();
      const { stylesheetHref } = await (assets ??= loadSiteAssets());
      const services = searchServices(found.forms, q, language).filter((s) => s.audience === 'public');
      const html = renderHtml(createElement(CataloguePage, { language, t: translator(language), stylesheetHref, slug, municipality: found.tenant.name, q, services }));
      if (remember) reply.setCookie(LANGUAGE_COOKIE, remember, { path: '/', maxAge: 365 * 24 * 60 * 60, sameSite: 'lax', httpOnly: true, secure: ctx.config.publicUrl.startsWith('https:') });
      return reply.header('cache-control', remember ? 'private, max-age=60' : 'public, max-age=60').header('vary', 'Accept-Language, Cookie').type('text/html; charset=utf-8').send(html);
    },
  );
}
