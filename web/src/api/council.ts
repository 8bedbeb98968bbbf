// SPDX-License-Identifier: EUPL-1.2
// The secretariat's council API under /api/v1/{tenant}/council (issue 10, /work/wt/council-contract.md),
// one function per operationId. Typed by hand until docs/openapi.json (and schema.d.ts) are
// regenerated with these operations; the shapes follow src/council/tables.ts in camelCase.
import { api, query } from './client.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}/council`;
const id = encodeURIComponent;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

export type BodyKind = 'council' | 'executive' | 'committee' | 'other';
export type MembershipRole = 'leader' | 'deputy' | 'member' | 'substitute';
export type MeetingStatus = 'planned' | 'summoned' | 'held' | 'cancelled';
export type MinutesStatus = 'none' | 'draft' | 'approved' | 'adjusted';
export type VoteMethod = 'show-of-hands' | 'roll-call' | 'secret' | 'acclamation';
export type ProposalKind = 'recommendation' | 'proposal' | 'amendment';
export const bodyKinds: readonly BodyKind[] = ['council', 'executive', 'committee', 'other'];
export const membershipRoles: readonly MembershipRole[] = ['leader', 'deputy', 'member', 'substitute'];
export const voteMethods: readonly VoteMethod[] = ['show-of-hands', 'roll-call', 'secret', 'acclamation'];
export const proposalKinds: readonly ProposalKind[] = ['recommendation', 'proposal', 'amendment'];

export interface CouncilTerm { id: string; name: string; startsOn: string; endsOn: string }
export interface CouncilParty { id: string; code: string; name: string }
export interface CouncilPerson { id: string; givenName: string; familyName: string; partyId: string | null; userId?: string | null; email?: string | null }
export interface CouncilBody {
  id: string; code: string; kind: BodyKind; name: string; shortName: string | null;
  publishDaysBefore: number; adjustersRequired: number;
}
export interface CouncilMembership {
  id: string; bodyId: string; termId: string; personId: string; role: MembershipRole; partyId: string | null;
  substituteOrder: number | null; startsOn: string; endsOn: string | null;
}
export interface MeetingSummary {
  id: string; bodyId: string; startsAt: string; endsAt: string | null; location: string | null;
  status: MeetingStatus; open: boolean; minutesStatus?: MinutesStatus;
}
export interface Proposal { id: string; position: number; kind: ProposalKind; text: string; proposerPersonId: string | null; partyId: string | null }
export interface VoteCount { option: string; label: string; count: number; proposalId?: string | null }
export interface Ballot { personId: string; option: string; partyId?: string | null }
export interface Vote { id: string; position: number; subject: string; method: VoteMethod; outcome: string | null; counts: VoteCount[]; ballots: Ballot[] }
export interface AgendaItem {
  id: string; position: number; itemNumber: string; title: string; publicTitle?: string;
  caseFileId: string | null; caseNumber?: string | null; presentationEntryId: string | null;
  late: boolean; closed: boolean; closedLegalBasis: string | null;
  decisionText: string | null; videoOffsetSeconds: number | null; transcriptSha256: string | null;
  proposals?: Proposal[]; votes?: Vote[];
  disqualifications?: { personId: string; reason: string }[];
  reservations?: { id?: string; personId: string | null; partyId: string | null; text: string | null }[];
}
export interface Attendance { personId: string; status: 'present' | 'absent'; substituteFor: string | null }
export interface Adjuster { personId: string; signedAt: string | null }
export interface Meeting extends MeetingSummary {
  body?: { id: string; name: string };
  summonedAt: string | null; agendaPublicFrom: string | null;
  liveStreamUrl: string | null; recordingUrl: string | null;
  minutesStatus: MinutesStatus; minutesEntryId: string | null;
  noticePostedOn: string | null; appealClosesOn: string | null;
  items: AgendaItem[]; attendance: Attendance[]; adjusters: Adjuster[];
  /** What the caller may do now: summon, cancel, markHeld, addItem, removeItem, recordAttendance, approveMinutes, … */
  actions?: string[];
}
type Items<T> = { items: T[] };

export const listCouncilTerms = (t: string, s?: AbortSignal) => api<Items<CouncilTerm>>(`${base(t)}/terms`, opt(s));
export const createCouncilTerm = (t: string, input: { name: string; startsOn: string; endsOn: string }) => api<CouncilTerm>(`${base(t)}/terms`, { json: input });
export const listCouncilParties = (t: string, s?: AbortSignal) => api<Items<CouncilParty>>(`${base(t)}/parties`, opt(s));
export const createCouncilParty = (t: string, input: { code: string; name: string }) => api<CouncilParty>(`${base(t)}/parties`, { json: input });
export const listCouncilPersons = (t: string, s?: AbortSignal) => api<Items<CouncilPerson>>(`${base(t)}/persons`, opt(s));
export const createCouncilPerson = (t: string, input: { givenName: string; familyName: string; partyId?: string }) =>
  api<CouncilPerson>(`${base(t)}/persons`, { json: input });
export const listCouncilBodies = (t: string, s?: AbortSignal) => api<Items<CouncilBody>>(`${base(t)}/bodies`, opt(s));
export const createCouncilBody = (t: string, input: { code: string; kind: BodyKind; name: string; publishDaysBefore?: number; adjustersRequired?: number }) =>
  api<CouncilBody>(`${base(t)}/bodies`, { json: input });
