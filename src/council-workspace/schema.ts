// SPDX-License-Identifier: EUPL-1.2
// TypeBox schemas of the politician's workspace API. Request bodies refuse unknown fields.
import { Type, type TSchema } from 'typebox';

const Id = Type.String({ format: 'uuid' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const strict = { additionalProperties: false } as const;

export const TenantOnly = Type.Object({ tenant: Type.String() });
export const MeetingParams = Type.Object({ tenant: Type.String(), meetingId: Id });
export const ItemParams = Type.Object({ tenant: Type.String(), itemId: Id });
export const NoteParams = Type.Object({ tenant: Type.String(), noteId: Id });
export const DocumentParams = Type.Object({ tenant: Type.String(), documentId: Id });
export const CallParams = Type.Object({ tenant: Type.String(), callId: Id });

export const NoteBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 20000 }),
  presentationEntryId: Type.Optional(Nullable(Id)),
}, strict);
export const NotePatch = Type.Object({ text: Type.String({ minLength: 1, maxLength: 20000 }) }, strict);
export const AbsenceBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000, description: 'why; the secretariat reads it' }) }, strict);
export const AnswerBody = Type.Object({ accept: Type.Boolean() }, strict);

const meetingFields = {
  id: Id, bodyId: Id, bodyName: Type.String(), startsAt: Type.String(), endsAt: Nullable(Type.String()), location: Nullable(Type.String()), status: Type.String(),
  agendaSent: Type.Boolean({ description: 'the summons is sent: the agenda and papers are the members’' }), currentItemId: Nullable(Id),
  role: Type.Union([Type.Literal('member'), Type.Literal('substitute')]),
};
export const MyMeetingOut = Type.Object(meetingFields);
export const NoteOut = Type.Object({ id: Id, agendaItemId: Id, presentationEntryId: Nullable(Id), text: Type.String(), createdAt: Type.String(), updatedAt: Type.String() });
export const CallOut = Type.Object({
  id: Id, meetingId: Id, absentPersonId: Id, absentName: Type.String(), substitutePersonId: Id, substituteName: Type.String(),
  status: Type.String(), calledAt: Type.String(), answeredAt: Nullable(Type.String()),
});
const DocumentOut = Type.Object({ id: Id, number: Type.Integer(), title: Type.String(), fileName: Type.String(), mimeType: Type.String(), size: Type.Integer() });
const ProposalOut = Type.Object({ position: Type.Integer(), kind: Type.String(), text: Type.String(), proposerPersonId: Nullable(Id), partyId: Nullable(Id) });
export const WorkspaceMeetingOut = Type.Object({
  ...meetingFields,
  items: Type.Array(Type.Object({
    id: Id, position: Type.Integer(), itemNumber: Type.String(), title: Type.String(), publicTitle: Type.String(), caseFileId: Nullable(Id), presentationEntryId: Nullable(Id),
    late: Type.Boolean(), closed: Type.Boolean(), closedLegalBasis: Nullable(Type.String()), decisionText: Nullable(Type.String()),
    documents: Type.Array(DocumentOut), proposals: Type.Array(ProposalOut), notes: Type.Array(NoteOut),
  })),
  myAttendance: Nullable(Type.Object({ personId: Id, status: Type.String(), reportedAt: Nullable(Type.String()), substituteFor: Nullable(Id) })),
  substituteCalls: Type.Array(CallOut),
  myPersonIds: Type.Array(Id),
  canReportAbsence: Type.Boolean(),
});
export const AbsenceOut = Type.Object({ attendance: Type.Object({ personId: Id, status: Type.String(), reportedAt: Type.String() }), substituteCall: Nullable(CallOut) });
export const list = <T extends TSchema>(t: T) => Type.Object({ items: Type.Array(t) });
