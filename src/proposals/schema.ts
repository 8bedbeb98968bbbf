// SPDX-License-Identifier: EUPL-1.2
// TypeBox schemas of the proposals API. Request bodies refuse unknown fields; the service checks
// what a schema cannot (identity numbers' checksums, duplicates, the proposal's state).
import { Type, type TSchema } from 'typebox';

const Id = Type.String({ format: 'uuid' });
const S = Type.String();
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const strict = { additionalProperties: false } as const;
export const Status = Type.Union([Type.Literal('open'), Type.Literal('reached'), Type.Literal('on-agenda'), Type.Literal('decided'), Type.Literal('lapsed'), Type.Literal('withdrawn')]);
const Email = Type.String({ maxLength: 254, description: 'to be told when the proposal reaches its threshold, is on an agenda and is decided' });

export const TenantOnly = Type.Object({ tenant: S });
export const ProposalParams = Type.Object({ tenant: S, proposalId: Id });
export const ListQuery = Type.Object({
  status: Type.Optional(Status),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'words of the title, text or author' })),
  cursor: Type.Optional(Type.String({ maxLength: 300 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
}, strict);
export const StaffListQuery = Type.Object({ status: Type.Optional(Status) }, strict);

export const CreateBody = Type.Object({
  title: Type.String({ minLength: 3, maxLength: 200 }),
  body: Type.String({ minLength: 10, maxLength: 20000 }),
  notifyEmail: Type.Optional(Email),
}, strict);
export const SignBody = Type.Object({
  notifyEmail: Type.Optional(Email),
  identityNumber: Type.Optional(Type.String({ maxLength: 20, description: 'if given, must be the identity number of the login: nobody signs for someone else' })),
}, strict);
export const PaperBody = Type.Object({
  signatures: Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), identityNumber: Type.String({ maxLength: 20 }) }, strict), { minItems: 1, maxItems: 1000 }),
}, strict);
export const SettingsBody = Type.Object({
  inhabitants: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'Norway: the threshold is 2 % of them, at most 300' }))),
  proposalThreshold: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100_000, description: 'the municipality’s own number (Sweden), overriding the computed one' }))),
  signingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730, description: 'how long a proposal is open for signatures' })),
  proposalBodyId: Type.Optional(Nullable(Id)),
}, { ...strict, minProperties: 1 });

export const PublicProposalOut = Type.Object({
  id: Id, title: S, body: S, authorName: S, status: S, threshold: Type.Integer(), signatureCount: Type.Integer(), progressPercent: Type.Integer(),
  closesAt: DateTime, reachedAt: Nullable(DateTime), bodyId: Nullable(Id), caseFileId: Nullable(Id), caseNumber: Nullable(S),
  caseUrl: Nullable(Type.String({ description: 'the case’s page in the public journal' })), decisionDueOn: Nullable(Type.String({ format: 'date' })),
  meetingId: Nullable(Id), agendaItemId: Nullable(Id), decisionText: Nullable(S), decidedAt: Nullable(DateTime), createdAt: DateTime, updatedAt: DateTime,
});
export const PublicProposalList = Type.Object({ items: Type.Array(PublicProposalOut), nextCursor: Nullable(S) });

export const ProposalOut = Type.Object({
  id: Id, title: S, body: S, authorName: S, status: S, threshold: Type.Integer(), signatureCount: Type.Integer(), progressPercent: Type.Integer(),
  closesAt: DateTime, reachedAt: Nullable(DateTime), bodyId: Nullable(Id), caseFileId: Nullable(Id), caseNumber: Nullable(S), registryEntryId: Nullable(Id),
  decisionDueOn: Nullable(Type.String({ format: 'date' })), agendaItemId: Nullable(Id), decisionText: Nullable(S), decidedAt: Nullable(DateTime),
  mine: Type.Boolean({ description: 'the caller wrote it' }), createdAt: DateTime, updatedAt: DateTime,
});
export const ProposalList = Type.Object({ items: Type.Array(ProposalOut) });
export const MySignatureOut = Type.Object({ proposalId: Id, signed: Type.Boolean(), signedAt: Nullable(DateTime), source: Nullable(S), notifyEmail: Nullable(S), mine: Type.Boolean() });
export const SettingsOut = Type.Object({
  inhabitants: Nullable(Type.Integer()), proposalThreshold: Nullable(Type.Integer()), signingDays: Type.Integer(), proposalBodyId: Nullable(Id),
  threshold: Nullable(Type.Integer({ description: 'the number of signatures a new proposal needs under these settings; null: proposals cannot be created yet' })),
  rule: Type.String({ description: 'how the threshold is found: override, two-percent (Norway, at most 300), or missing' }),
  updatedAt: Nullable(DateTime),
});
