// SPDX-License-Identifier: EUPL-1.2
// The questions API (issue 11 §2): citizens ask (askQuestion) and withdraw, politicians answer
// (answerQuestion) from their own list, the secretariat rejects; everyone reads the public list
// and a question from the projection (listQuestions, getQuestion), with the recipients to ask.
import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withPublic, withTenant, type Tx } from '../platform/db/transaction.ts';
import { forbidden, ProblemError } from '../platform/http/problem.ts';
import { listParties, listPersons } from '../council/service.ts';
import * as questions from './service.ts';
import { getPublicQuestion, listPublicQuestions, presentQuestion, publicRecipients, type Names } from './present.ts';
import { AnswerBody, AskBody, ListQuery, QuestionList, QuestionOut, QuestionParams, RecipientsOut, RejectBody, TenantParams } from './schema.ts';

const tags = ['questions'];
const base = '/api/v1/:tenant/questions';
const publicConfig = { access: 'public' as const };

/** The caller's own transaction in the municipality; citizens and politicians must be people, not tokens. */
function asPerson<T>(ctx: AppContext, request: FastifyRequest, work: (tx: Tx, c: questions.QuestionCtx) => Promise<T>): Promise<T> {
  const { tenant, principal } = request;
  if (!tenant || !principal) throw new ProblemError('unauthenticated', 'log in, or send "Authorization: Bearer <token>"');
  if (principal.kind !== 'user') throw forbidden('questions are asked and answered by people logged in, not by tokens');
  return withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: principal.kind, id: principal.id, name: principal.name } }, (tx) =>
    work(tx, { tenantId: tenant.id, at: ctx.clock.now(), userId: principal.id, municipality: { slug: tenant.slug, name: tenant.name, language: tenant.language }, publicUrl: ctx.config.publicUrl }));
}

async function workingNames(tx: Tx): Promise<Names> {
  const [persons, parties] = [await listPersons(tx), await listParties(tx)];
  return { persons: new Map(persons.map((p) => [p.id, p])), parties: new Map(parties.map((p) => [p.id, p])) };
}

export async function questionRoutes(app: App, ctx: AppContext): Promise<void> {
  const present = async (tx: Tx, row: Parameters<typeof presentQuestion>[0]) => presentQuestion(row, await workingNames(tx), ctx.clock.now());

  app.get(`${base}`, { config: publicConfig, schema: { operationId: 'listQuestions', tags, security: [], summary: 'Questions to politicians, newest first: unanswered ones with their age in days (filter by person, party, status)', params: TenantParams, querystring: ListQuery, response: { 200: QuestionList } } },
    async (request) => {
      const q = request.query;
      return withPublic(ctx.db, (tx) => listPublicQuestions(tx, request.tenant!.id, { personId: q.person, partyId: q.party, status: q.status, cursor: q.cursor, limit: q.limit }, ctx.clock.now()));
    });
  app.get(`${base}/recipients`, { config: publicConfig, schema: { operationId: 'listQuestionRecipients', tags, security: [], summary: 'Whom a question can be asked: the politicians and the party groups of the municipality', params: TenantParams, response: { 200: RecipientsOut } } },
    async (request) => withPublic(ctx.db, (tx) => publicRecipients(tx, request.tenant!.id)));
  app.get(`${base}/mine`, { config: { roles: ['politician'] }, schema: { operationId: 'listMyQuestionsToAnswer', tags, summary: 'Questions to me and to my party group, unanswered first', params: TenantParams, response: { 200: QuestionList } } },
    async (request) => asPerson(ctx, request, async (tx, c) => {
      const names = await workingNames(tx);
      return { items: (await questions.questionsToAnswer(tx, c.userId)).map((q) => presentQuestion(q, names, c.at)), nextCursor: null };
    }));
  app.get(`${base}/asked`, { config: { roles: ['citizen'] }, schema: { operationId: 'listMyAskedQuestions', tags, summary: 'The questions I have asked, newest first (withdrawn ones too)', params: TenantParams, response: { 200: QuestionList } } },
    async (request) => asPerson(ctx, request, async (tx, c) => {
      const names = await workingNames(tx);
      return { items: (await questions.questionsAskedBy(tx, c.userId)).map((q) => presentQuestion(q, names, c.at)), nextCursor: null };
    }));
  app.get(`${base}/:questionId`, { config: publicConfig, schema: { operationId: 'getQuestion', tags, security: [], summary: 'A question, its answer, or its age in days while unanswered', params: QuestionParams, response: { 200: QuestionOut } } },
    async (request) => withPublic(ctx.db, (tx) => getPublicQuestion(tx, request.tenant!.id, request.params.questionId, ctx.clock.now())));

  app.post(`${base}`, { config: { roles: ['citizen'] }, schema: { operationId: 'askQuestion', tags, summary: 'Ask a politician or a party group of the municipality a question, answered in public (the name given is shown, never the login)', params: TenantParams, body: AskBody, response: { 201: QuestionOut } } },
    async (request, reply) => reply.status(201).send(await asPerson(ctx, request, async (tx, c) => present(tx, await questions.askQuestion(tx, c, request.body)))));
  app.post(`${base}/:questionId/answer`, { config: { roles: ['politician'] }, schema: { operationId: 'answerQuestion', tags, summary: 'Answer a question to me (or to my party group) in public; once', params: QuestionParams, body: AnswerBody, response: { 200: QuestionOut } } },
    async (request) => asPerson(ctx, request, async (tx, c) => present(tx, await questions.answerQuestion(tx, c, request.params.questionId, request.body.text))));
  app.post(`${base}/:questionId/withdrawal`, { config: { roles: ['citizen'] }, schema: { operationId: 'withdrawQuestion', tags, summary: 'Withdraw my unanswered question (it leaves the public list)', params: QuestionParams, response: { 200: QuestionOut } } },
    async (request) => asPerson(ctx, request, async (tx, c) => present(tx, await questions.withdrawQuestion(tx, c, request.params.questionId))));
  app.post(`${base}/:questionId/rejection`, { config: { roles: ['secretariat', 'tenant-admin'] }, schema: { operationId: 'rejectQuestion', tags, summary: 'Reject an unanswered question that breaks the published rules; the reason is shown publicly', params: QuestionParams, body: RejectBody, response: { 200: QuestionOut } } },
    async (request) => {
      const { tenant, principal } = request;
      return withTenant(ctx.db, { tenantId: tenant!.id, actor: { kind: principal!.kind, id: principal!.id, name: principal!.name } }, async (tx) =>
        present(tx, await questions.rejectQuestion(tx, { tenantId: tenant!.id, at: ctx.clock.now() }, request.params.questionId, request.body.reason)));
    });
}
