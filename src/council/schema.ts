// SPDX-License-Identifier: EUPL-1.2
// TypeBox schemas of the council's staff API (roster, meetings, agendas, attendance) and its public
// read API. Request bodies refuse unknown fields; the service checks what a schema cannot.
import { Type, type TSchema } from 'typebox';

const Id = Type.String({ format: 'uuid' });
const Text = (max: number, extra: object = {}) => Type.String({ minLength: 1, maxLength: max, ...extra });
const DateOnly = Type.String({ format: 'date' });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const strict = { additionalProperties: false } as const;
const BodyKind = Type.Union([Type.Literal('council'), Type.Literal('executive'), Type.Literal('committee'), Type.Literal('other')]);
const Role = Type.Union([Type.Literal('leader'), Type.Literal('deputy'), Type.Literal('member'), Type.Literal('substitute')]);
const Url = Text(2000, { description: 'an http(s) address' });

export const TenantOnly = Type.Object({ tenant: Type.String() });
export const BodyParams = Type.Object({ tenant: Type.String(), bodyId: Id });
export const PersonParams = Type.Object({ tenant: Type.String(), personId: Id });
export const MembershipParams = Type.Object({ tenant: Type.String(), membershipId: Id });
export const MeetingParams = Type.Object({ tenant: Type.String(), meetingId: Id });
export const ItemParams = Type.Object({ tenant: Type.String(), itemId: Id });

export const TermBody = Type.Object({ name: Text(100, { examples: ['2027–2031'] }), startsOn: Type.String({ format: 'date', examples: ['2027-10-01'] }), endsOn: Type.String({ format: 'date', examples: ['2031-09-30'] }) }, strict);
export const PartyBody = Type.Object({ code: Text(20, { examples: ['Ap'] }), name: Text(200, { examples: ['Arbeiderpartiet'] }) }, strict);
const personFields = {
  givenName: Text(100), familyName: Text(100),
  partyId: Type.Optional(Nullable(Id)),
  userId: Type.Optional(Nullable(Id)),
  email: Type.Optional(Nullable(Type.String({ maxLength: 254, description: 'checked with the other fields, so every failing one is named at once' }))),
};
export const PersonBody = Type.Object(personFields, strict);
export const PersonPatch = Type.Object({ ...personFields, givenName: Type.Optional(personFields.givenName), familyName: Type.Optional(personFields.familyName) }, { ...strict, minProperties: 1 });
const bodyFields = {
  code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$', examples: ['kommunestyret'] }),
  kind: BodyKind,
  name: Text(200, { examples: ['Kommunestyret'] }),
  shortName: Type.Optional(Nullable(Text(40))),
  publishDaysBefore: Type.Optional(Type.Integer({ minimum: 0, maximum: 60, description: 'Norway: agenda and papers public this many days before the meeting' })),
  adjustersRequired: Type.Optional(Type.Integer({ minimum: 0, maximum: 5, description: 'Sweden: how many adjusters sign the minutes' })),
  unitId: Type.Optional(Nullable(Id)),
};
export const BodyBody = Type.Object(bodyFields, strict);
export const BodyPatch = Type.Object({ ...bodyFields, code: Type.Optional(bodyFields.code), kind: Type.Optional(BodyKind), name: Type.Optional(bodyFields.name) }, { ...strict, minProperties: 1 });
const membershipFields = {
  role: Role,
  partyId: Type.Optional(Nullable(Id)),
  substituteOrder: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100 }))),
  startsOn: Type.Optional(DateOnly),
  endsOn: Type.Optional(Nullable(DateOnly)),
};
export const MembershipBody = Type.Object({ termId: Id, personId: Id, ...membershipFields }, strict);
export const MembershipPatch = Type.Object({ ...membershipFields, role: Type.Optional(Role) }, { ...strict, minProperties: 1 });

