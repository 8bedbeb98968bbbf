// SPDX-License-Identifier: EUPL-1.2
// How a public page goes out: rendered once to HTML, with an ETag (304 when the browser already
// has it), short public caching, the language cookie when the visitor chose one, and a 400 for a
// hostile address instead of whatever it would have broken.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Language } from '../common/languages.ts';
import { ProblemError, type FieldError } from '../platform/http/problem.ts';
import { LANGUAGE_COOKIE, LANGUAGE_COOKIE_MAX_AGE } from './i18n.ts';

/** Pages change when something is published; a minute of caching spares the database, not the news. */
export const PAGE_CACHE = 'public, max-age=60';
/** A response that sets the language cookie is the visitor's own: no shared cache may keep it. */
export const PRIVATE_PAGE_CACHE = 'private, max-age=60';

/** React escapes every text and attribute it renders: no value from the database can become markup. */
export const renderHtml = (page: ReactElement): string => `<!doctype html>${renderToStaticMarkup(page)}`;

/** A weak validator: the bytes differ by content coding (compression), the page does not. */
export const etagOf = (html: string): string => `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;

export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}

export interface PageOptions {
  /** The language chosen with ?lang= that differs from the remembered one: write the cookie. */
  remember: Language | undefined;
  secureCookies: boolean;
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: ReactElement, options: PageOptions): FastifyReply {
  const html = renderHtml(page);
  const etag = etagOf(html);
  if (options.remember) {
    reply.setCookie(LANGUAGE_COOKIE, options.remember, { path: '/', maxAge: LANGUAGE_COOKIE_MAX_AGE, sameSite: 'lax', httpOnly: true, secure: options.secureCookies });
  }
  reply
    .header('cache-control', options.remember ? PRIVATE_PAGE_CACHE : PAGE_CACHE)
    // The language comes from the cookie and, on `/`, from Accept-Language.
    .header('vary', 'Accept-Language, Cookie')
    .header('etag', etag);
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.status(200).type('text/html; charset=utf-8').send(html);
}

export function sendErrorPage(reply: FastifyReply, status: number, page: ReactElement): FastifyReply {
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderHtml(page));
}

const CONTROL = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isHostileText(value: string): boolean {
  return CONTROL.test(value) || LONE_SURROGATE.test(value);
}

/**
 * Refuses an address no person types: NUL and other control characters or lone surrogates in the
 * path or query, or a query that is not valid percent-encoding (`?lang=%ff`). A 400, shown as a
 * page by the error handler; never a 500 further down.
 */
export function refuseHostileAddress(request: FastifyRequest): void {
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries((request.params as Record<string, unknown>) ?? {})) {
    if (typeof value === 'string' && isHostileText(value)) errors.push({ field: `path.${name}`, code: 'invalidCharacters', message: 'contains control characters or broken Unicode' });
  }
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  for (const part of query.split(/[&=]/)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replaceAll('+', ' '));
    } catch {
      errors.push({ field: 'query', code: 'invalidCharacters', message: 'is not valid percent-encoding' });
      break;
    }
    if (isHostileText(decoded)) {
      errors.push({ field: 'query', code: 'invalidCharacters', message: 'contains control characters or broken Unicode' });
      break;
    }
  }
  if (errors.length) throw new ProblemError('validation', 'the address is not valid', errors);
}
