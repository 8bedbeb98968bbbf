// SPDX-License-Identifier: EUPL-1.2
// The public journal's pages and feeds (issue 7 §3): `/{municipality}/postliste` (today's list, a
// day, or a search), an entry, a case, the access-request form, and Atom feeds per municipality, per
// case and per search. Every read goes through journal/service.ts under withPublic: the search there
// is the one search, so a page, a feed and the JSON API can never disagree about what is public.
// The access-request form posts to journal-alerts/access-form.ts (site imports no access-requests).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createElement, type ReactElement } from 'react';
import { isDate } from '../common/calendar/dates.ts';
import type { Language } from '../common/languages.ts';
import type { AppContext } from '../platform/context.ts';
import { withPublic, type Tx } from '../platform/db/transaction.ts';
import type { App } from '../platform/http/app.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { getPublicJournalEntry, searchPublicJournal, type PublicJournalEntry, type SearchInput } from '../journal/service.ts';
import { atomFeed } from './feeds.ts';
import { refuseHostileAddress, sendPage } from './http.ts';
import { pageLanguage } from './i18n.ts';
import { CasePage, ENTRY_TYPES, EntryPage, isAlertStatus, PostlistePage, SEARCH_FIELDS, searchQuery, type SearchForm } from './pages/JournalPages.tsx';
import type { PageFrame } from './pages/Layout.tsx';
import { findMunicipality, type PublicMunicipality } from './repository.ts';

export const PAGE_SIZE = 25;
/** A feed holds the newest entries; readers keep what they have seen. */
export const FEED_SIZE = 50;
/** Feeds and case pages show no count: none is made. */
const NO_COUNT = { countLimit: 0 };
const SLUG = /^[a-z][a-z0-9-]{1,39}$/;
const CASE_IN_PATH = /^(\d{4})-(\d{1,9})$/;
const CASE_NUMBER = /^\d{4}\/\d{1,9}$/;
const LIMITS: Record<string, number> = { alert: 20, q: 500, unit: 200, correspondent: 200, caseNumber: 20, fromDate: 10, toDate: 10, entryType: 40, gnr: 5, bnr: 5, cursor: 400, day: 10, lang: 5 };

const open = { schema: { hide: true }, config: { authentication: false, access: 'public' as const } };

export type FrameFor = (path: string, language: Language) => Promise<PageFrame>;

/** The calendar day in the municipality's zone: "today's list" turns over at local midnight. */
export function todayIn(country: 'NO' | 'SE', now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** One value per field; a repeated field or an over-long one is a 400 naming the field, never a 500. */
function queryValues(request: FastifyRequest): Record<string, string | undefined> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(query)) {
    if (typeof value !== 'string') errors.push({ field: name, code: 'invalid', message: 'must be given once' });
    else if (value.length > (LIMITS[name] ?? 400)) errors.push({ field: name, code: 'tooLong', message: `must be at most ${LIMITS[name] ?? 400} characters` });
    else out[name] = value.trim() || undefined;
  }
  if (errors.length) throw invalid(errors);
  return out;
}

/** The form as the search understands it; refuses what the JSON API's schema refuses, by field. */
export function searchInputOf(form: SearchForm): SearchInput {
  const errors: FieldError[] = [];
  const number = (field: 'gnr' | 'bnr') => {
    const v = form[field];
    if (v === undefined) return undefined;
    if (!/^\d{1,5}$/.test(v)) errors.push({ field, code: 'invalid', message: 'must be a whole number from 0 to 99999' });
    return Number(v);
  };
  if (form.entryType !== undefined && !(ENTRY_TYPES as readonly string[]).includes(form.entryType)) errors.push({ field: 'entryType', code: 'invalid', message: `must be one of ${ENTRY_TYPES.join(', ')}` });
  if (form.caseNumber !== undefined && !CASE_NUMBER.test(form.caseNumber)) errors.push({ field: 'caseNumber', code: 'invalid', message: 'must be written like 2026/123' });
  const input: SearchInput = { q: form.q, fromDate: form.fromDate, toDate: form.toDate, entryType: form.entryType, unit: form.unit, caseNumber: form.caseNumber, correspondent: form.correspondent, gnr: number('gnr'), bnr: number('bnr') };
  if (errors.length) throw invalid(errors);
  return input;
}

export function formOf(values: Record<string, string | undefined>): SearchForm {
  return Object.fromEntries(SEARCH_FIELDS.map((f) => [f, values[f]])) as SearchForm;
}

const caseNumberOf = (inPath: string): string | undefined => {
  const m = CASE_IN_PATH.exec(inPath);
  return m ? `${m[1]}/${m[2]}` : undefined;
};

/** Every entry of one case, newest first (a case rarely has more than a few hundred). */
async function caseEntries(tx: Tx, tenantId: string, caseNumber: string, now: Date, limit: number): Promise<PublicJournalEntry[]> {
  return (await searchPublicJournal(tx, tenantId, { caseNumber, limit }, now, NO_COUNT)).items;
}

