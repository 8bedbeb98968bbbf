// SPDX-License-Identifier: EUPL-1.2
// The consultations API (issue 11 §2, contract in the participation brief): the officer opens,
// changes and publishes; the public lists, reads and comments — with a session filed at once, without
// one confirmed by e-mail. Anonymous comments are limited per address like anonymous forms
// (RATE_LIMIT_ANONYMOUS_FORMS_PER_MINUTE).
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { withPublic, withTenant, type Tx } from '../platform/db/transaction.ts';
import type { App } from '../platform/http/app.ts';
import type { Role } from '../platform/http/auth.ts';
import { ProblemError, TooManyRequests } from '../platform/http/problem.ts';
import type { ArchiveCtx } from '../archive/service.ts';
import { confirmComment, submitComment, type Commenter } from './comments.ts';
import { commentsForStaff, isOpen, listForStaff, openConsultation, publishComments, staffView, updateConsultation, type StaffConsultation } from './consultations.ts';
import { WindowLimiter } from '../platform/http/window-limiter.ts';
import { getPublicConsultation, listPublicConsultations } from './public-read.ts';
import type * as repo from './repository.ts';
import {
  CommentBody, CommentOut, ConfirmBody, ConfirmOut, ConsultationParams, OpenBody, PublicConsultationList, PublicConsultationOut, PublicQuery, StaffCommentList,
  StaffConsultationList, StaffConsultationOut, StaffQuery, tags, TenantOnly, UpdateBody,
} from './schema.ts';

export const officers: readonly Role[] = ['case-officer', 'archivist', 'tenant-admin'];
const staff = { roles: officers };
const open = { access: 'public' as const };
const base = '/api/v1/:tenant/consultations';

export function inStaff<T>(ctx: AppContext, request: FastifyRequest, work: (tx: Tx, c: ArchiveCtx & { userId: string | null }) => Promise<T>): Promise<T> {
  const { tenant, principal } = request;
  if (!tenant || !principal) throw new ProblemError('unauthenticated', 'log in, or send "Authorization: Bearer <token>"');
  return withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: principal.kind, id: principal.id, name: principal.name } }, (tx) =>
    work(tx, { tenantId: tenant.id, actor: `${principal.kind}:${principal.id}:${principal.name}`, at: ctx.clock.now(), userId: principal.kind === 'user' ? principal.id : null }));
}

export const presentStaff = (s: StaffConsultation, now: Date) => ({
  id: s.row.id, caseFileId: s.row.case_file_id, caseNumber: s.caseNumber, title: s.row.title, description: s.row.description, opensAt: s.row.opens_at.toISOString(),
  deadline: s.row.deadline.toISOString(), status: isOpen(s.row, now) && !s.caseClosedAt ? ('open' as const) : ('closed' as const), caseClosedAt: s.caseClosedAt?.toISOString() ?? null, documentEntryIds: s.row.document_entry_ids,
  commentsPublishedAt: s.row.comments_published_at?.toISOString() ?? null, filedComments: s.filed, unconfirmedComments: s.unconfirmed,
  createdAt: s.row.created_at.toISOString(), updatedAt: s.row.updated_at.toISOString(),
});

const presentComment = (c: repo.CommentRow) => ({
  id: c.id, authorName: c.author_name, organisation: c.organisation, email: c.email, loggedIn: c.user_id !== null, text: c.text, status: c.status,
  registryEntryId: c.registry_entry_id, submittedAt: c.submitted_at.toISOString(), filedAt: c.filed_at?.toISOString() ?? null,
});

/** The logged-in person of a session; a bearer token (a system) comments only as anyone does. */
export const commenterOf = (request: FastifyRequest): Commenter | undefined =>
  request.principal?.kind === 'user' ? { userId: request.principal.id, name: request.principal.name } : undefined;

/** Anonymous comments from one address: a few a minute per municipality (0: no limit). */
export function anonymousLimit(ctx: AppContext): (request: FastifyRequest) => void {
  const perMinute = ctx.config.rateLimit.anonymousFormsPerMinute;
  const limiter = perMinute > 0 ? new WindowLimiter(perMinute, 60_000) : undefined;
  return (request) => {
    const wait = limiter?.take(`${request.tenant?.id ?? (request.params as { municipality?: string }).municipality} ${request.ip}`, ctx.clock.now().getTime());
    if (wait !== undefined) throw new TooManyRequests(`at most ${perMinute} comments without login a minute from one address: try again in ${wait} s`, wait);
  };
}

