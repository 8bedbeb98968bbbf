// SPDX-License-Identifier: EUPL-1.2
// The council module's service interface: what other capabilities (council decisions, OParl, the
// council site), the demo and tests may call. Functions take the transaction first.
export { createTerm, createParty, createPerson, updatePerson, createBody, updateBody, createMembership, updateMembership, listTerms, listParties, listPersons, listBodies, listMemberships, rosterChanged, refuse, type CouncilCtx, type TermInput, type PartyInput, type PersonInput, type BodyInput, type MembershipInput } from './roster.ts';
export { createMeeting, updateMeeting, publishSummons, cancelMeeting, markHeld, recordAttendance, listMeetings, meetingChanged, meetingOrThrow, PUBLISH_AGENDA_JOB, type MeetingInput, type MeetingChanges, type AttendanceEntry, type SummonsResult } from './meetings.ts';
export { addAgendaItem, updateAgendaItem, removeAgendaItem, itemOrThrow, type ItemInput } from './agenda.ts';
export type { MeetingRow, ItemRow, AttendanceRow } from './meetings-repository.ts';
export type { TermRow, PartyRow, PersonRow, BodyRow, MembershipRow } from './roster-repository.ts';
export { setCurrentAgendaItem, markAttendance } from './members.ts';
export { simplePdf } from './demo-pdf.ts';
