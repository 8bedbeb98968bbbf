// SPDX-License-Identifier: EUPL-1.2
// The public journal's access-request form, without JavaScript: the entries ticked on the postliste
// (or the one on an entry's page) and an address, into the same flow as createAccessRequest, and a
// page back. It lives with the journal's other public forms (alerts) so that the site itself
// imports nothing of access-requests (which renders with the site: no cycle).
import { createElement } from 'react';
import { createAccessRequest } from '../access-requests/service.ts';
import { isLanguage } from '../common/languages.ts';
import type { AppContext } from '../platform/context.ts';
import { withPublic } from '../platform/db/transaction.ts';
import type { App } from '../platform/http/app.ts';
import { invalid, ProblemError, type FieldError } from '../platform/http/problem.ts';
import { findPublicMunicipality } from '../journal/service.ts';
import { AccessSentPage, MessagePage, pageLanguage, publicPageFrame, refuseHostileAddress, sendErrorPage } from '../site/service.ts';

const open = { schema: { hide: true }, config: { authentication: false, access: 'public' as const } };

export function registerAccessForm(app: App, ctx: AppContext): void {
  app.post('/:municipality/postliste/innsyn', open, async (request, reply) => {
    refuseHostileAddress(request);
    const slug = (request.params as { municipality: string }).municipality;
    const found = await withPublic(ctx.db, (tx) => findPublicMunicipality(tx, slug));
    const municipality = { ...found, country: 'NO' as const, language: 'nb' as const };
    const body = (request.body && typeof request.body === 'object' ? request.body : {}) as { entries?: unknown; email?: unknown; name?: unknown; language?: unknown };
    const chosen = isLanguage(body.language) ? body.language : pageLanguage(request, undefined).language;
    const frame = await publicPageFrame(`/${found.slug}/postliste`, chosen);
    const listed = Array.isArray(body.entries) ? body.entries : body.entries === undefined ? [] : [body.entries];
    const entries = listed.filter((e): e is string => typeof e === 'string').slice(0, 50);
    const email = typeof body.email === 'string' ? body.email.trim().slice(0, 254) : '';
    const name = typeof body.name === 'string' && body.name.trim() ? body.name.trim().slice(0, 200) : undefined;
    try {
      const missing: FieldError[] = [];
      if (entries.length === 0) missing.push({ field: 'entries', code: 'required', message: 'pick at least one entry' });
      if (!email) missing.push({ field: 'email', code: 'required', message: 'is required' });
      if (missing.length) throw invalid(missing);
      const order = await createAccessRequest(ctx, { entries, email, name, language: chosen }, undefined);
      return sendErrorPage(reply, 201, createElement(AccessSentPage, { frame, municipality, email, statusUrl: `/innsyn/${order.id}?key=${order.key}` }));
    } catch (error) {
      if (error instanceof ProblemError && error.status === 400) return sendErrorPage(reply, 400, createElement(MessagePage, { frame, municipality, title: frame.t('access.heading'), body: frame.t('access.invalid') }));
      throw error;
    }
  });
}
