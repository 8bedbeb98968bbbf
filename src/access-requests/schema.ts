// SPDX-License-Identifier: EUPL-1.2
// One TypeBox schema per request and response of the access-request API.
import { Type, type Static } from 'typebox';

const Id = Type.String({ format: 'uuid' });
const Text = (max: number, extra: object = {}) => Type.String({ maxLength: max, ...extra });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Language = Type.Union([Type.Literal('nb'), Type.Literal('nn'), Type.Literal('sv'), Type.Literal('en')]);
const Status = Type.Union([Type.Literal('unconfirmed'), Type.Literal('received'), Type.Literal('in-progress'), Type.Literal('decided')]);
const Outcome = Type.Union([Type.Literal('granted'), Type.Literal('partly-granted'), Type.Literal('refused')]);
/** The requester's secret from their link (?key=…). */
const Key = Text(64, { minLength: 1, description: 'the secret of the requester’s link (…?key=…)' });

export const CreateAccessRequestBody = Type.Object(
  {
    entries: Type.Array(Id, { minItems: 1, maxItems: 50, description: 'registry entries of one or more public journals (their ids)' }),
    email: Type.Optional(Text(254, { description: 'where the confirmation and the answer go; required unless logged in' })),
    name: Type.Optional(Text(200)),
    language: Type.Optional(Language),
  },
  { additionalProperties: false },
);
export type CreateAccessRequestBody = Static<typeof CreateAccessRequestBody>;

export const EntryOut = Type.Object({
  registryEntryId: Id,
  registryNumber: Type.String(),
  documentNumber: Nullable(Type.String()),
  caseNumber: Nullable(Type.String()),
  publicTitle: Type.String({ description: 'as the public journal shows it (screened words as *****)' }),
});

export const FileOut = Type.Object({
  id: Id,
  fileName: Type.String(),
  mimeType: Type.String(),
  size: Type.Integer(),
  variant: Type.Union([Type.Literal('original'), Type.Literal('redacted')]),
  url: Type.String({ description: 'where the requester downloads it' }),
});

export const RequesterRequestOut = Type.Object({
  id: Id,
  municipality: Type.Object({ slug: Type.String(), name: Type.String() }),
  kind: Type.Union([Type.Literal('request'), Type.Literal('appeal')]),
  appealOf: Nullable(Id),
  status: Status,
  receivedAt: Nullable(DateTime),
  deadline: Nullable(Type.String({ format: 'date' })),
  outcome: Type.Union([Outcome, Type.Null()]),
  legalBasis: Nullable(Type.String()),
  explanation: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  canAppeal: Type.Boolean(),
  entries: Type.Array(EntryOut),
  files: Type.Array(FileOut),
});

export const AccessOrderOut = Type.Object({
  id: Id,
  status: Type.Union([Type.Literal('unconfirmed'), Type.Literal('received')], { description: 'unconfirmed until the e-mail address is confirmed' }),
  statusUrl: Type.String({ description: 'the requester’s page for following the request (keep it: it is the key)' }),
  requests: Type.Array(RequesterRequestOut),
});

export const OrderIdParams = Type.Object({ id: Id });
export const KeyQuery = Type.Object({ key: Type.Optional(Key) }, { additionalProperties: false });
export const ConfirmBody = Type.Object({ key: Key, token: Text(64, { minLength: 1, description: 'the token of the confirmation link (…&confirm=…)' }) }, { additionalProperties: false });
export const AppealBody = Type.Object(
  { key: Key, requestId: Id, reason: Text(4000, { minLength: 1, description: 'why the decision should be changed' }) },
  { additionalProperties: false },
);
export const FileParams = Type.Object({ id: Id, fileId: Id });

