// SPDX-License-Identifier: EUPL-1.2
// The secretariat's API for the meeting record (council-contract.md, the council-decisions part):
// proposals, disqualifications, votes, decisions, reservations, minutes, justering and video, under
// /api/v1/{tenant}/council. One Fastify plugin, registered by the council module's manifest.
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import { roles, type Role } from '../platform/http/auth.ts';
import type { StagedFile } from '../platform/files/store.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { addProposal, addReservation, declareDisqualification, recordDecision, recordVote, type ProposalInput, type RecordCtx, type VoteInput } from './decisions.ts';
import { approveMinutes } from './minutes.ts';
import { appointAdjusters, signMinutes } from './adjusters.ts';
import { MAX_OFFSET_SECONDS, setAgendaItemVideo, TRANSCRIPT_MAX_BYTES, uploadAgendaItemTranscript } from './video.ts';

const tags = ['council'];
/** The secretariat and the municipality's administrators (the role `secretariat` is council-core's). */
export const recordKeepers: readonly Role[] = roles.filter((r) => r === 'tenant-admin' || (r as string) === 'secretariat');
const signers: readonly Role[] = [...recordKeepers, 'politician'];

const Id = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const ItemParams = Type.Object({ tenant: Type.String(), itemId: Id });
const MeetingParams = Type.Object({ tenant: Type.String(), meetingId: Id });
const Option = Type.String({ pattern: '^[a-z0-9-]{1,40}$', description: "'for', 'against', 'abstain', or a proposal's key ('proposal-2')" });

const actorOf = (request: FastifyRequest) => `${request.principal!.kind}:${request.principal!.id}:${request.principal!.name}`;
const inTenant = <T>(ctx: AppContext, request: FastifyRequest, work: (tx: Tx, c: RecordCtx) => Promise<T>): Promise<T> => {
  const c = { tenantId: request.tenant!.id, at: ctx.clock.now() };
  const p = request.principal!;
  return withTenant(ctx.db, { tenantId: c.tenantId, actor: { kind: p.kind, id: p.id, name: p.name } }, (tx) => work(tx, c));
};

/** Work that stages files: they enter the store just before COMMIT, and a failure leaves none. */
async function withFiles<T>(ctx: AppContext, request: FastifyRequest, work: (tx: Tx, c: RecordCtx, staged: StagedFile[]) => Promise<T>): Promise<T> {
  const staged: StagedFile[] = [];
  try {
    return await inTenant(ctx, request, async (tx, c) => {
      const result = await work(tx, c, staged);
      for (const file of staged) await file.commit();
      return result;
    });
  } finally {
    for (const file of staged) await file.discard();
  }
}

const Proposal = Type.Object({ id: Id, position: Type.Integer(), kind: Type.String(), text: Type.String(), proposerPersonId: Nullable(Id), partyId: Nullable(Id) });
const Vote = Type.Object({
  id: Id, position: Type.Integer(), subject: Type.String(), method: Type.String(), outcome: Type.String(),
  counts: Type.Array(Type.Object({ option: Type.String(), label: Type.String(), count: Type.Integer(), proposalId: Nullable(Id) })),
  ballots: Type.Array(Type.Object({ personId: Id, option: Type.String(), partyId: Nullable(Id) })),
});
const ItemVideo = Type.Object({ itemId: Id, offsetSeconds: Nullable(Type.Integer()), transcriptSha256: Nullable(Type.String()) });

