// SPDX-License-Identifier: EUPL-1.2
// The politician's workspace API under /api/v1/{tenant}/workspace (issue 11 §3–§4), and the
// secretariat's two pieces of it (the current item, the substitute calls). The shapes are written
// here as the server's schemas (src/council-workspace/schema.ts) say; docs/openapi.json gets them
// when the lead regenerates it.
import { api } from './client.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/workspace`;
const id = encodeURIComponent;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

export interface MyMeeting {
  id: string; bodyId: string; bodyName: string; startsAt: string; endsAt: string | null; location: string | null;
  status: 'planned' | 'summoned' | 'held' | 'cancelled'; agendaSent: boolean; currentItemId: string | null; role: 'member' | 'substitute';
}
export interface WorkspaceDocument { id: string; number: number; title: string; fileName: string; mimeType: string; size: number }
export interface Note { id: string; agendaItemId: string; presentationEntryId: string | null; text: string; createdAt: string; updatedAt: string }
export interface SubstituteCall {
  id: string; meetingId: string; absentPersonId: string; absentName: string; substitutePersonId: string; substituteName: string;
  status: 'called' | 'accepted' | 'declined'; calledAt: string; answeredAt: string | null;
}
export interface WorkspaceItem {
  id: string; position: number; itemNumber: string; title: string; publicTitle: string; caseFileId: string | null; presentationEntryId: string | null;
  late: boolean; closed: boolean; closedLegalBasis: string | null; decisionText: string | null;
  documents: WorkspaceDocument[]; proposals: { position: number; kind: string; text: string; proposerPersonId: string | null; partyId: string | null }[]; notes: Note[];
}
export interface WorkspaceMeeting extends MyMeeting {
  items: WorkspaceItem[];
  myAttendance: { personId: string; status: 'present' | 'absent'; reportedAt: string | null; substituteFor: string | null } | null;
  substituteCalls: SubstituteCall[];
  myPersonIds: string[];
  canReportAbsence: boolean;
}

export const meetingPath = (tenant: string, meetingId: string) => `${base(tenant)}/meetings/${id(meetingId)}`;
export const documentPath = (tenant: string, documentId: string) => `${base(tenant)}/documents/${id(documentId)}`;

export const listMyMeetings = (tenant: string, signal?: AbortSignal) => api<{ items: MyMeeting[] }>(`${base(tenant)}/meetings`, opt(signal));
export const getWorkspaceMeeting = (tenant: string, meetingId: string, signal?: AbortSignal) => api<WorkspaceMeeting>(meetingPath(tenant, meetingId), opt(signal));
export const createNote = (tenant: string, itemId: string, body: { text: string; presentationEntryId?: string | null }) =>
  api<Note>(`${base(tenant)}/agenda-items/${id(itemId)}/notes`, { json: body });
export const updateNote = (tenant: string, noteId: string, text: string) => api<Note>(`${base(tenant)}/notes/${id(noteId)}`, { method: 'PATCH', json: { text } });
export const deleteNote = (tenant: string, noteId: string) => api<void>(`${base(tenant)}/notes/${id(noteId)}`, { method: 'DELETE' });
export const reportAbsence = (tenant: string, meetingId: string, reason: string) =>
  api<{ attendance: { personId: string; status: string; reportedAt: string }; substituteCall: SubstituteCall | null }>(`${meetingPath(tenant, meetingId)}/absence`, { json: { reason } });
export const answerSubstituteCall = (tenant: string, callId: string, accept: boolean) => api<SubstituteCall>(`${base(tenant)}/substitute-calls/${id(callId)}/answer`, { json: { accept } });

// The secretariat's side.
const council = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/council`;
export const setCurrentAgendaItem = (tenant: string, meetingId: string, itemId: string | null) =>
  api<{ id: string; currentItemId?: string | null }>(`${council(tenant)}/meetings/${id(meetingId)}/current-item`, { method: 'PUT', json: { itemId } });
export const listSubstituteCalls = (tenant: string, meetingId: string, signal?: AbortSignal) =>
  api<{ items: SubstituteCall[] }>(`${council(tenant)}/meetings/${id(meetingId)}/substitute-calls`, opt(signal));
