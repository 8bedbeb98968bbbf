// SPDX-License-Identifier: EUPL-1.2
// The politician's workspace API (issue 11 §3–§4): my meetings, a meeting's full agenda with its
// papers, the papers' bytes, my private notes, absence and the answer to a substitute call; and,
// for the secretariat, the substitute calls of a meeting.
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import type { Role } from '../platform/http/auth.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { Type } from 'typebox';
import { getWorkspaceMeeting, listMyMeetings, workspaceDocument } from './meetings.ts';
import { createNote, deleteNote, listNotes, updateNote } from './notes.ts';
import { answerSubstituteCall, listSubstituteCalls, reportAbsence } from './absence.ts';
import { inWorkspace, tags } from './request.ts';
import { AbsenceBody, AbsenceOut, AnswerBody, CallOut, CallParams, DocumentParams, ItemParams, list, MeetingParams, MyMeetingOut, NoteBody, NoteOut, NoteParams, NotePatch, TenantOnly, WorkspaceMeetingOut } from './schema.ts';

const politician: readonly Role[] = ['politician'];
const secretariat: readonly Role[] = ['secretariat', 'tenant-admin'];
const base = '/api/v1/:tenant/workspace';
// Shown in the browser (a tablet opens the paper), never run: no script of a stored file runs on our origin.
const inlineTypes = new Set(['application/pdf', 'text/plain', 'image/png', 'image/jpeg']);

export async function workspaceRoutes(app: App, ctx: AppContext): Promise<void> {
  const config = { roles: politician };
  app.get(`${base}/meetings`, { config, schema: { operationId: 'listMyMeetings', tags, summary: 'Upcoming meetings of the bodies I sit in, and those I am called to as a substitute', params: TenantOnly, response: { 200: list(MyMeetingOut) } } },
    async (request) => ({ items: await inWorkspace(ctx, request, (tx, c) => listMyMeetings(tx, c)) }));
  app.get(`${base}/meetings/:meetingId`, { config, schema: { operationId: 'getWorkspaceMeeting', tags, summary: 'A meeting of mine: the whole agenda (closed items too) with papers, current item, proposals, my attendance and notes', params: MeetingParams, response: { 200: WorkspaceMeetingOut } } },
    async (request) => inWorkspace(ctx, request, (tx, c) => getWorkspaceMeeting(tx, c, request.params.meetingId)));
  app.get(`${base}/documents/:documentId`, { config, schema: { operationId: 'getWorkspaceDocument', tags, summary: 'The file of a paper on a meeting of mine (screened ones too); 404 for anything else', params: DocumentParams } },
    async (request, reply) => {
      const doc = await inWorkspace(ctx, request, (tx, c) => workspaceDocument(tx, c, request.params.documentId));
      let body;
      try {
        body = await ctx.files.open(doc.checksum);
      } catch (error) {
        request.log.error({ err: error, checksum: doc.checksum }, 'a council paper is damaged or missing');
        throw new ProblemError('storedFileCorrupt', 'the stored file is damaged or missing; the municipality has been told');
      }
      const shown = inlineTypes.has(doc.mimeType);
      const ascii = doc.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('content-type', shown ? doc.mimeType : 'application/octet-stream')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .header('content-disposition', `${shown ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
        // Private: kept by the member's own browser for reading offline (Cache API), never by a shared cache.
        .header('cache-control', 'private, no-cache')
        .send(body as never);
    });
  app.get(`${base}/agenda-items/:itemId/notes`, { config, schema: { operationId: 'listMyNotes', tags, summary: 'My private notes on an item (nobody else’s)', params: ItemParams, response: { 200: list(NoteOut) } } },
    async (request) => ({ items: await inWorkspace(ctx, request, (tx, c) => listNotes(tx, c, request.params.itemId)) }));
  app.post(`${base}/agenda-items/:itemId/notes`, { config, schema: { operationId: 'createMyNote', tags, summary: 'Write a private note on an item or its paper', params: ItemParams, body: NoteBody, response: { 201: NoteOut } } },
    async (request, reply) => reply.status(201).send(await inWorkspace(ctx, request, (tx, c) => createNote(tx, c, request.params.itemId, request.body))));
  app.patch(`${base}/notes/:noteId`, { config, schema: { operationId: 'updateMyNote', tags, summary: 'Change my note (another member’s: 404)', params: NoteParams, body: NotePatch, response: { 200: NoteOut } } },
    async (request) => inWorkspace(ctx, request, (tx, c) => updateNote(tx, c, request.params.noteId, request.body)));
  app.delete(`${base}/notes/:noteId`, { config, schema: { operationId: 'deleteMyNote', tags, summary: 'Delete my note (another member’s: 404)', params: NoteParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await inWorkspace(ctx, request, (tx, c) => deleteNote(tx, c, request.params.noteId));
      return reply.status(204).send(null);
    });
  app.post(`${base}/meetings/:meetingId/absence`, { config, schema: { operationId: 'reportAbsence', tags, summary: 'Report absence (forfall): the next substitute of my list is called, the secretariat told', params: MeetingParams, body: AbsenceBody, response: { 200: AbsenceOut } } },
    async (request) => inWorkspace(ctx, request, (tx, c) => reportAbsence(tx, c, request.params.meetingId, request.body)));
  app.post(`${base}/substitute-calls/:callId/answer`, { config, schema: { operationId: 'answerSubstituteCall', tags, summary: 'Accept or decline a call to meet as a substitute (declined: the next is called)', params: CallParams, body: AnswerBody, response: { 200: CallOut } } },
    async (request) => inWorkspace(ctx, request, (tx, c) => answerSubstituteCall(tx, c, request.params.callId, request.body)));

  app.get('/api/v1/:tenant/council/meetings/:meetingId/substitute-calls', { config: { roles: secretariat }, schema: { operationId: 'listSubstituteCalls', tags: ['council'], summary: 'Who was called in for whom to the meeting, and their answers', params: MeetingParams, response: { 200: list(CallOut) } } },
    async (request) => ({ items: await inWorkspace(ctx, request, (tx) => listSubstituteCalls(tx, request.params.meetingId), { person: false }) }));
}