export const QueueQuery = Type.Object(
  {
    status: Type.Union([Type.Literal('open'), Type.Literal('decided'), Type.Literal('all')], { default: 'open' }),
    myUnits: Type.Optional(Type.Boolean({ description: 'only the requests of the units I am a member of' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Text(100)),
  },
  { additionalProperties: false },
);

export const StaffRequestOut = Type.Object({
  id: Id,
  orderId: Id,
  kind: Type.Union([Type.Literal('request'), Type.Literal('appeal')]),
  appealOf: Nullable(Id),
  appealReason: Nullable(Type.String()),
  source: Type.Union([Type.Literal('web'), Type.Literal('einnsyn')]),
  requesterEmail: Nullable(Type.String()),
  requesterName: Nullable(Type.String()),
  unitId: Nullable(Id),
  unitName: Nullable(Type.String()),
  status: Status,
  receivedAt: Nullable(DateTime),
  deadline: Nullable(Type.String({ format: 'date' })),
  overdue: Type.Boolean(),
  remindedAt: Nullable(DateTime),
  outcome: Type.Union([Outcome, Type.Null()]),
  legalBasis: Nullable(Type.String()),
  explanation: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  caseFileId: Nullable(Id),
  decisionEntryId: Nullable(Id),
  entries: Type.Array(EntryOut),
  files: Type.Array(Type.Object({ id: Id, fileName: Type.String(), mimeType: Type.String(), size: Type.Integer(), variant: Type.String() })),
});

export const QueuePage = Type.Object({ items: Type.Array(StaffRequestOut), total: Type.Integer(), nextCursor: Nullable(Type.String()), today: Type.String({ format: 'date' }) });

export const RedactedCopyIn = Type.Object(
  {
    fileName: Text(255, { minLength: 1 }),
    mimeType: Text(100, { minLength: 1, examples: ['application/pdf'] }),
    content: Type.String({ maxLength: 28_000_000, contentEncoding: 'base64', description: 'the file, base64-encoded' }),
  },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  {
    outcome: Outcome,
    legalBasis: Type.Optional(Text(500, { description: 'required unless access is granted in full, e.g. "Offl. § 13 jf. fvl. § 13 første ledd nr. 1"' })),
    explanation: Type.Optional(Text(4000)),
    redactedCopies: Type.Optional(Type.Array(RedactedCopyIn, { maxItems: 10, description: 'for a partial grant: the redacted copies sent' })),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const SAMPLE_ORDER = `<?xml version="1.0" encoding="UTF-8"?>
<bestilling><id>walk</id><bestillingsdato>2026-03-02</bestillingsdato><til><enhet>Postmottak</enhet></til>
<kontaktinfo><forsendelsesmåte>e-post</forsendelsesmåte><e-post>walk@example.org</e-post></kontaktinfo>
<dokumenter><dokument><saksnr>1999/1</saksnr><dokumentnr>1</dokumentnr><journalnr>1</journalnr></dokument></dokumenter></bestilling>`;

export const ImportBody = Type.Object(
  {
    xml: Type.Optional(Text(2_000_000, { description: 'the order.xml as received from eInnsyn (version 1 or 2)', examples: [SAMPLE_ORDER] })),
    message: Type.Optional(Text(5_000_000, { description: 'or the whole mail (RFC 822) that carried it, as received at the mail-in address' })),
  },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
);

export const ImportReportOut = Type.Object({
  id: Id,
  format: Type.Union([Type.Literal('v1'), Type.Literal('v2')]),
  externalId: Nullable(Type.String()),
  orderId: Nullable(Id),
  requests: Type.Array(Id),
  matched: Type.Integer(),
  unmatched: Type.Integer(),
  lines: Type.Array(
    Type.Object({
      index: Type.Integer(),
      matched: Type.Boolean(),
      caseNumber: Type.Optional(Type.String()),
      numberInCase: Type.Optional(Type.String()),
      registryNumber: Type.Optional(Type.String()),
      systemId: Type.Optional(Type.String()),
      registryEntryId: Type.Optional(Id),
      requestId: Type.Optional(Id),
      reason: Type.Optional(Type.String()),
    }),
  ),
});