export async function registerCouncilDecisionRoutes(app: App, ctx: AppContext): Promise<void> {
  const base = '/api/v1/:tenant/council';

  app.post(`${base}/agenda-items/:itemId/proposals`, {
    config: { roles: recordKeepers },
    schema: {
      operationId: 'addProposal', tags, summary: 'Record a proposal put forward on an agenda item (the recommendation, a proposal, an amendment)',
      params: ItemParams,
      body: Type.Object({
        kind: Type.Union([Type.Literal('recommendation'), Type.Literal('proposal'), Type.Literal('amendment')]),
        text: Type.String({ minLength: 1, maxLength: 20_000 }),
        proposerPersonId: Type.Optional(Id), partyId: Type.Optional(Id),
      }, { additionalProperties: false }),
      response: { 201: Proposal },
    },
  }, async (request, reply) => {
    const { itemId } = request.params as { itemId: string };
    return reply.status(201).send(await inTenant(ctx, request, (tx, c) => addProposal(tx, c, itemId, request.body as ProposalInput)));
  });

  app.post(`${base}/agenda-items/:itemId/disqualifications`, {
    config: { roles: recordKeepers },
    schema: {
      operationId: 'declareDisqualification', tags, summary: 'Record that a member is disqualified on an item (inhabilitet / jäv): they may not vote on it',
      params: ItemParams,
      body: Type.Object({ personId: Id, reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
      response: { 201: Type.Object({ personId: Id, reason: Type.String() }) },
    },
  }, async (request, reply) => {
    const { itemId } = request.params as { itemId: string };
    return reply.status(201).send(await inTenant(ctx, request, (tx, c) => declareDisqualification(tx, c, itemId, request.body as { personId: string; reason: string })));
  });

  app.post(`${base}/agenda-items/:itemId/votes`, {
    config: { roles: recordKeepers },
    schema: {
      operationId: 'recordVote', tags,
      summary: 'Record a vote: the count per option (adding up to the members present less the disqualified), optionally each member’s vote, and the outcome',
      params: ItemParams,
      body: Type.Object({
        subject: Type.String({ minLength: 1, maxLength: 2000 }),
        method: Type.Union([Type.Literal('show-of-hands'), Type.Literal('roll-call'), Type.Literal('secret'), Type.Literal('acclamation')]),
        counts: Type.Array(Type.Object({ option: Option, label: Type.String({ minLength: 1, maxLength: 200 }), count: Type.Integer({ minimum: 0, maximum: 10_000 }), proposalId: Type.Optional(Id) }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
        ballots: Type.Optional(Type.Array(Type.Object({ personId: Id, option: Option }, { additionalProperties: false }), { maxItems: 1000 })),
        outcome: Option,
      }, { additionalProperties: false }),
      response: { 201: Vote },
    },
  }, async (request, reply) => {
    const { itemId } = request.params as { itemId: string };
    return reply.status(201).send(await inTenant(ctx, request, (tx, c) => recordVote(tx, c, itemId, request.body as VoteInput)));
  });

  app.put(`${base}/agenda-items/:itemId/decision`, {
    config: { roles: recordKeepers },
    schema: {
      operationId: 'recordDecision', tags, summary: 'Record (or correct, until the minutes are approved) the decision on an item',
      params: ItemParams,
      body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 50_000 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ itemId: Id, text: Type.String(), decidedAt: Type.String({ format: 'date-time' }) }) },
    },
  }, async (request) => {
    const { itemId } = request.params as { itemId: string };
    return inTenant(ctx, request, (tx, c) => recordDecision(tx, c, itemId, request.body as { text: string }));
  });

  app.post(`${base}/agenda-items/:itemId/reservations`, {
    config: { roles: recordKeepers },
    schema: {
      operationId: 'addReservation', tags, summary: 'Record a reservation against the decision (Sweden: reservation), by a member or a party group',
      params: ItemParams,
      body: Type.Object({ personId: Type.Optional(Id), partyId: Type.Optional(Id), text: Type.Optional(Type.String({ maxLength: 20_000 })) }, { additionalProperties: false }),
      response: { 201: Type.Object({ id: Id, personId: Nullable(Id), partyId: Nullable(Id), text: Nullable(Type.String()) }) },
    },
  }, async (request, reply) => {
    const { itemId } = request.params as { itemId: string };
    return reply.status(201).send(await inTenant(ctx, request, (tx, c) => addReservation(tx, c, itemId, request.body as { personId?: string; partyId?: string; text?: string })));
  });

  app.post(`${base}/meetings/:meetingId/minutes`, {
    config: { roles: recordKeepers },
    schema: {
      operationId: 'approveMinutes', tags,
      summary: 'Approve the minutes: generated from the record as a PDF, filed in the body’s minutes case, the record closed (Norway: published; Sweden: then adjusted)',
      params: MeetingParams,
      response: {
        201: Type.Object({
          meetingId: Id, minutesStatus: Type.Literal('approved'), minutesEntryId: Id, caseFileId: Id, caseNumber: Type.String(), registryNumber: Type.String(),
          checksum: Type.String(), approvedAt: Type.String({ format: 'date-time' }),
        }),
      },
    },
  }, async (request, reply) => {
    const { meetingId } = request.params as { meetingId: string };
    const result = await withFiles(ctx, request, (tx, c, staged) => approveMinutes(tx, ctx, meetingId, { tenant: request.tenant!, actor: actorOf(request), at: c.at }, staged));
    return reply.status(201).send(result);
  });

  app.put(`${base}/meetings/:meetingId/adjusters`, {
    config: { roles: recordKeepers },
    schema: {
      operationId: 'appointAdjusters', tags, summary: 'Sweden: appoint the members present who adjust (justerar) the minutes, as many as the body requires',
      params: MeetingParams,
      body: Type.Object({ personIds: Type.Array(Id, { maxItems: 5 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ meetingId: Id, adjusters: Type.Array(Type.Object({ personId: Id, signedAt: Type.Null(), signedBy: Type.Null() })) }) },
    },
  }, async (request) => {
    const { meetingId } = request.params as { meetingId: string };
    return inTenant(ctx, request, (tx, c) => appointAdjusters(tx, request.tenant!, meetingId, (request.body as { personIds: string[] }).personIds, c.at));
  });

  app.post(`${base}/meetings/:meetingId/adjusters/:personId/signature`, {
    config: { roles: signers },
    schema: {
      operationId: 'signMinutes', tags,
      summary: 'Sweden: an adjuster signs the approved minutes (or the secretariat records it for them); the last signature adjusts them, posts the notice and sets the appeal window',
      params: Type.Object({ tenant: Type.String(), meetingId: Id, personId: Id }),
      response: {
        201: Type.Object({
          meetingId: Id, personId: Id, signedAt: Type.String({ format: 'date-time' }), signedBy: Type.String(), waitingFor: Type.Array(Id),
          minutesStatus: Type.Union([Type.Literal('approved'), Type.Literal('adjusted')]),
          noticePostedOn: Type.Optional(Type.String({ format: 'date' })), appealClosesOn: Type.Optional(Type.String({ format: 'date' })),
        }),
      },
    },
  }, async (request, reply) => {
    const { meetingId, personId } = request.params as { meetingId: string; personId: string };
    return reply.status(201).send(await inTenant(ctx, request, (tx, c) => signMinutes(tx, request.tenant!, meetingId, personId, request.principal!, c.at)));
  });

  app.put(`${base}/agenda-items/:itemId/video`, {
    config: { roles: recordKeepers },
    schema: {
      operationId: 'setAgendaItemVideo', tags, summary: 'Where in the recording the item starts (seconds from its beginning)',
      params: ItemParams,
      body: Type.Object({ offsetSeconds: Type.Integer({ minimum: 0, maximum: MAX_OFFSET_SECONDS }) }, { additionalProperties: false }),
      response: { 200: ItemVideo },
    },
  }, async (request) => {
    const { itemId } = request.params as { itemId: string };
    return inTenant(ctx, request, (tx, c) => setAgendaItemVideo(tx, c, itemId, request.body as { offsetSeconds: number }));
  });

  // The transcript arrives as the WebVTT file itself; the parser keeps its bytes for the UTF-8 check.
  await app.register(async (scope: App) => {
    scope.addContentTypeParser('text/vtt', { parseAs: 'buffer', bodyLimit: TRANSCRIPT_MAX_BYTES }, (request, body, done) => {
      (request as FastifyRequest & { vtt?: Buffer }).vtt = body as Buffer;
      done(null, (body as Buffer).toString('utf8'));
    });
    scope.put(`${base}/agenda-items/:itemId/transcript`, {
      config: { roles: recordKeepers },
      schema: {
        operationId: 'uploadAgendaItemTranscript', tags, summary: 'Upload the captions or transcript of the item’s recording as WebVTT (text/vtt, at most 2 MB)',
        consumes: ['text/vtt'],
        params: ItemParams,
        body: Type.String({ description: 'a WebVTT file: "WEBVTT", then cues "hh:mm:ss.ttt --> hh:mm:ss.ttt" and their text' }),
        response: { 200: Type.Object({ itemId: Id, offsetSeconds: Nullable(Type.Integer()), transcriptSha256: Type.String(), size: Type.Integer() }) },
      },
    }, async (request) => {
      const { itemId } = request.params as { itemId: string };
      const bytes = (request as FastifyRequest & { vtt?: Buffer }).vtt;
      if (!bytes) throw new ProblemError('unsupportedMediaType', 'send the transcript as text/vtt');
      return withFiles(ctx, request, (tx, c, staged) => uploadAgendaItemTranscript(tx, ctx, c, itemId, bytes, staged));
    });
  });
}