export const MeetingBody = Type.Object({ bodyId: Id, startsAt: DateTime, endsAt: Type.Optional(Nullable(DateTime)), location: Type.Optional(Nullable(Text(200))), open: Type.Optional(Type.Boolean()) }, strict);
export const MeetingPatch = Type.Object({
  startsAt: Type.Optional(DateTime), endsAt: Type.Optional(Nullable(DateTime)), location: Type.Optional(Nullable(Text(200))), open: Type.Optional(Type.Boolean()),
  liveStreamUrl: Type.Optional(Nullable(Url)), recordingUrl: Type.Optional(Nullable(Url)),
}, { ...strict, minProperties: 1 });
export const MeetingsQuery = Type.Object({ body: Type.Optional(Id), from: Type.Optional(DateTime), to: Type.Optional(DateTime) });
export const SummonsBody = Type.Object({ late: Type.Optional(Type.Boolean({ description: 'the summons is later than the body’s publication rule allows: publish at once' })) }, strict);
const itemFields = {
  title: Type.Optional(Text(500)),
  itemNumber: Type.Optional(Text(40, { examples: ['PS 12/26'] })),
  presentationEntryId: Type.Optional(Nullable(Id)),
  late: Type.Optional(Type.Boolean()),
  closed: Type.Optional(Type.Boolean()),
  closedLegalBasis: Type.Optional(Nullable(Text(200, { examples: ['kommuneloven § 11-5 andre ledd'] }))),
};
export const ItemBody = Type.Object({ caseFileId: Type.Optional(Nullable(Id)), ...itemFields }, strict);
export const ItemPatch = Type.Object(itemFields, { ...strict, minProperties: 1 });
export const CaseCandidatesQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200, description: 'words of the case’s public title, or a case number like 2026/12' })) }, strict);
export const CaseCandidateOut = Type.Object({
  id: Id, caseNumber: Type.String(), title: Type.String({ description: 'the public (screened) title, as the agenda shows it' }), status: Type.String(), caseDate: Type.String(),
  presentations: Type.Array(Type.Object({ id: Id, registryNumber: Type.String(), title: Type.String(), type: Type.String(), documentDate: Nullable(Type.String()) })),
});
export const CurrentItemBody = Type.Object({ itemId: Nullable(Id) }, strict);
export const AgendaOrderBody = Type.Object({ itemIds: Type.Array(Id, { maxItems: 500, description: 'every item of the meeting, once, in the new order' }) }, strict);
export const AttendanceBody = Type.Object({
  entries: Type.Array(Type.Object({ personId: Id, status: Type.Union([Type.Literal('present'), Type.Literal('absent')]), substituteFor: Type.Optional(Nullable(Id)) }, strict), { maxItems: 200 }),
}, strict);

// --- responses -------------------------------------------------------------------------------
const Any = Type.Object({}, { additionalProperties: true });
export const TermOut = Type.Object({ id: Id, name: Type.String(), startsOn: Type.String(), endsOn: Type.String() });
export const PartyOut = Type.Object({ id: Id, code: Type.String(), name: Type.String() });
export const PersonOut = Type.Object({ id: Id, givenName: Type.String(), familyName: Type.String(), name: Type.String(), partyId: Nullable(Id), userId: Nullable(Id), email: Nullable(Type.String()) });
export const BodyOut = Type.Object({ id: Id, code: Type.String(), kind: Type.String(), name: Type.String(), shortName: Nullable(Type.String()), publishDaysBefore: Type.Integer(), adjustersRequired: Type.Integer(), unitId: Nullable(Id) });
export const MembershipOut = Type.Object({ id: Id, bodyId: Id, termId: Id, personId: Id, role: Type.String(), partyId: Nullable(Id), substituteOrder: Nullable(Type.Integer()), startsOn: Type.String(), endsOn: Nullable(Type.String()) });
export const ItemOut = Type.Object({
  id: Id, meetingId: Id, position: Type.Integer(), itemNumber: Type.String(), title: Type.String(), publicTitle: Type.String(), caseFileId: Nullable(Id),
  presentationEntryId: Nullable(Id), late: Type.Boolean(), closed: Type.Boolean(), closedLegalBasis: Nullable(Type.String()), decisionText: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()), videoOffsetSeconds: Nullable(Type.Integer()), transcriptSha256: Nullable(Type.String({ description: "the WebVTT captions' SHA-256, when uploaded" })),
  proposals: Type.Array(Any), votes: Type.Array(Any), disqualifications: Type.Array(Any), reservations: Type.Array(Any),
});
const meetingFields = {
  id: Id, bodyId: Id, termId: Nullable(Id), startsAt: Type.String(), endsAt: Nullable(Type.String()), location: Nullable(Type.String()), status: Type.String(), open: Type.Boolean(),
  summonedAt: Nullable(Type.String()), agendaPublicFrom: Nullable(Type.String()), liveStreamUrl: Nullable(Type.String()), recordingUrl: Nullable(Type.String()),
  minutesStatus: Type.String(), minutesEntryId: Nullable(Id), noticePostedOn: Nullable(Type.String()), appealClosesOn: Nullable(Type.String()),
  currentItemId: Type.Optional(Nullable(Id)),
};
export const MeetingOut = Type.Object(meetingFields);
export const MeetingDetail = Type.Object({
  ...meetingFields,
  body: BodyOut,
  items: Type.Array(ItemOut),
  attendance: Type.Array(Type.Object({ personId: Id, status: Type.String(), substituteFor: Nullable(Id) })),
  adjusters: Type.Array(Type.Object({ personId: Id, signedAt: Nullable(Type.String()) })),
  actions: Type.Array(Type.String(), { description: 'what the caller may do now: summon, cancel, markHeld, addItem, recordAttendance, …' }),
});
export const SummonsOut = Type.Object({ ...meetingFields, late: Type.Boolean(), publicFrom: Type.String(), message: Type.String() });
export const AttendanceOut = Type.Object({ entries: Type.Array(Type.Object({ personId: Id, status: Type.String(), substituteFor: Nullable(Id) })) });
export const list = <T extends TSchema>(t: T) => Type.Object({ items: Type.Array(t) });
