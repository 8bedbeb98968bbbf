// SPDX-License-Identifier: EUPL-1.2
// The public consultation pages under `/{municipality}/deltakelse/horinger`, read under withPublic
// from the projection only. The comment form posts here, without JavaScript. It never uses the
// browser's session (authentication off): a comment from the page is always confirmed by e-mail, so
// a form on another site can at most make us mail a link to an address it chose — nothing is filed
// without the secret in that mail. Opening the mailed link shows a button; the POST files.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createElement, type ReactElement } from 'react';
import { isLanguage } from '../../common/languages.ts';
import type { AppContext } from '../../platform/context.ts';
import { withPublic } from '../../platform/db/transaction.ts';
import type { App } from '../../platform/http/app.ts';
import { notFound, ProblemError } from '../../platform/http/problem.ts';
import { findMunicipality, pageLanguage, publicPageFrame, refuseHostileAddress, renderHtml, sendPage, type PublicMunicipality } from '../../site/service.ts';
import { confirmComment, submitComment } from '../comments.ts';
import { getPublicConsultation, listPublicConsultations } from '../public-read.ts';
import { anonymousLimit } from '../routes.ts';
import { consultationTranslator } from '../texts.ts';
import { ConfirmPage, ConsultationPage, listPath, ListPage, type ConsultationFrame, type FormState } from './Pages.tsx';

const SLUG = /^[a-z][a-z0-9-]{1,39}$/;
const page = { schema: { hide: true }, config: { authentication: false, access: 'public' as const } };
/** Why a comment is no longer taken, as the page says it: the case closed, else the deadline passed. */
const refusal = (error: ProblemError): 'caseClosed' | 'tooLate' => (error.errors.some((e) => e.code === 'caseClosed') ? 'caseClosed' : 'tooLate');
const emptyForm: FormState = { values: { authorName: '', organisation: '', email: '', text: '' }, errors: [] };

export async function consultationPages(app: App, ctx: AppContext): Promise<void> {
  const secureCookies = ctx.config.publicUrl.startsWith('https:');
  const limit = anonymousLimit(ctx);
  // This module's plugin scope needs its own form parser (one value per field).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 128 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  async function municipalityOf(request: FastifyRequest): Promise<PublicMunicipality> {
    refuseHostileAddress(request);
    const slug = (request.params as { municipality: string }).municipality;
    const found = SLUG.test(slug) ? await withPublic(ctx.db, (tx) => findMunicipality(tx, slug)) : undefined;
    if (!found) throw notFound(`the municipality "${slug}"`);
    return found;
  }

  /** `own`: the visitor's own answer (a refused form, the page behind a mailed secret): never cached. */
  async function show(request: FastifyRequest, reply: FastifyReply, m: PublicMunicipality, path: string, render: (cf: ConsultationFrame) => ReactElement, status = 200, own = status !== 200) {
    const { language, remember } = pageLanguage(request, m.language);
    const cf: ConsultationFrame = { frame: await publicPageFrame(path, language), tc: consultationTranslator(language), municipality: m };
    if (!own) return sendPage(request, reply, render(cf), { remember, secureCookies });
    return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderHtml(render(cf)));
  }

  const read = (m: PublicMunicipality, id: string) => withPublic(ctx.db, (tx) => getPublicConsultation(tx, m, id, ctx.clock.now()));
  const field = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');

  app.get('/:municipality/deltakelse/horinger', page, async (request, reply) => {
    const m = await municipalityOf(request);
    const now = ctx.clock.now();
    const [open, closed] = await withPublic(ctx.db, async (tx) => [await listPublicConsultations(tx, m.id, 'open', now), await listPublicConsultations(tx, m.id, 'closed', now)]);
    return show(request, reply, m, listPath(m), (cf) => createElement(ListPage, { cf, open, closed }));
  });

  app.get('/:municipality/deltakelse/horinger/bekreft', page, async (request, reply) => {
    const m = await municipalityOf(request);
    const token = (request.query as { token?: unknown }).token;
    const valid = typeof token === 'string' && /^[A-Za-z0-9_-]{20,64}$/.test(token);
    return show(request, reply, m, `${listPath(m)}/bekreft`, (cf) => createElement(ConfirmPage, { cf, token: valid ? token : undefined, message: valid ? undefined : 'unknownLink' }), valid ? 200 : 404, true);
  });

  app.post('/:municipality/deltakelse/horinger/bekreft', page, async (request, reply) => {
    const m = await municipalityOf(request);
    const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    try {
      const done = await confirmComment(ctx, m, field(body, 'token').slice(0, 100));
      return reply.redirect(`${listPath(m)}/${done.consultationId}?confirmed=1`, 303);
    } catch (error) {
      if (!(error instanceof ProblemError) || !['notFound', 'validation', 'conflict'].includes(error.code)) throw error;
      const message = error.code === 'conflict' ? refusal(error) : ('unknownLink' as const);
      return show(request, reply, m, `${listPath(m)}/bekreft`, (cf) => createElement(ConfirmPage, { cf, token: undefined, message }), error.code === 'conflict' ? 409 : 404);
    }
  });

  app.get('/:municipality/deltakelse/horinger/:id', page, async (request, reply) => {
    const m = await municipalityOf(request);
    const id = (request.params as { id: string }).id;
    const c = await read(m, id);
    const q = request.query as Record<string, unknown>;
    const notice = q.sent === '1' ? ('sent' as const) : q.confirmed === '1' ? ('confirmed' as const) : undefined;
    return show(request, reply, m, `${listPath(m)}/${c.id}`, (cf) => createElement(ConsultationPage, { cf, c, form: emptyForm, notice }));
  });

  app.post('/:municipality/deltakelse/horinger/:id/uttalelse', page, async (request, reply) => {
    const m = await municipalityOf(request);
    const id = (request.params as { id: string }).id;
    const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    const values = { authorName: field(body, 'authorName'), organisation: field(body, 'organisation'), email: field(body, 'email'), text: field(body, 'text') };
    const language = isLanguage(body.language) ? body.language : m.language;
    try {
      limit(request);
      await submitComment(ctx, m, id, { ...values, organisation: values.organisation || undefined, language }, undefined, { publicUrl: ctx.config.publicUrl });
      return reply.redirect(`${listPath(m)}/${id}?sent=1`, 303);
    } catch (error) {
      // A refused form comes back filled in, with what to correct; an unknown consultation is a 404 page.
      if (!(error instanceof ProblemError) || (error.code !== 'validation' && error.code !== 'conflict')) throw error;
      const c = await read(m, id);
      const form: FormState = { values, errors: error.code === 'validation' ? error.errors.map((e) => ({ field: e.field, code: e.code })) : [] };
      return show(request, reply, m, `${listPath(m)}/${c.id}`, (cf) => createElement(ConsultationPage, { cf, c, form, notice: error.code === 'conflict' ? refusal(error) : undefined }), error.code === 'conflict' ? 409 : 400);
    }
  });
}
