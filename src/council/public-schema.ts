// SPDX-License-Identifier: EUPL-1.2
// Schemas of the council's public read API (listMeetings, getMeeting, getAgendaItemDecision).
import { Type, type TSchema } from 'typebox';

const Id = Type.String({ format: 'uuid' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const S = Type.String();

export const PublicMeetingsQuery = Type.Object({
  body: Type.Optional(Id),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  cursor: Type.Optional(Type.String({ maxLength: 300, description: 'nextCursor of the previous page of the same list' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export const PublicTenantParams = Type.Object({ tenant: S });
export const PublicMeetingParams = Type.Object({ tenant: S, meetingId: Id });
export const PublicItemParams = Type.Object({ tenant: S, itemId: Id });

const BodyRef = Type.Object({ id: Id, code: S, kind: S, name: S, shortName: Nullable(S) });
const summary = {
  id: Id, body: Nullable(BodyRef), startsAt: S, endsAt: Nullable(S), location: Nullable(S), status: S, open: Type.Boolean(),
  agendaPublishedAt: Nullable(S), minutesPublishedAt: Nullable(S), liveStreamUrl: Nullable(S), recordingUrl: Nullable(S), updatedAt: S,
};
export const PublicMeetingList = Type.Object({ items: Type.Array(Type.Object(summary)), nextCursor: Nullable(S) });
const Document = Type.Object({ documentNumber: Type.Integer(), relation: S, title: S, publishedInFull: Type.Boolean(), fileName: Nullable(S), mimeType: Nullable(S), size: Nullable(Type.Number()) });
export const PublicMeetingOut = Type.Object({
  ...summary,
  items: Type.Array(Type.Object({
    id: Id, position: Type.Integer(), itemNumber: S, title: S, caseFileId: Nullable(Id), caseNumber: Nullable(S), late: Type.Boolean(), closed: Type.Boolean(),
    closedLegalBasis: Nullable(S), decisionText: Nullable(S), decidedAt: Nullable(S), presentationEntryId: Nullable(Id), presentationUrl: Nullable(S),
    documents: Type.Array(Document), videoOffsetSeconds: Nullable(Type.Integer()), hasTranscript: Type.Boolean(),
  })),
  minutes: Nullable(Type.Object({ entryId: Id, url: Nullable(S), publishedAt: Nullable(S), documents: Type.Array(Document) })),
  notices: Type.Array(Type.Object({ kind: S, title: S, postedOn: S, appealClosesOn: Nullable(S), removedOn: Nullable(S) })),
  noticePostedOn: Nullable(S), appealClosesOn: Nullable(S),
});
const PartyRef = Nullable(Type.Object({ id: Id, code: S, name: S }));
const PersonRef = Nullable(Type.Object({ id: Id, name: S }));
export const PublicDecisionOut = Type.Object({
  itemId: Id, meetingId: Id, itemNumber: S, title: S, caseNumber: Nullable(S), closed: Type.Boolean(), closedLegalBasis: Nullable(S), decisionText: Nullable(S), decidedAt: Nullable(S),
  proposals: Type.Array(Type.Object({ position: Type.Integer(), kind: S, text: S, proposer: PersonRef, party: PartyRef })),
  votes: Type.Array(Type.Object({
    position: Type.Integer(), subject: S, method: S, outcome: Nullable(S),
    counts: Type.Array(Type.Object({ option: S, label: S, count: Type.Integer() })),
    parties: Type.Array(Type.Object({ party: PartyRef, option: S, count: Type.Integer() })),
    members: Type.Array(Type.Object({ person: PersonRef, party: PartyRef, option: S }), { description: 'each member’s vote; never for a secret ballot' }),
  })),
  disqualifications: Type.Array(Type.Object({ person: PersonRef, reason: S })),
  reservations: Type.Array(Type.Object({ person: PersonRef, party: PartyRef, text: Nullable(S) })),
});