export async function consultationRoutes(app: App, ctx: AppContext): Promise<void> {
  const now = () => ctx.clock.now();
  const limit = anonymousLimit(ctx);

  app.post(base, { config: staff, schema: { operationId: 'openConsultation', tags, summary: 'Open a public consultation on a case, with a deadline and entries of the case as its documents', params: TenantOnly, body: OpenBody, response: { 201: StaffConsultationOut } } },
    async (request, reply) => reply.status(201).send(presentStaff(await inStaff(ctx, request, (tx, c) => openConsultation(tx, c, request.body)), now())));
  app.get(`${base}/staff`, { config: staff, schema: { operationId: 'listConsultationsForStaff', tags, summary: 'The consultations of the municipality (or of one case), with comments counted, unconfirmed ones too', params: TenantOnly, querystring: StaffQuery, response: { 200: StaffConsultationList } } },
    async (request) => ({ items: (await inStaff(ctx, request, (tx) => listForStaff(tx, { caseFileId: request.query.caseFileId }))).map((s) => presentStaff(s, now())) }));
  app.patch(`${base}/:consultationId`, { config: staff, schema: { operationId: 'updateConsultation', tags, summary: 'Change a consultation: title, description, deadline (never into the past), documents', params: ConsultationParams, body: UpdateBody, response: { 200: StaffConsultationOut } } },
    async (request) => presentStaff(await inStaff(ctx, request, (tx, c) => updateConsultation(tx, c, request.params.consultationId, request.body)), now()));
  app.post(`${base}/:consultationId/publication`, { config: staff, schema: { operationId: 'publishConsultationComments', tags, summary: 'Publish the list of comments: each comment’s document is published in full in the archive, where screening still applies', params: ConsultationParams, response: { 200: StaffConsultationOut } } },
    async (request) => presentStaff(await inStaff(ctx, request, (tx, c) => publishComments(tx, c, request.params.consultationId)), now()));
  app.get(`${base}/:consultationId/comments/staff`, { config: staff, schema: { operationId: 'listConsultationCommentsForStaff', tags, summary: 'Every comment, unconfirmed ones too, with the author’s e-mail', params: ConsultationParams, response: { 200: StaffCommentList } } },
    async (request) => {
      const comments = await inStaff(ctx, request, async (tx) => { await staffView(tx, request.params.consultationId); return commentsForStaff(tx, request.params.consultationId); });
      return { items: comments.map(presentComment), unconfirmed: comments.filter((c) => c.status === 'unconfirmed').length };
    });

  app.get(base, { config: open, schema: { operationId: 'listConsultations', tags, security: [], summary: 'Public consultations of the municipality: open ones by deadline, or closed ones', params: TenantOnly, querystring: PublicQuery, response: { 200: PublicConsultationList } } },
    async (request) => ({ items: await withPublic(ctx.db, (tx) => listPublicConsultations(tx, request.tenant!.id, request.query.status, now())) }));
  app.get(`${base}/:consultationId`, { config: open, schema: { operationId: 'getConsultation', tags, security: [], summary: 'A consultation: description, deadline, documents from the public journal, and the comments once published', params: ConsultationParams, response: { 200: PublicConsultationOut } } },
    async (request) => withPublic(ctx.db, (tx) => getPublicConsultation(tx, request.tenant!, request.params.consultationId, now())));
  app.post(`${base}/:consultationId/comments`, {
    config: open,
    schema: {
      operationId: 'submitConsultationComment', tags, security: [],
      summary: 'Comment on an open consultation: with a session filed at once as that person (201); without, a confirmation link is mailed (202)',
      description: 'Without login authorName and email are required, and a few a minute from one address are taken (RATE_LIMIT_ANONYMOUS_FORMS_PER_MINUTE). After the deadline: 409 with the field code notOpen; once the consultation\'s case is closed: 409 with caseClosed; nothing written.',
      params: ConsultationParams, body: CommentBody, response: { 201: CommentOut, 202: CommentOut },
    },
  }, async (request, reply) => {
    const commenter = commenterOf(request);
    if (!commenter) limit(request);
    const result = await submitComment(ctx, request.tenant!, request.params.consultationId, request.body, commenter, { publicUrl: ctx.config.publicUrl });
    return reply.status(result.status === 'filed' ? 201 : 202).send({ commentId: result.commentId, status: result.status, registryNumber: result.status === 'filed' ? result.registryNumber : null });
  });
  app.post('/api/v1/:tenant/consultations/comments/confirmation', {
    config: open,
    schema: { operationId: 'confirmConsultationComment', tags, security: [], summary: 'Confirm a comment with the token from the mailed link: it is filed in the case (409 after the deadline, or once the case is closed)', description: 'A comment not confirmed by the deadline expires and cannot be confirmed (409, notOpen); once the consultation\'s case is closed, 409 with caseClosed. Nothing is written on a refusal.', params: TenantOnly, body: ConfirmBody, response: { 200: ConfirmOut } },
  }, async (request) => {
    const done = await confirmComment(ctx, request.tenant!, request.body.token);
    return { commentId: done.commentId, consultationId: done.consultationId, status: 'filed' as const };
  });
}
