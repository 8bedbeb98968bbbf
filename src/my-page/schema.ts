// SPDX-License-Identifier: EUPL-1.2
// One TypeBox schema per request and response of My page: the person's cases, messages and
// properties, and the case officer's message to a party.
import { Type, type Static } from 'typebox';

const Id = Type.String({ format: 'uuid' });
const Text = (max: number, extra: object = {}) => Type.String({ maxLength: max, ...extra });
const Day = Type.String({ format: 'date' });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const TenantOnly = Type.Object({ tenant: Type.String() });
export const TenantAndId = Type.Object({ tenant: Type.String(), id: Id });

/** A file sent inside JSON: its bytes in base64; the type is read from the bytes, never from the name. */
export const FileIn = Type.Object(
  {
    fileName: Text(255, { minLength: 1 }),
    content: Type.String({ minLength: 1, maxLength: 14_000_000, contentEncoding: 'base64', description: 'the file in base64 (PDF, PNG, JPEG, TIFF, ODT or DOCX; at most 10 MB)', examples: ['JVBERi0xLjcKJSB3YWxrCiUlRU9GCg=='] }),
  },
  { additionalProperties: false },
);
export type FileIn = Static<typeof FileIn>;

export const AddDocumentsBody = Type.Object(
  {
    title: Type.Optional(Text(300, { minLength: 1, description: 'what the documents are; by default "Ettersendte dokumenter"' })),
    files: Type.Array(FileIn, { minItems: 1, maxItems: 5 }),
  },
  { additionalProperties: false },
);
export type AddDocumentsBody = Static<typeof AddDocumentsBody>;

export const SendMessageBody = Type.Object(
  {
    subject: Text(300, { minLength: 1 }),
    text: Text(20000, { minLength: 1 }),
    recipientIdentityNumber: Type.Optional(Text(20, { minLength: 1, description: 'which party of the case; needed only when the case has several persons with identity numbers' })),
    attachments: Type.Optional(Type.Array(FileIn, { maxItems: 5 })),
  },
  { additionalProperties: false },
);
export type SendMessageBody = Static<typeof SendMessageBody>;

const Expected = Type.Object({
  basis: Type.Union([Type.Literal('history'), Type.Literal('stated'), Type.Literal('decided')], { description: 'history: from this municipality’s finished cases of the same class; stated: the stated processing time (too few finished cases); decided: the case is finished' }),
  finishedCases: Type.Integer({ description: 'finished cases of the same class the figures come from' }),
  medianDays: Type.Union([Type.Number(), Type.Null()]),
  p80Days: Type.Union([Type.Number(), Type.Null()]),
  from: Nullable(Day),
  to: Nullable(Day),
});

const CaseSummary = Type.Object({
  id: Id,
  caseNumber: Type.String(),
  title: Type.String({ description: 'the public title when the case is screened' }),
  status: Type.String(),
  open: Type.Boolean(),
  caseDate: Day,
  closedAt: Nullable(DateTime),
  className: Nullable(Type.String()),
  responsibleUnit: Nullable(Type.String()),
  lastActivityAt: Nullable(DateTime),
  expectedDecision: Expected,
});

export const MyCasesOut = Type.Object({ items: Type.Array(CaseSummary) });

const DocumentOut = Type.Object({ id: Id, documentNumber: Type.Integer(), title: Type.String(), fileName: Type.String(), mimeType: Type.String(), size: Type.Integer(), url: Type.String({ description: 'downloadMyDocument' }) });

export const MyCaseOut = Type.Object({
    ...CaseSummary.properties,
    timeline: Type.Array(
      Type.Object({
        id: Id,
        documentNumber: Type.String(),
        type: Type.Union([Type.Literal('incoming'), Type.Literal('outgoing')]),
        title: Type.String(),
        date: Day,
        mine: Type.Boolean({ description: 'you sent or received it' }),
        screened: Type.Boolean({ description: 'screened from you: the public title only, without documents' }),
        messageId: Nullable(Id),
        documents: Type.Array(DocumentOut),
      }),
    ),
    messages: Type.Array(Type.Object({ id: Id, subject: Type.String(), sentAt: DateTime, readAt: Nullable(DateTime) })),
    canAddDocuments: Type.Boolean(),
});

export const AddedDocumentsOut = Type.Object({ registryEntryId: Id, documentNumber: Type.String(), documents: Type.Array(Type.Object({ id: Id, fileName: Type.String(), mimeType: Type.String(), size: Type.Integer(), checksum: Type.String() })) });

export const SentMessageOut = Type.Object({ id: Id, registryEntryId: Id, documentNumber: Type.String(), recipientName: Type.String(), notified: Type.Boolean({ description: 'an e-mail notice was sent (the person has an address on the case or a verified one from login)' }) });

const MessageSummary = Type.Object({ id: Id, caseFileId: Id, caseNumber: Type.String(), subject: Type.String(), sentAt: DateTime, readAt: Nullable(DateTime) });
export const MyMessagesOut = Type.Object({ items: Type.Array(MessageSummary), unread: Type.Integer() });
export const MyMessageOut = Type.Object({ ...MessageSummary.properties, text: Type.String(), documents: Type.Array(DocumentOut) });

const PropertySummary = Type.Object({ id: Id, matrikkel: Type.String({ description: 'kommunenummer-gnr/bnr/fnr/snr' }), gnr: Type.Integer(), bnr: Type.Integer(), fnr: Type.Integer(), snr: Type.Integer(), address: Nullable(Type.String()) });
export const MyPropertiesOut = Type.Object({ items: Type.Array(PropertySummary) });
export const MyPropertyOut = Type.Object({
    ...PropertySummary.properties,
    owners: Type.Array(Type.Object({ name: Type.String(), you: Type.Boolean() })),
    services: Type.Array(Type.Object({ service: Type.Union([Type.Literal('water'), Type.Literal('sewage'), Type.Literal('waste')]), description: Nullable(Type.String()), nextPickups: Type.Array(Day) })),
    fees: Type.Array(
      Type.Object({
        kind: Type.Union([Type.Literal('fee'), Type.Literal('invoice')]),
        description: Type.String(),
        amount: Type.Number(),
        currency: Type.String(),
        dueDate: Nullable(Day),
        invoiceNumber: Nullable(Type.String()),
        status: Nullable(Type.String()),
      }),
    ),
    buildingCases: Type.Array(Type.Object({ id: Id, caseNumber: Type.String(), publicTitle: Type.String(), status: Type.String(), caseDate: Day, mine: Type.Boolean({ description: 'you are a party: open it with getMyCase' }) })),
    buildingCasesMatchedBy: Type.String({ description: 'how cases were tied to the property' }),
});

export const MyAccessRequestsOut = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Id,
      orderId: Id,
      kind: Type.Union([Type.Literal('request'), Type.Literal('appeal')]),
      status: Type.Union([Type.Literal('unconfirmed'), Type.Literal('received'), Type.Literal('in-progress'), Type.Literal('decided')]),
      outcome: Type.Union([Type.Literal('granted'), Type.Literal('partly-granted'), Type.Literal('refused'), Type.Null()]),
      unitName: Nullable(Type.String()),
      entries: Type.Integer({ description: 'how many registry entries it asks for' }),
      createdAt: DateTime,
      receivedAt: Nullable(DateTime),
      deadline: Nullable(Type.String({ format: 'date', description: 'the last day to answer, once received' })),
      decidedAt: Nullable(DateTime),
      statusUrl: Type.String({ description: 'the page where the request is followed (getAccessRequest)' }),
    }),
  ),
});
