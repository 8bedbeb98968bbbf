// SPDX-License-Identifier: EUPL-1.2
// TypeBox schemas of the questions API. Request bodies refuse unknown fields; the service checks
// what a schema cannot (the recipient exists here, the text is not blank).
import { Type, type TSchema } from 'typebox';
import { languageSchema } from '../platform/http/auth.ts';

const Id = Type.String({ format: 'uuid' });
const S = Type.String();
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const strict = { additionalProperties: false } as const;
const Status = Type.Union([Type.Literal('open'), Type.Literal('answered'), Type.Literal('withdrawn'), Type.Literal('rejected')]);

export const TenantParams = Type.Object({ tenant: S });
export const QuestionParams = Type.Object({ tenant: S, questionId: Id });

const askFields = {
  text: Type.String({ maxLength: 5000, examples: ['Når blir gang- og sykkelveien langs Storgata ferdig?'] }),
  askerName: Type.String({ maxLength: 120, description: 'the name shown with the question; the login is never shown', examples: ['Kari N.'] }),
  language: Type.Optional(languageSchema),
};
/** To a politician (personId) or to a party group (partyId): exactly one of them. */
export const AskBody = Type.Union([
  Type.Object({ personId: Type.String({ maxLength: 36, description: 'the council person asked' }), ...askFields }, strict),
  Type.Object({ partyId: Type.String({ maxLength: 36, description: 'the party group asked' }), ...askFields }, strict),
  // `type` too: an object either way, for the OpenAPI readers (and the conformance walk) that look at it.
], { type: 'object' });
export const AnswerBody = Type.Object({ text: Type.String({ maxLength: 5000 }) }, strict);
export const RejectBody = Type.Object({ reason: Type.String({ maxLength: 1000, description: 'shown publicly with the question' }) }, strict);

export const ListQuery = Type.Object({
  person: Type.Optional(Id),
  party: Type.Optional(Id),
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('answered'), Type.Literal('rejected')])),
  cursor: Type.Optional(Type.String({ maxLength: 300, description: 'nextCursor of the previous page of the same list' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

const Recipient = Type.Object({
  kind: Type.Union([Type.Literal('person'), Type.Literal('party')]),
  id: Id,
  name: S,
  party: Nullable(Type.Object({ id: Id, code: S, name: S })),
});
export const QuestionOut = Type.Object({
  id: Id,
  askerName: S,
  to: Recipient,
  text: S,
  status: Status,
  rejectedReason: Nullable(S),
  answer: Nullable(Type.Object({ text: S, by: Nullable(Type.Object({ id: Id, name: S })), answeredAt: S })),
  askedAt: S,
  ageInDays: Nullable(Type.Integer({ description: 'days since it was asked, while unanswered' })),
});
export const QuestionList = Type.Object({ items: Type.Array(QuestionOut), nextCursor: Nullable(S) });
export const RecipientsOut = Type.Object({
  persons: Type.Array(Type.Object({ id: Id, name: S, party: Nullable(Type.Object({ id: Id, code: S, name: S })) })),
  parties: Type.Array(Type.Object({ id: Id, code: S, name: S })),
});
