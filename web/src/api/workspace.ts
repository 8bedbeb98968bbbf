// SPDX-License-Identifier: EUPL-1.2
// The politician's workspace API under /api/v1/{tenant}/workspace (issue 11 §3–§4), and the
// secretariat's two pieces of it (the current item, the substitute calls). Requests and answers are
// the generated types of docs/openapi.json (schema.d.ts); statuses are `string` there (CHECK lists
// in the tables) and narrowed here to the unions the screens pick their texts by.
import { api } from './client.ts';
import type { MeetingStatus } from './council.ts';
import type { Item, Narrow, RequestBody, ResponseBody } from './types.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/workspace`;
const id = encodeURIComponent;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

type ApiMeeting = ResponseBody<'getWorkspaceMeeting', 200>;
type ApiCall = ResponseBody<'answerSubstituteCall', 200>;
type AttendanceStatus = 'present' | 'absent';

export type MyMeeting = Narrow<Item<ResponseBody<'listMyMeetings', 200>['items']>, { status: MeetingStatus }>;
export type WorkspaceItem = Item<ApiMeeting['items']>;
export type WorkspaceDocument = Item<WorkspaceItem['documents']>;
export type Note = ResponseBody<'createMyNote', 201>;
export type SubstituteCall = Narrow<ApiCall, { status: 'called' | 'accepted' | 'declined' }>;
export type WorkspaceMeeting = Narrow<ApiMeeting, {
  status: MeetingStatus;
  myAttendance: Narrow<NonNullable<ApiMeeting['myAttendance']>, { status: AttendanceStatus }> | null;
  substituteCalls: SubstituteCall[];
}>;
type AbsenceReport = ResponseBody<'reportAbsence', 200>;

// The same shapes in other answers (checked here, so a drift fails the typecheck).
export const sameShapes: [
  Omit<ApiMeeting, 'items' | 'myAttendance' | 'substituteCalls' | 'myPersonIds' | 'canReportAbsence'> extends Item<ResponseBody<'listMyMeetings', 200>['items']> ? true : false,
  Item<WorkspaceItem['notes']> extends Note ? true : false,
  ResponseBody<'updateMyNote', 200> extends Note ? true : false,
  Item<ApiMeeting['substituteCalls']> extends ApiCall ? true : false,
  Item<ResponseBody<'listSubstituteCalls', 200>['items']> extends ApiCall ? true : false,
  NonNullable<AbsenceReport['substituteCall']> extends ApiCall ? true : false,
] = [true, true, true, true, true, true];

export const meetingPath = (tenant: string, meetingId: string) => `${base(tenant)}/meetings/${id(meetingId)}`;
export const documentPath = (tenant: string, documentId: string) => `${base(tenant)}/documents/${id(documentId)}`;

export const listMyMeetings = (tenant: string, signal?: AbortSignal) => api<{ items: MyMeeting[] }>(`${base(tenant)}/meetings`, opt(signal));
export const getWorkspaceMeeting = (tenant: string, meetingId: string, signal?: AbortSignal) => api<WorkspaceMeeting>(meetingPath(tenant, meetingId), opt(signal));
export const createNote = (tenant: string, itemId: string, body: RequestBody<'createMyNote'>) =>
  api<Note>(`${base(tenant)}/agenda-items/${id(itemId)}/notes`, { json: body });
export const updateNote = (tenant: string, noteId: string, text: string) =>
  api<Note>(`${base(tenant)}/notes/${id(noteId)}`, { method: 'PATCH', json: { text } satisfies RequestBody<'updateMyNote'> });
export const deleteNote = (tenant: string, noteId: string) => api<void>(`${base(tenant)}/notes/${id(noteId)}`, { method: 'DELETE' });
export const reportAbsence = (tenant: string, meetingId: string, reason: string) =>
  api<Narrow<AbsenceReport, { substituteCall: SubstituteCall | null }>>(`${meetingPath(tenant, meetingId)}/absence`, { json: { reason } satisfies RequestBody<'reportAbsence'> });
export const answerSubstituteCall = (tenant: string, callId: string, accept: boolean) =>
  api<SubstituteCall>(`${base(tenant)}/substitute-calls/${id(callId)}/answer`, { json: { accept } satisfies RequestBody<'answerSubstituteCall'> });

// The secretariat's side.
const council = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/council`;
export const setCurrentAgendaItem = (tenant: string, meetingId: string, itemId: string | null) =>
  api<ResponseBody<'setCurrentAgendaItem', 200>>(`${council(tenant)}/meetings/${id(meetingId)}/current-item`, { method: 'PUT', json: { itemId } satisfies RequestBody<'setCurrentAgendaItem'> });
export const listSubstituteCalls = (tenant: string, meetingId: string, signal?: AbortSignal) =>
  api<{ items: SubstituteCall[] }>(`${council(tenant)}/meetings/${id(meetingId)}/substitute-calls`, opt(signal));
