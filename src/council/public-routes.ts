// SPDX-License-Identifier: EUPL-1.2
// The council's own public API (issue 10 §4): the meeting plan, a meeting with its agenda, papers,
// video and minutes, and an item's decision with its votes. Read only from the public projection.
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withPublic } from '../platform/db/transaction.ts';
import { getPublicDecision, getPublicMeeting, listPublicMeetings } from './public-read.ts';
import { PublicTenantParams, PublicDecisionOut, PublicItemParams, PublicMeetingList, PublicMeetingOut, PublicMeetingParams, PublicMeetingsQuery } from './public-schema.ts';

const tags = ['council'];
const config = { access: 'public' as const };

export async function publicRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/v1/:tenant/meetings', {
    config, schema: { operationId: 'listMeetings', tags, security: [], summary: 'The meeting plan of the political bodies, oldest first (filter by body and time)', params: PublicTenantParams, querystring: PublicMeetingsQuery, response: { 200: PublicMeetingList } },
  }, async (request) => {
    const q = request.query;
    return withPublic(ctx.db, (tx) => listPublicMeetings(tx, request.tenant!.id, { bodyId: q.body, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined, cursor: q.cursor, limit: q.limit }));
  });
  app.get('/api/v1/:tenant/meetings/:meetingId', {
    config, schema: { operationId: 'getMeeting', tags, security: [], summary: 'A meeting: its body, the public agenda with papers, decisions and video offsets, and the minutes', params: PublicMeetingParams, response: { 200: PublicMeetingOut } },
  }, async (request) => withPublic(ctx.db, (tx) => getPublicMeeting(tx, request.tenant!, request.params.meetingId, ctx.clock.now())));
  app.get('/api/v1/:tenant/agenda-items/:itemId/decision', {
    config, schema: { operationId: 'getAgendaItemDecision', tags, security: [], summary: 'An item’s decision: the proposals, each vote with counts per option, per party and per member (never for a secret ballot), disqualifications and reservations', params: PublicItemParams, response: { 200: PublicDecisionOut } },
  }, async (request) => withPublic(ctx.db, (tx) => getPublicDecision(tx, request.tenant!.id, request.params.itemId)));
}
