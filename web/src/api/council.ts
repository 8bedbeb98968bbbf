// SPDX-License-Identifier: EUPL-1.2
// The secretariat's council API under /api/v1/{tenant}/council (issue 10, /work/wt/council-contract.md),
// one function per operationId. Requests and answers are the generated types of docs/openapi.json
// (schema.d.ts). Two kinds of narrowing stay here: the API's schema says `string` where the table
// has a CHECK list (a body's kind, a member's role, a meeting's status …), which the screens need as
// unions to pick their texts; and a meeting's items carry proposals, votes, disqualifications and
// reservations as open objects, whose shapes come from the operations that create them.
import { api, query } from './client.ts';
import type { Covers, Item, Narrow, RequestBody, ResponseBody } from './types.ts';

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

export type CouncilTerm = Item<ResponseBody<'listCouncilTerms', 200>['items']>;
export type CouncilParty = Item<ResponseBody<'listCouncilParties', 200>['items']>;
export type CouncilPerson = Item<ResponseBody<'listCouncilPersons', 200>['items']>;
export type CouncilBody = Narrow<Item<ResponseBody<'listCouncilBodies', 200>['items']>, { kind: BodyKind }>;
export type CouncilMembership = Narrow<Item<ResponseBody<'listCouncilMemberships', 200>['items']>, { role: MembershipRole }>;
export type MeetingSummary = Narrow<Item<ResponseBody<'listCouncilMeetings', 200>['items']>, { status: MeetingStatus; minutesStatus: MinutesStatus }>;
export type Proposal = Narrow<ResponseBody<'addProposal', 201>, { kind: ProposalKind }>;
export type Vote = Narrow<ResponseBody<'recordVote', 201>, { method: VoteMethod; outcome: string | null }>;
export type VoteCount = Item<Vote['counts']>;
export type Ballot = Item<Vote['ballots']>;
export interface Disqualification { personId: string; reason: string }
export interface Reservation { id?: string; personId: string | null; partyId: string | null; text: string | null }

type ApiMeeting = ResponseBody<'getCouncilMeeting', 200>;
type ApiItem = Item<ApiMeeting['items']>;
export type AgendaItem = Omit<ApiItem, 'proposals' | 'votes' | 'disqualifications' | 'reservations'> & {
  proposals: Proposal[];
  votes: Vote[];
  disqualifications: Disqualification[];
  reservations: Reservation[];
};
export type Attendance = Narrow<Item<ApiMeeting['attendance']>, { status: 'present' | 'absent' }>;
export type Adjuster = Item<ApiMeeting['adjusters']>;
export type Meeting = Narrow<Omit<ApiMeeting, 'items' | 'attendance'>, { status: MeetingStatus; minutesStatus: MinutesStatus }> & {
  items: AgendaItem[];
  attendance: Attendance[];
};

// The open objects of a meeting's items, checked against what the API answers when it records them.
export const covers: [
  Covers<ResponseBody<'declareDisqualification', 201>, Disqualification>,
  Covers<ResponseBody<'addReservation', 201>, Omit<Reservation, 'id'>>,
] = [true, true];

type Items<T> = { items: T[] };

export const listCouncilTerms = (t: string, s?: AbortSignal) => api<Items<CouncilTerm>>(`${base(t)}/terms`, opt(s));
export const createCouncilTerm = (t: string, input: RequestBody<'createCouncilTerm'>) => api<ResponseBody<'createCouncilTerm', 201>>(`${base(t)}/terms`, { json: input });
export const listCouncilParties = (t: string, s?: AbortSignal) => api<Items<CouncilParty>>(`${base(t)}/parties`, opt(s));
export const createCouncilParty = (t: string, input: RequestBody<'createCouncilParty'>) => api<ResponseBody<'createCouncilParty', 201>>(`${base(t)}/parties`, { json: input });
export const listCouncilPersons = (t: string, s?: AbortSignal) => api<Items<CouncilPerson>>(`${base(t)}/persons`, opt(s));
export const createCouncilPerson = (t: string, input: RequestBody<'createCouncilPerson'>) => api<ResponseBody<'createCouncilPerson', 201>>(`${base(t)}/persons`, { json: input });
export const listCouncilBodies = (t: string, s?: AbortSignal) => api<Items<CouncilBody>>(`${base(t)}/bodies`, opt(s));
export const createCouncilBody = (t: string, input: RequestBody<'createCouncilBody'> & { kind: BodyKind }) => api<CouncilBody>(`${base(t)}/bodies`, { json: input });
export const listCouncilMemberships = (t: string, bodyId: string, s?: AbortSignal) => api<Items<CouncilMembership>>(`${base(t)}/bodies/${id(bodyId)}/memberships`, opt(s));
export const createCouncilMembership = (t: string, bodyId: string, input: RequestBody<'createCouncilMembership'> & { role: MembershipRole }) =>
  api<CouncilMembership>(`${base(t)}/bodies/${id(bodyId)}/memberships`, { json: input });

export const listCouncilMeetings = (t: string, params: { body?: string; from?: string; to?: string }, s?: AbortSignal) =>
  api<Items<MeetingSummary>>(`${base(t)}/meetings${query(params)}`, opt(s));
export const createCouncilMeeting = (t: string, input: RequestBody<'createCouncilMeeting'>) => api<MeetingSummary>(`${base(t)}/meetings`, { json: input });
export const getCouncilMeeting = (t: string, meetingId: string, s?: AbortSignal) => api<Meeting>(`${base(t)}/meetings/${id(meetingId)}`, opt(s));
export const updateCouncilMeeting = (t: string, meetingId: string, patch: RequestBody<'updateCouncilMeeting'>) =>
  api<ResponseBody<'updateCouncilMeeting', 200>>(`${base(t)}/meetings/${id(meetingId)}`, { method: 'PATCH', json: patch });