export const listCouncilMemberships = (t: string, bodyId: string, s?: AbortSignal) => api<Items<CouncilMembership>>(`${base(t)}/bodies/${id(bodyId)}/memberships`, opt(s));
export const createCouncilMembership = (
  t: string,
  bodyId: string,
  input: { termId: string; personId: string; role: MembershipRole; partyId?: string; substituteOrder?: number; startsOn?: string },
) => api<CouncilMembership>(`${base(t)}/bodies/${id(bodyId)}/memberships`, { json: input });

export const listCouncilMeetings = (t: string, params: { body?: string; from?: string; to?: string }, s?: AbortSignal) =>
  api<Items<MeetingSummary>>(`${base(t)}/meetings${query(params)}`, opt(s));
export const createCouncilMeeting = (t: string, input: { bodyId: string; startsAt: string; endsAt?: string; location?: string; open?: boolean }) =>
  api<Meeting>(`${base(t)}/meetings`, { json: input });
export const getCouncilMeeting = (t: string, meetingId: string, s?: AbortSignal) => api<Meeting>(`${base(t)}/meetings/${id(meetingId)}`, opt(s));
export const updateCouncilMeeting = (t: string, meetingId: string, patch: { liveStreamUrl?: string | null; recordingUrl?: string | null; location?: string | null }) =>
  api<Meeting>(`${base(t)}/meetings/${id(meetingId)}`, { method: 'PATCH', json: patch });
/** `late`: the summons comes after the body's publication day (Norway); its papers are then public at once. */
export const publishSummons = (t: string, meetingId: string, late = false) =>
  api<MeetingSummary & { late: boolean; publicFrom: string }>(`${base(t)}/meetings/${id(meetingId)}/summons`, { method: 'POST', json: late ? { late: true } : {} });
export const cancelCouncilMeeting = (t: string, meetingId: string) => api<Meeting>(`${base(t)}/meetings/${id(meetingId)}/cancellation`, { method: 'POST', json: {} });
export const markMeetingHeld = (t: string, meetingId: string) => api<Meeting>(`${base(t)}/meetings/${id(meetingId)}/held`, { method: 'POST', json: {} });

export interface AgendaItemInput {
  caseFileId?: string; title?: string; itemNumber?: string; presentationEntryId?: string;
  late?: boolean; closed?: boolean; closedLegalBasis?: string;
}
export const addAgendaItem = (t: string, meetingId: string, input: AgendaItemInput) =>
  api<AgendaItem>(`${base(t)}/meetings/${id(meetingId)}/agenda-items`, { json: input });
export const updateAgendaItem = (t: string, itemId: string, patch: Omit<AgendaItemInput, 'caseFileId'>) =>
  api<AgendaItem>(`${base(t)}/agenda-items/${id(itemId)}`, { method: 'PATCH', json: patch });
export const removeAgendaItem = (t: string, itemId: string) => api<void>(`${base(t)}/agenda-items/${id(itemId)}`, { method: 'DELETE' });
export const recordAttendance = (t: string, meetingId: string, entries: { personId: string; status: 'present' | 'absent'; substituteFor?: string }[]) =>
  api<unknown>(`${base(t)}/meetings/${id(meetingId)}/attendance`, { method: 'PUT', json: { entries } });

export const addProposal = (t: string, itemId: string, input: { kind: ProposalKind; text: string; proposerPersonId?: string; partyId?: string }) =>
  api<Proposal>(`${base(t)}/agenda-items/${id(itemId)}/proposals`, { json: input });
export const declareDisqualification = (t: string, itemId: string, input: { personId: string; reason: string }) =>
  api<unknown>(`${base(t)}/agenda-items/${id(itemId)}/disqualifications`, { json: input });
export interface VoteInput { subject: string; method: VoteMethod; counts: VoteCount[]; ballots?: Ballot[]; outcome: string }
export const recordVote = (t: string, itemId: string, input: VoteInput) => api<Vote>(`${base(t)}/agenda-items/${id(itemId)}/votes`, { json: input });
export const recordDecision = (t: string, itemId: string, text: string) => api<unknown>(`${base(t)}/agenda-items/${id(itemId)}/decision`, { method: 'PUT', json: { text } });
export const addReservation = (t: string, itemId: string, input: { personId?: string; partyId?: string; text?: string }) =>
  api<unknown>(`${base(t)}/agenda-items/${id(itemId)}/reservations`, { json: input });
export const approveMinutes = (t: string, meetingId: string) => api<Meeting>(`${base(t)}/meetings/${id(meetingId)}/minutes`, { method: 'POST', json: {} });
export const appointAdjusters = (t: string, meetingId: string, personIds: string[]) =>
  api<unknown>(`${base(t)}/meetings/${id(meetingId)}/adjusters`, { method: 'PUT', json: { personIds } });
export const signMinutes = (t: string, meetingId: string, personId: string) =>
  api<unknown>(`${base(t)}/meetings/${id(meetingId)}/adjusters/${id(personId)}/signature`, { method: 'POST', json: {} });
export const setAgendaItemVideo = (t: string, itemId: string, offsetSeconds: number) =>
  api<unknown>(`${base(t)}/agenda-items/${id(itemId)}/video`, { method: 'PUT', json: { offsetSeconds } });

/** The transcript goes up as text/vtt, not JSON: the client's api() only speaks JSON and forms. */
export async function uploadAgendaItemTranscript(t: string, itemId: string, vtt: string): Promise<void> {
  await api<unknown>(`${base(t)}/agenda-items/${id(itemId)}/transcript`, { method: 'PUT', text: vtt, contentType: 'text/vtt' });
}
