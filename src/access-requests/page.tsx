// SPDX-License-Identifier: EUPL-1.2
// `/innsyn/{id}?key=…`: the requester's status page, server-rendered in the site's style and in
// the requester's language: each request (per municipality and unit) as received, in progress or
// decided, the decision with its legal basis, the documents sent, and a form to appeal. The link
// from the confirmation mail (&confirm=…) confirms the address on the way; confirming twice is
// harmless. The key is in the address, so the page is never cached, indexed or sent as a referrer.
import { createElement } from 'react';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { languages, type Language } from '../common/languages.ts';
import { formatDate, languageNames, loadSiteAssets, pageLanguage, refuseHostileAddress, renderHtml, ASSET_PREFIX, type SiteAssets } from '../site/service.ts';
import { confirmAccessRequest, readOrder, type OrderView } from './requests.ts';
import { presentOrder } from './routes.ts';
import { accessRequestTexts } from './texts.ts';

type Translate = (key: string) => string;
const translator = (language: Language): Translate => (key) => accessRequestTexts[language][key] ?? accessRequestTexts.nb[key] ?? key;

interface PageProps {
  language: Language;
  t: Translate;
  stylesheetHref: string;
  /** The address of this page with its key, for the language links. */
  self: string;
  view: ReturnType<typeof presentOrder> | undefined;
  orderId: string;
  keyValue: string;
  notice: 'confirmed' | 'unconfirmed' | undefined;
}

function StatusPage({ language, t, stylesheetHref, self, view, orderId, keyValue, notice }: PageProps) {
  const date = (iso: string | null) => (iso ? formatDate(iso.slice(0, 10), language) : '');
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{t('page.title')}</title>
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
              <a className="site-header__logo" href="/">
                <img src={`${ASSET_PREFIX}/favicon.svg`} alt="" width="32" height="32" />
                <span>Rådhus</span>
              </a>
            </div>
            <nav className="language-switcher" aria-label={t('language.nav')}>
              <ul>
                {languages.map((code) => (
                  <li key={code}>
                    <a href={`${self}&lang=${code}`} lang={code} hrefLang={code} aria-current={code === language ? 'true' : undefined}>
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
          {!view ? (
            <p className="ds-paragraph">{t('page.notFound')}</p>
          ) : (
            <>
              <p className="ds-paragraph">{t('page.lead')}</p>
              {notice && (
                <div className="ds-alert" data-color={notice === 'confirmed' ? 'success' : 'warning'} role="status">
                  <p className="ds-paragraph">{t(`page.${notice}`)}</p>
                </div>
              )}
              {view.map((r) => (
                <section key={r.id} className="ds-card" aria-labelledby={`r-${r.id}`} style={{ marginBlock: '1.5rem' }}>
                  <h2 id={`r-${r.id}`} className="ds-heading" data-size="sm">
                    {r.kind === 'appeal' ? `${t('page.appealOf')}: ` : ''}
                    {r.municipality.name} – {t(`status.${r.status}`)}
                  </h2>
                  <dl>
                    {r.receivedAt && (
                      <>
                        <dt>{t('page.received')}</dt>
                        <dd>{date(r.receivedAt)}</dd>
                      </>
                    )}
                    {r.deadline && r.status !== 'decided' && (
                      <>
                        <dt>{t('page.deadline')}</dt>
                        <dd>{date(r.deadline)}</dd>
                      </>
                    )}
                    {r.outcome && (
                      <>
                        <dt>{t('page.decided')}</dt>
                        <dd>
                          {t(`outcome.${r.outcome}`)} ({date(r.decidedAt)})
                        </dd>
                      </>
                    )}
                    {r.legalBasis && (
                      <>
                        <dt>{t('page.legalBasis')}</dt>
                        <dd>{r.legalBasis}</dd>
                      </>
                    )}
                  </dl>
                  {r.explanation && <p className="ds-paragraph">{r.explanation}</p>}
                  <h3 className="ds-heading" data-size="2xs">
                    {t('page.entries')}
                  </h3>
                  <ul>
                    {r.entries.map((e) => (
                      <li key={e.registryEntryId}>
                        {e.registryNumber} – {e.publicTitle}
                      </li>
                    ))}
                  </ul>
                  {r.files.length > 0 && (
                    <>
                      <h3 className="ds-heading" data-size="2xs">
                        {t('page.files')}
                      </h3>
                      <ul>
                        {r.files.map((f) => (
                          <li key={f.id}>
                            <a className="ds-link" href={f.url}>
                              {f.fileName}
                            </a>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  {r.canAppeal && (
                    <form method="post" action={`/api/v1/access-requests/${orderId}/appeals`}>
                      <p className="ds-paragraph">{t('page.appealRight')}</p>
                      <input type="hidden" name="key" value={keyValue} />
                      <input type="hidden" name="requestId" value={r.id} />
                      <div className="ds-field">
                        <label className="ds-label" htmlFor={`reason-${r.id}`}>
                          {t('page.appeal')}
                        </label>
                        <textarea className="ds-input" id={`reason-${r.id}`} name="reason" required maxLength={4000} rows={4} />
                      </div>
                      <button className="ds-button" data-variant="primary" type="submit">
                        {t('page.appeal')}
                      </button>
                    </form>
                  )}
                </section>
              ))}
            </>
          )}
        </main>
      </body>
    </html>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET = /^[A-Za-z0-9_-]{1,64}$/;

export async function statusPageRoutes(app: App, ctx: AppContext): Promise<void> {
  let assets: Promise<SiteAssets> | undefined;
  const send = async (request: FastifyRequest, reply: FastifyReply, status: number, props: Omit<PageProps, 'language' | 't' | 'stylesheetHref'>, tenantLanguage?: Language) => {
    const { language } = pageLanguage(request, tenantLanguage);
    const { stylesheetHref } = await (assets ??= loadSiteAssets());
    const html = renderHtml(createElement(StatusPage, { ...props, language, t: translator(language), stylesheetHref }));
    return reply.status(status).header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex').type('text/html; charset=utf-8').send(html);
  };

  app.get(
    '/innsyn/:id',
    { schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 100 }) }) }, config: { access: 'public' } },
    async (request, reply) => {
      refuseHostileAddress(request);
      const { id } = request.params;
      const query = request.query as Record<string, string | undefined>;
      const key = typeof query.key === 'string' && SECRET.test(query.key) ? query.key : '';
      const confirm = typeof query.confirm === 'string' && SECRET.test(query.confirm) ? query.confirm : undefined;
      const base = { orderId: id, keyValue: key, self: `/innsyn/${encodeURIComponent(id)}?key=${encodeURIComponent(key)}` };
      const userId = request.principal?.kind === 'user' ? request.principal.id : undefined;
      let view: OrderView | undefined;
      let notice: PageProps['notice'];
      try {
        if (!UUID.test(id) || (!key && !userId)) throw new ProblemError('notFound', 'no such request');
        if (confirm) {
          await confirmAccessRequest(ctx, id, key, confirm);
          notice = 'confirmed';
        }
        view = await readOrder(ctx, id, { key: key || undefined, userId });
      } catch (error) {
        if (!(error instanceof ProblemError) || error.code !== 'notFound') throw error;
        return send(request, reply, 404, { ...base, view: undefined, notice: undefined });
      }
      if (!notice && view.requests.some((r) => r.status === 'unconfirmed')) notice = 'unconfirmed';
      return send(request, reply, 200, { ...base, view: presentOrder(ctx, view, key || undefined), notice }, view.requests[0]?.language);
    },
  );
}