export function registerJournalPages(app: App, ctx: AppContext, frameFor: FrameFor, secureCookies: boolean): void {
  const { db } = ctx;

  async function municipalityOf(request: FastifyRequest): Promise<PublicMunicipality> {
    refuseHostileAddress(request);
    const slug = (request.params as { municipality: string }).municipality;
    const found = SLUG.test(slug) ? await withPublic(db, (tx) => findMunicipality(tx, slug)) : undefined;
    if (!found) throw notFound(`the municipality "${slug}"`);
    return found;
  }

  async function show(request: FastifyRequest, reply: FastifyReply, municipality: PublicMunicipality, path: string, page: (frame: PageFrame) => ReactElement) {
    const { language, remember } = pageLanguage(request, municipality.language);
    return sendPage(request, reply, page(await frameFor(path, language)), { remember, secureCookies });
  }

  app.get('/:municipality/postliste', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const values = queryValues(request);
    const form = formOf(values);
    const searching = SEARCH_FIELDS.some((f) => form[f] !== undefined);
    const now = ctx.clock.now();
    if (values.day !== undefined && !isDate(values.day)) throw invalid([{ field: 'day', code: 'invalidDate', message: 'must be a real date written YYYY-MM-DD' }]);
    const day = values.day ?? todayIn(municipality.country, now);
    const input: SearchInput = searching ? searchInputOf(form) : { fromDate: day, toDate: day };
    const result = await withPublic(db, (tx) => searchPublicJournal(tx, municipality.id, { ...input, cursor: values.cursor, limit: PAGE_SIZE }, now, { countLimit: ctx.config.publicJournalCountLimit }));
    const base = `/${municipality.slug}/postliste`;
    const keep: Record<string, string> = !searching && values.day ? { day } : {};
    const nextHref = result.nextCursor ? `${base}?${searchQuery(form, { ...keep, cursor: result.nextCursor })}` : undefined;
    const firstQuery = searchQuery(form, keep);
    const firstHref = values.cursor ? `${base}${firstQuery ? `?${firstQuery}` : ''}` : undefined;
    return show(request, reply, municipality, base, (frame) =>
      createElement(PostlistePage, { frame, municipality, form, day, searching, entries: result.items, total: result.total, totalIsLowerBound: result.totalIsLowerBound, nextHref, firstHref, alert: isAlertStatus(values.alert) ? values.alert : undefined }),
    );
  });

  app.get('/:municipality/postliste/sak/:caseNumber', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const caseNumber = caseNumberOf((request.params as { caseNumber: string }).caseNumber);
    const entries = caseNumber ? await withPublic(db, (tx) => caseEntries(tx, municipality.id, caseNumber, ctx.clock.now(), 100)) : [];
    if (!caseNumber || entries.length === 0) throw notFound(`case ${caseNumber ?? ''} in the public journal`);
    return show(request, reply, municipality, `/${municipality.slug}/postliste/sak/${caseNumber.replace('/', '-')}`, (frame) => createElement(CasePage, { frame, municipality, caseNumber, entries }));
  });

  app.get('/:municipality/postliste/:entryId', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const { entryId } = request.params as { entryId: string };
    const entry = await withPublic(db, (tx) => getPublicJournalEntry(tx, municipality.id, entryId, ctx.clock.now()));
    return show(request, reply, municipality, `/${municipality.slug}/postliste/${entry.id}`, (frame) => createElement(EntryPage, { frame, municipality, entry }));
  });

  // Feeds: the same search as the page, newest first; only what the projection holds.
  app.get('/:municipality/postliste/feed.atom', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const values = queryValues(request);
    const form = formOf(values);
    const searching = SEARCH_FIELDS.some((f) => form[f] !== undefined);
    const now = ctx.clock.now();
    const { language } = pageLanguage(request, municipality.language);
    const result = await withPublic(db, (tx) => searchPublicJournal(tx, municipality.id, { ...(searching ? searchInputOf(form) : {}), limit: FEED_SIZE }, now, NO_COUNT));
    const query = searchQuery(form);
    const xml = atomFeed(ctx.config.publicUrl, municipality, language, {
      kind: searching ? 'search' : 'municipality',
      selfPath: `/${municipality.slug}/postliste/feed.atom${query ? `?${query}` : ''}`,
      pagePath: `/${municipality.slug}/postliste${query ? `?${query}` : ''}`,
      entries: result.items,
      now,
    });
    return reply.header('cache-control', 'public, max-age=300').type('application/atom+xml; charset=utf-8').send(xml);
  });

  app.get('/:municipality/postliste/sak/:caseNumber/feed.atom', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const caseNumber = caseNumberOf((request.params as { caseNumber: string }).caseNumber);
    const entries = caseNumber ? await withPublic(db, (tx) => caseEntries(tx, municipality.id, caseNumber, ctx.clock.now(), FEED_SIZE)) : [];
    if (!caseNumber || entries.length === 0) throw notFound(`case ${caseNumber ?? ''} in the public journal`);
    const { language } = pageLanguage(request, municipality.language);
    const casePath = `/${municipality.slug}/postliste/sak/${caseNumber.replace('/', '-')}`;
    const xml = atomFeed(ctx.config.publicUrl, municipality, language, { kind: 'case', caseNumber, selfPath: `${casePath}/feed.atom`, pagePath: casePath, entries, now: ctx.clock.now() });
    return reply.header('cache-control', 'public, max-age=300').type('application/atom+xml; charset=utf-8').send(xml);
  });
}
