// SPDX-License-Identifier: EUPL-1.2
// Requests and answers of the public journal's JSON API and of the publication policy.
import { Type, type Static } from 'typebox';
import { entryTypes, MAX_DELAY_WORKING_DAYS } from './policy.ts';
import { MAX_LIMIT, DEFAULT_LIMIT } from './service.ts';

const literals = (values: readonly string[]) => values.map((v) => Type.Literal(v));
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 500, description: 'words in any order; "an exact phrase" in double quotes; -word excludes; or' })),
    fromDate: Type.Optional(Type.String({ maxLength: 10, description: 'journal date from, YYYY-MM-DD' })),
    toDate: Type.Optional(Type.String({ maxLength: 10, description: 'journal date to (inclusive), YYYY-MM-DD' })),
    entryType: Type.Optional(Type.Union(literals(entryTypes))),
    unit: Type.Optional(Type.String({ maxLength: 200, description: 'the responsible unit by name' })),
    caseNumber: Type.Optional(Type.String({ maxLength: 20, pattern: '^\\d{4}/\\d{1,9}$', description: 'e.g. 2026/123' })),
    correspondent: Type.Optional(Type.String({ maxLength: 200, description: 'a party by name (personal names for 12 months after publication)' })),
    gnr: Type.Optional(Type.Integer({ minimum: 0, maximum: 99999, description: 'gårdsnummer, where recorded' })),
    bnr: Type.Optional(Type.Integer({ minimum: 0, maximum: 99999, description: 'bruksnummer, where recorded' })),
    cursor: Type.Optional(Type.String({ maxLength: 400, description: 'nextCursor of the previous page of the same search' })),
    limit: Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

const Correspondent = Type.Object({ name: Type.String({ description: '***** when screened' }), role: Type.String() });

const entryProperties = {
  id: Type.String({ format: 'uuid' }),
  tenant: Type.Object({ slug: Type.String(), name: Type.String() }),
  registryNumber: Type.String(),
  documentNumber: Type.String(),
  caseNumber: Type.String(),
  caseTitle: Type.String({ description: 'the case\'s public title (screened words *****)' }),
  title: Type.String({ description: 'the entry\'s public title (screened words *****)' }),
  entryType: Type.String(),
  documentDate: NullableString,
  journalDate: Type.String(),
  responsibleUnit: NullableString,
  classCode: NullableString,
  correspondents: Type.Array(Correspondent),
  publishedAt: Type.String({ format: 'date-time', description: 'when it appeared in the public journal' }),
};
export const PublicJournalEntryOut = Type.Object(entryProperties);

export const PublicJournalDocumentOut = Type.Object({
  documentNumber: Type.Integer(),
  relation: Type.String(),
  title: Type.String(),
  publishedInFull: Type.Boolean(),
  fileName: NullableString,
  mimeType: NullableString,
  size: Type.Union([Type.Integer(), Type.Null()]),
});

export const PublicJournalEntryDetailsOut = Type.Object({ ...entryProperties, documents: Type.Array(PublicJournalDocumentOut) });

export const SearchResultOut = Type.Object({
  items: Type.Array(PublicJournalEntryOut),
  total: Type.Integer({ description: 'entries matching in all pages; when totalIsLowerBound, more than this many (the count stops at the installation\'s limit, 10 000 by default)' }),
  totalIsLowerBound: Type.Boolean({ description: 'true when more entries match than `total`: the count stopped at its limit' }),
  nextCursor: NullableString,
});

export const PolicyBody = Type.Object(
  {
    delayWorkingDays: Type.Integer({ minimum: 0, maximum: MAX_DELAY_WORKING_DAYS, description: 'working days between publication and appearing in the public journal' }),
    excludedClassCodes: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 200, description: 'classes never listed' }),
    excludedUnitIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 200, description: 'units never listed' }),
    excludedEntryTypes: Type.Array(Type.Union(literals(entryTypes)), { maxItems: 5, description: 'entry types never listed' }),
  },
  { additionalProperties: false },
);
export type PolicyBody = Static<typeof PolicyBody>;

export const PolicyOut = Type.Object({
  delayWorkingDays: Type.Integer(),
  excludedClassCodes: Type.Array(Type.String()),
  excludedUnitIds: Type.Array(Type.String()),
  excludedEntryTypes: Type.Array(Type.String()),
  updatedAt: NullableString,
  updatedBy: NullableString,
});
