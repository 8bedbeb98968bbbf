// SPDX-License-Identifier: EUPL-1.2
// The public pages: `/` lists the municipalities, `/{municipality}` is a municipality's front
// page, and their stylesheet, font and icon. Everything read here is read under withPublic, the
// role that sees only public_tenants and the public projection tables.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import type { AppContext } from '../platform/context.ts';
import { withPublic } from '../platform/db/transaction.ts';
import type { App } from '../platform/http/app.ts';
import { ASSET_PREFIX, IMMUTABLE, isFontFile, type SiteAssets } from './assets.ts';
import { refuseHostileAddress, sendErrorPage, sendPage } from './http.ts';
import { registerJournalPages } from './journal-routes.ts';
import { registerJournalXml } from './journal-xml.ts';
import { registerStatistics } from './statistics.ts';
import { pageLanguage, translator } from './i18n.ts';
import { ErrorPage, errorKind } from './pages/ErrorPage.tsx';
import type { PageFrame } from './pages/Layout.tsx';
import { MunicipalitiesPage } from './pages/MunicipalitiesPage.tsx';
import { MunicipalityPage } from './pages/MunicipalityPage.tsx';
import { findMunicipality, latestJournalEntries, listMunicipalities } from './repository.ts';
import { siteTexts } from './texts.ts';

/** How many journal entries the front page shows. */
export const LATEST_ENTRIES = 10;
const SLUG = /^[a-z][a-z0-9-]{1,39}$/;
/** Paths whose errors stay problem+json whatever the Accept header says: the API and the machinery. */
const NOT_PAGES = /^\/(?:api|auth|demo-idp|app|healthz|metrics)(?:[/?]|$)/;
const DAY = 'public, max-age=86400';

const open = { schema: { hide: true }, config: { authentication: false, access: 'public' as const } };

export interface Site {
  register(app: App, ctx: AppContext): Promise<void>;
  errorPage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, status: number): Promise<boolean>;
}

export function createSite(load: () => Promise<SiteAssets>): Site {
  let assets: Promise<SiteAssets> | undefined;
  const siteAssets = () => (assets ??= load());

  async function frameFor(path: string, language: PageFrame['language']): Promise<PageFrame> {
    const { stylesheetHref } = await siteAssets();
    return { language, t: translator(siteTexts, language), path, stylesheetHref, faviconHref: `${ASSET_PREFIX}/favicon.svg` };
  }

  async function errorPage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, status: number): Promise<boolean> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    // Pages for what a visitor can act on; a 401, 403 or 429 keeps its problem+json until a page needs one.
    if (status !== 400 && status !== 404 && status < 500) return false;
    if (NOT_PAGES.test(request.url) || !(request.headers.accept ?? '').includes('text/html')) return false;
    // The municipality in the address, if any, gives the page its language.
    const first = request.url.split(/[/?#]/)[1] ?? '';
    const db = ctx.db;
    const municipality = SLUG.test(first) ? await withPublic(db, (tx) => findMunicipality(tx, first)) : undefined;
    // On a bad address the query may be the problem: only a clean ?lang= counts.
    const { language } = pageLanguage(request, municipality?.language, { query: status !== 400 });
    const path = status !== 400 && /^\/[a-z0-9-]*$/.test(request.url.split('?')[0]!) ? request.url.split('?')[0]! : '/';
    sendErrorPage(reply, status, createElement(ErrorPage, { frame: await frameFor(path, language), kind: errorKind(status) }));
    return true;
  }

  async function register(app: App, ctx: AppContext): Promise<void> {
    const { db } = ctx;
    const secureCookies = ctx.config.publicUrl.startsWith('https:');
    const loaded = await siteAssets();
    const stylesheetFile = loaded.stylesheetHref.slice(ASSET_PREFIX.length + 1);
    const fonts = new Map<string, Buffer>();

    app.get('/', open, async (request, reply) => {
      refuseHostileAddress(request);
      const municipalities = await withPublic(db, (tx) => listMunicipalities(tx));
      const { language, remember } = pageLanguage(request, undefined);
      return sendPage(request, reply, createElement(MunicipalitiesPage, { frame: await frameFor('/', language), municipalities }), { remember, secureCookies });
    });

    app.get('/:municipality', open, async (request, reply) => {
      refuseHostileAddress(request);
      const slug = (request.params as { municipality: string }).municipality;
      const found = SLUG.test(slug)
        ? await withPublic(db, async (tx) => {
            const municipality = await findMunicipality(tx, slug);
            return municipality && { municipality, entries: await latestJournalEntries(tx, municipality.id, LATEST_ENTRIES) };
          })
        : undefined;
      if (!found) {
        if (await errorPage(ctx, request, reply, 404)) return reply;
        return reply.callNotFound();
      }
      const { language, remember } = pageLanguage(request, found.municipality.language);
      return sendPage(request, reply, createElement(MunicipalityPage, { frame: await frameFor(`/${slug}`, language), ...found }), { remember, secureCookies });
    });

    registerJournalPages(app, ctx, frameFor, secureCookies);
    registerJournalXml(app, ctx);
    registerStatistics(app, ctx, frameFor, secureCookies);

    app.get(`${ASSET_PREFIX}/:file`, open, async (request, reply) => {
      const { file } = request.params as { file: string };
      if (file === stylesheetFile) return reply.header('cache-control', IMMUTABLE).type('text/css; charset=utf-8').send(loaded.stylesheet);
      if (file === 'favicon.svg') return reply.header('cache-control', DAY).type('image/svg+xml').send(loaded.favicon);
      return reply.callNotFound();
    });

    app.get(`${loaded.fontPrefix}/:file`, open, async (request, reply) => {
      const { file } = request.params as { file: string };
      if (!isFontFile(file)) return reply.callNotFound();
      let bytes = fonts.get(file);
      if (!bytes) {
        try {
          bytes = await readFile(join(loaded.fontDir, file));
        } catch {
          return reply.callNotFound();
        }
        fonts.set(file, bytes);
      }
      return reply.header('cache-control', IMMUTABLE).type(file.endsWith('.woff2') ? 'font/woff2' : 'font/woff').send(bytes);
    });
  }

  return { register, errorPage };
}
