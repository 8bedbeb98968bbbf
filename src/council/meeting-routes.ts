// SPDX-License-Identifier: EUPL-1.2
// The secretariat's meeting API (issue 10 §1–§2): the meeting plan, the full view of a meeting,
// summons, cancellation, holding it, agenda items (with their order and the lookup of the political
// case, since the secretariat may not search the archive) and attendance.
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import * as meetings from './meetings.ts';
import * as agenda from './agenda.ts';
import { setCurrentAgendaItem } from './members.ts';
import { listPoliticalCaseCandidates } from './case-lookup.ts';
import { meetingDetail, presentItem, presentMeeting } from './present.ts';
import { inCouncil, secretariat, tags } from './request.ts';
import { AgendaOrderBody, AttendanceBody, CurrentItemBody, CaseCandidateOut, CaseCandidatesQuery, AttendanceOut, ItemBody, ItemOut, ItemParams, ItemPatch, list, MeetingBody, MeetingDetail, MeetingOut, MeetingParams, MeetingPatch, MeetingsQuery, SummonsBody, SummonsOut, TenantOnly } from './schema.ts';
import { Type } from 'typebox';

const config = { roles: secretariat };
const base = '/api/v1/:tenant/council';

export async function meetingRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(`${base}/meetings`, { config, schema: { operationId: 'listCouncilMeetings', tags, summary: 'The meeting plan, by body and time', params: TenantOnly, querystring: MeetingsQuery, response: { 200: list(MeetingOut) } } },
    async (request) => {
      const q = request.query;
      const rows = await inCouncil(ctx, request, (tx) => meetings.listMeetings(tx, { bodyId: q.body, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined }));
      return { items: rows.map(presentMeeting) };
    });
  app.post(`${base}/meetings`, { config, schema: { operationId: 'createCouncilMeeting', tags, summary: 'Plan a meeting of a body', params: TenantOnly, body: MeetingBody, response: { 201: MeetingOut } } },
    async (request, reply) => {
      const m = await inCouncil(ctx, request, (tx, c) => meetings.createMeeting(tx, c, request.body));
      return reply.status(201).header('location', `/api/v1/${request.tenant!.slug}/council/meetings/${m.id}`).send(presentMeeting(m));
    });
  app.get(`${base}/meetings/:meetingId`, { config, schema: { operationId: 'getCouncilMeeting', tags, summary: 'Everything the secretariat sees of a meeting (closed items too) and the actions possible now', params: MeetingParams, response: { 200: MeetingDetail } } },
    async (request) => inCouncil(ctx, request, async (tx, c) => meetingDetail(tx, await meetings.meetingOrThrow(tx, request.params.meetingId), c.at)));
  app.patch(`${base}/meetings/:meetingId`, { config, schema: { operationId: 'updateCouncilMeeting', tags, summary: 'Change time, place, open doors, live stream or recording', params: MeetingParams, body: MeetingPatch, response: { 200: MeetingOut } } },
    async (request) => presentMeeting(await inCouncil(ctx, request, (tx, c) => meetings.updateMeeting(tx, c, request.params.meetingId, request.body))));
  app.post(`${base}/meetings/:meetingId/summons`, {
    config, schema: { operationId: 'publishSummons', tags, summary: 'Summon the meeting; Norway: the agenda is public the body’s number of days before the meeting, a late summons (409 unless {"late": true}) at once', params: MeetingParams, body: SummonsBody, response: { 200: SummonsOut } },
  }, async (request) => {
    const r = await inCouncil(ctx, request, (tx, c) => meetings.publishSummons(tx, c, request.params.meetingId, request.body ?? {}));
    const message = r.late
      ? `The summons is late: the agenda and case papers are public now (${r.publicFrom.toISOString()}).`
      : `The agenda and case papers become public ${r.publicFrom.toISOString()}.`;
    return { ...presentMeeting(r.meeting), late: r.late, publicFrom: r.publicFrom.toISOString(), message };
  });
  app.post(`${base}/meetings/:meetingId/cancellation`, { config, schema: { operationId: 'cancelCouncilMeeting', tags, summary: 'Cancel the meeting', params: MeetingParams, response: { 200: MeetingOut } } },
    async (request) => presentMeeting(await inCouncil(ctx, request, (tx, c) => meetings.cancelMeeting(tx, c, request.params.meetingId))));
  app.post(`${base}/meetings/:meetingId/held`, { config, schema: { operationId: 'markMeetingHeld', tags, summary: 'The meeting took place: minutes may be drafted', params: MeetingParams, response: { 200: MeetingOut } } },
    async (request) => presentMeeting(await inCouncil(ctx, request, (tx, c) => meetings.markHeld(tx, c, request.params.meetingId))));

  app.get(`${base}/cases`, { config, schema: { operationId: 'listPoliticalCaseCandidates', tags, summary: 'Find the political case for an agenda item: number, public title, status and the entries that may be its presentation', params: TenantOnly, querystring: CaseCandidatesQuery, response: { 200: list(CaseCandidateOut) } } },
    async (request) => ({ items: await inCouncil(ctx, request, (tx) => listPoliticalCaseCandidates(tx, request.query)) }));
  app.post(`${base}/meetings/:meetingId/agenda-items`, { config, schema: { operationId: 'addAgendaItem', tags, summary: 'Add an item, tied to a political case of this municipality', params: MeetingParams, body: ItemBody, response: { 201: ItemOut } } },
    async (request, reply) => reply.status(201).send(presentItem(await inCouncil(ctx, request, (tx, c) => agenda.addAgendaItem(tx, c, request.params.meetingId, request.body)))));
  app.patch(`${base}/agenda-items/:itemId`, { config, schema: { operationId: 'updateAgendaItem', tags, summary: 'Change an item: title, number, presentation, late, closed with legal basis', params: ItemParams, body: ItemPatch, response: { 200: ItemOut } } },
    async (request) => presentItem(await inCouncil(ctx, request, (tx, c) => agenda.updateAgendaItem(tx, c, request.params.itemId, request.body))));
  app.delete(`${base}/agenda-items/:itemId`, { config, schema: { operationId: 'removeAgendaItem', tags, summary: 'Remove an item (before the summons only)', params: ItemParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await inCouncil(ctx, request, (tx, c) => agenda.removeAgendaItem(tx, c, request.params.itemId));
      return reply.status(204).send(null);
    });
  app.put(`${base}/meetings/:meetingId/agenda-order`, { config, schema: { operationId: 'reorderAgenda', tags, summary: 'Put the agenda items in a new order (every item once), until the minutes are approved', params: MeetingParams, body: AgendaOrderBody, response: { 200: MeetingDetail } } },
    async (request) => inCouncil(ctx, request, async (tx, c) => {
      await agenda.reorderAgenda(tx, c, request.params.meetingId, request.body.itemIds);
      return meetingDetail(tx, await meetings.meetingOrThrow(tx, request.params.meetingId), c.at);
    }));
  app.put(`${base}/meetings/:meetingId/current-item`, { config, schema: { operationId: 'setCurrentAgendaItem', tags, summary: 'The item under discussion now (null: none); the members’ tablets highlight it', params: MeetingParams, body: CurrentItemBody, response: { 200: MeetingOut } } },
    async (request) => presentMeeting(await inCouncil(ctx, request, (tx, c) => setCurrentAgendaItem(tx, c, request.params.meetingId, request.body.itemId))));
  app.put(`${base}/meetings/:meetingId/attendance`, { config, schema: { operationId: 'recordAttendance', tags, summary: 'Who met, who was absent, which substitute met for whom', params: MeetingParams, body: AttendanceBody, response: { 200: AttendanceOut } } },
    async (request) => {
      const rows = await inCouncil(ctx, request, (tx, c) => meetings.recordAttendance(tx, c, request.params.meetingId, request.body.entries));
      return { entries: rows.map((r) => ({ personId: r.person_id, status: r.status, substituteFor: r.substitute_for })) };
    });
}
