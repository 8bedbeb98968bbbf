// SPDX-License-Identifier: EUPL-1.2
// TypeBox schemas of the consultations API: the officer's (open, change, publish, lists) and the
// public one (list, read, comment, confirm). Request bodies refuse unknown fields.
import { Type, type TSchema } from 'typebox';

const Id = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const strict = { additionalProperties: false } as const;
export const tags = ['consultations'];

export const TenantOnly = Type.Object({ tenant: Type.String() });
export const ConsultationParams = Type.Object({ tenant: Type.String(), consultationId: Id });

export const OpenBody = Type.Object({
  caseFileId: Id,
  title: Type.String({ minLength: 3, maxLength: 300, examples: ['Høring: ny renovasjonsforskrift'] }),
  description: Type.Optional(Type.String({ maxLength: 20000 })),
  deadline: Type.String({ format: 'date-time', description: 'comments are received until then; must be in the future' }),
  documentEntryIds: Type.Optional(Type.Array(Id, { maxItems: 50, description: 'registry entries of the case: their public documents are the consultation papers' })),
}, strict);
export const UpdateBody = Type.Object({
  title: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })),
  description: Type.Optional(Type.String({ maxLength: 20000 })),
  deadline: Type.Optional(Type.String({ format: 'date-time', description: 'must be in the future (a closed consultation may be reopened)' })),
  documentEntryIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
}, { ...strict, minProperties: 1 });
export const StaffQuery = Type.Object({ caseFileId: Type.Optional(Id) }, strict);

export const StaffConsultationOut = Type.Object({
  id: Id, caseFileId: Id, caseNumber: Nullable(Type.String()), title: Type.String(), description: Type.String(), opensAt: DateTime, deadline: DateTime,
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')], { description: 'closed once the deadline has passed or the case is closed, whichever comes first' }), caseClosedAt: Nullable(DateTime), documentEntryIds: Type.Array(Id), commentsPublishedAt: Nullable(DateTime),
  filedComments: Type.Integer(), unconfirmedComments: Type.Integer(), createdAt: DateTime, updatedAt: DateTime,
});
export const StaffConsultationList = Type.Object({ items: Type.Array(StaffConsultationOut) });
export const StaffCommentOut = Type.Object({
  id: Id, authorName: Type.String(), organisation: Nullable(Type.String()), email: Nullable(Type.String()), loggedIn: Type.Boolean(), text: Type.String(),
  status: Type.Union([Type.Literal('unconfirmed'), Type.Literal('filed'), Type.Literal('expired')]), registryEntryId: Nullable(Id), submittedAt: DateTime, filedAt: Nullable(DateTime),
});
export const StaffCommentList = Type.Object({ items: Type.Array(StaffCommentOut), unconfirmed: Type.Integer() });

export const PublicQuery = Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])) }, strict);
const PublicDocument = Type.Object({ entryId: Id, title: Type.String(), journalUrl: Type.String({ description: 'the entry in the public journal, with its files' }), files: Type.Array(Type.Object({ title: Type.String(), fileName: Nullable(Type.String()) })) });
export const PublicCommentOut = Type.Object({
  id: Id, sender: Nullable(Type.String({ description: 'null where the archive screens it' })), organisation: Nullable(Type.String()),
  text: Nullable(Type.String({ description: 'null while the comment’s document is not public' })), registryEntryId: Nullable(Id), receivedAt: DateTime,
});
const summaryFields = {
  id: Id, caseNumber: Nullable(Type.String()), title: Type.String(), description: Type.String(), opensAt: DateTime, deadline: DateTime,
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')], { description: 'closed once the deadline has passed or the case is closed, whichever comes first' }),
  caseClosedAt: Type.Union([DateTime, Type.Null()], { description: 'when the consultation’s case was closed (no comment can be filed after it); null while the case is open' }),
  commentCount: Type.Integer(), commentsPublishedAt: Nullable(DateTime),
};
export const PublicConsultationSummary = Type.Object(summaryFields);
export const PublicConsultationList = Type.Object({ items: Type.Array(PublicConsultationSummary) });
export const PublicConsultationOut = Type.Object({ ...summaryFields, documents: Type.Array(PublicDocument), comments: Type.Array(PublicCommentOut) });

export const CommentBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 50000 }),
  authorName: Type.Optional(Type.String({ maxLength: 200, description: 'required without login; with a session the logged-in person is the author' })),
  organisation: Type.Optional(Type.String({ maxLength: 200, description: 'on behalf of an organisation' })),
  email: Type.Optional(Type.String({ maxLength: 254, description: 'required without login: the confirmation link is sent there' })),
  language: Type.Optional(Type.Union([Type.Literal('nb'), Type.Literal('nn'), Type.Literal('sv'), Type.Literal('en')])),
}, { ...strict, examples: [{ text: 'Vi støtter forslaget, men ber om henting hver andre uke om sommeren.', authorName: 'Kari Nordmann', organisation: 'Velforeningen', email: 'kari@example.no' }] });
export const CommentOut = Type.Object({
  commentId: Id, status: Type.Union([Type.Literal('filed'), Type.Literal('unconfirmed')]),
  registryNumber: Nullable(Type.String({ description: 'the registry entry it was filed as (null until confirmed)' })),
});
export const ConfirmBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100, description: 'the token of the mailed link (…/bekreft?token=…)' }) }, strict);
export const ConfirmOut = Type.Object({ commentId: Id, consultationId: Id, status: Type.Literal('filed') });