/** `late`: the summons comes after the body's publication day (Norway); its papers are then public at once. */
export const publishSummons = (t: string, meetingId: string, late = false) =>
  api<ResponseBody<'publishSummons', 200>>(`${base(t)}/meetings/${id(meetingId)}/summons`, { method: 'POST', json: late ? { late: true } : {} });
export const cancelCouncilMeeting = (t: string, meetingId: string) => api<ResponseBody<'cancelCouncilMeeting', 200>>(`${base(t)}/meetings/${id(meetingId)}/cancellation`, { method: 'POST', json: {} });
export const markMeetingHeld = (t: string, meetingId: string) => api<ResponseBody<'markMeetingHeld', 200>>(`${base(t)}/meetings/${id(meetingId)}/held`, { method: 'POST', json: {} });

export type AgendaItemInput = RequestBody<'addAgendaItem'>;
export const addAgendaItem = (t: string, meetingId: string, input: AgendaItemInput) =>
  api<ResponseBody<'addAgendaItem', 201>>(`${base(t)}/meetings/${id(meetingId)}/agenda-items`, { json: input });
export const updateAgendaItem = (t: string, itemId: string, patch: RequestBody<'updateAgendaItem'>) =>
  api<ResponseBody<'updateAgendaItem', 200>>(`${base(t)}/agenda-items/${id(itemId)}`, { method: 'PATCH', json: patch });
/** The political cases the secretariat may put on an agenda: number, public title and possible presentations. */
export type CaseCandidate = ResponseBody<'listPoliticalCaseCandidates', 200>['items'][number];
export const listPoliticalCaseCandidates = (t: string, q: string, s?: AbortSignal) =>
  api<ResponseBody<'listPoliticalCaseCandidates', 200>>(`${base(t)}/cases${query({ q })}`, opt(s));
export const reorderAgenda = (t: string, meetingId: string, itemIds: string[]) =>
  api<Meeting>(`${base(t)}/meetings/${id(meetingId)}/agenda-order`, { method: 'PUT', json: { itemIds } });
export const removeAgendaItem = (t: string, itemId: string) => api<void>(`${base(t)}/agenda-items/${id(itemId)}`, { method: 'DELETE' });
export const recordAttendance = (t: string, meetingId: string, entries: RequestBody<'recordAttendance'>['entries']) =>
  api<ResponseBody<'recordAttendance', 200>>(`${base(t)}/meetings/${id(meetingId)}/attendance`, { method: 'PUT', json: { entries } });

export const addProposal = (t: string, itemId: string, input: RequestBody<'addProposal'> & { kind: ProposalKind }) =>
  api<Proposal>(`${base(t)}/agenda-items/${id(itemId)}/proposals`, { json: input });
export const declareDisqualification = (t: string, itemId: string, input: RequestBody<'declareDisqualification'>) =>
  api<ResponseBody<'declareDisqualification', 201>>(`${base(t)}/agenda-items/${id(itemId)}/disqualifications`, { json: input });
export type VoteInput = RequestBody<'recordVote'> & { method: VoteMethod };
export const recordVote = (t: string, itemId: string, input: VoteInput) => api<Vote>(`${base(t)}/agenda-items/${id(itemId)}/votes`, { json: input });
export const recordDecision = (t: string, itemId: string, text: string) =>
  api<ResponseBody<'recordDecision', 200>>(`${base(t)}/agenda-items/${id(itemId)}/decision`, { method: 'PUT', json: { text } });
export const addReservation = (t: string, itemId: string, input: RequestBody<'addReservation'>) =>
  api<ResponseBody<'addReservation', 201>>(`${base(t)}/agenda-items/${id(itemId)}/reservations`, { json: input });
export const approveMinutes = (t: string, meetingId: string) => api<ResponseBody<'approveMinutes', 201>>(`${base(t)}/meetings/${id(meetingId)}/minutes`, { method: 'POST', json: {} });
export const appointAdjusters = (t: string, meetingId: string, personIds: string[]) =>
  api<ResponseBody<'appointAdjusters', 200>>(`${base(t)}/meetings/${id(meetingId)}/adjusters`, { method: 'PUT', json: { personIds } satisfies RequestBody<'appointAdjusters'> });
export const signMinutes = (t: string, meetingId: string, personId: string) =>
  api<ResponseBody<'signMinutes', 201>>(`${base(t)}/meetings/${id(meetingId)}/adjusters/${id(personId)}/signature`, { method: 'POST', json: {} });
export const setAgendaItemVideo = (t: string, itemId: string, offsetSeconds: number) =>
  api<ResponseBody<'setAgendaItemVideo', 200>>(`${base(t)}/agenda-items/${id(itemId)}/video`, { method: 'PUT', json: { offsetSeconds } satisfies RequestBody<'setAgendaItemVideo'> });

/** The transcript goes up as text/vtt, not JSON: the client's api() only speaks JSON and forms. */
export const uploadAgendaItemTranscript = (t: string, itemId: string, vtt: string) =>
  api<ResponseBody<'uploadAgendaItemTranscript', 200>>(`${base(t)}/agenda-items/${id(itemId)}/transcript`, { method: 'PUT', text: vtt, contentType: 'text/vtt' });
