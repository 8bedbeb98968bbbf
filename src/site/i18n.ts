// SPDX-License-Identifier: EUPL-1.2
// Which language a public page speaks, and its translate(). A `?lang=` choice wins and is
// remembered in a cookie; then the remembered choice; then the municipality's own language; on
// pages of no municipality, the browser's Accept-Language; then bokmål (src/common/languages.ts).
import type { FastifyRequest } from 'fastify';
import { chooseLanguage, format, isLanguage, type Language, type Params } from '../common/languages.ts';
import type { ModuleTexts } from '../platform/modules.ts';
import type { TextKey } from './texts.ts';

export const LANGUAGE_COOKIE = 'radhus_lang';
export const LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** Each language by its own name, as a language switcher shows them. */
export const languageNames: Record<Language, string> = { nb: 'Norsk bokmål', nn: 'Norsk nynorsk', sv: 'Svenska', en: 'English' };

export type Translate = (key: TextKey, params?: Params) => string;

/** A missing text shows its key rather than failing the page; texts.test.ts keeps that from shipping. */
export function translator(texts: ModuleTexts, language: Language): Translate {
  return (key, params) => format(texts[language][key] ?? texts.nb[key] ?? key, params);
}

/** The languages of an Accept-Language header, most preferred first (q=0 means "not this one"). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...options] = part.trim().split(';');
      const q = options.map((o) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(o)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((item) => item.tag && item.tag !== '*' && item.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((item) => item.tag);
}

export interface LanguageChoice {
  language: Language;
  /** Set when `?lang=` names a language other than the remembered one: the cookie to write. */
  remember: Language | undefined;
}

/**
 * The page language for a request; `tenantLanguage` is the municipality's own, when the page has
 * one. `query: false` ignores `?lang=` (the query of a refused address is not to be trusted).
 */
export function pageLanguage(request: FastifyRequest, tenantLanguage: Language | undefined, options: { query: boolean } = { query: true }): LanguageChoice {
  const asked = options.query ? (request.query as Record<string, unknown> | undefined)?.lang : undefined;
  const stored = request.cookies?.[LANGUAGE_COOKIE];
  const remembered = isLanguage(stored) ? stored : undefined;
  if (isLanguage(asked)) return { language: asked, remember: asked === remembered ? undefined : asked };
  return { language: chooseLanguage(remembered, tenantLanguage, acceptedLanguages(request.headers['accept-language'])), remember: undefined };
}

const dateLocales: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', en: 'en-GB' };
const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * A calendar date ('2026-03-01') as the language writes it: 01.03.2026 in Norwegian, 2026-03-01
 * in Swedish, 1 Mar 2026 in English. Read as UTC so the day never shifts with the server's zone.
 */
export function formatDate(isoDate: string, language: Language): string {
  let formatter = dateFormats.get(language);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      language === 'en' ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' };
    formatter = new Intl.DateTimeFormat(dateLocales[language], options);
    dateFormats.set(language, formatter);
  }
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : formatter.format(date);
}
