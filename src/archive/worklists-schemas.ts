// SPDX-License-Identifier: EUPL-1.2
// Requests and answers of the work lists (worklists.ts), one TypeBox schema each.
import { Type, type Static } from 'typebox';
import { caseSorts, entrySorts, workStatuses } from './worklists.ts';

const Id = Type.String({ format: 'uuid' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const literals = (values: readonly string[]) => values.map((v) => Type.Literal(v));

const paging = {
  cursor: Type.Optional(Type.String({ maxLength: 100, description: 'nextCursor of the previous page' })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  order: Type.Union(literals(['asc', 'desc']), { default: 'asc' }),
};
const scope = {
  mine: Type.Optional(Type.Boolean({ description: 'only what I am responsible for (or created, when no officer is named)' })),
  unitId: Type.Optional(Type.String({ format: 'uuid', description: 'only what this administrative unit is responsible for' })),
  myUnits: Type.Optional(Type.Boolean({ description: 'only what one of the units I am a member of is responsible for (none when I am in no unit)' })),
};

export const WorkCasesQuery = Type.Object(
  {
    ...scope,
    status: Type.Union(literals(workStatuses), { default: 'open', description: 'open = in progress or closed by the officer' }),
    sort: Type.Union(literals(caseSorts), { default: 'caseNumber' }),
    ...paging,
  },
  { additionalProperties: false },
);
export type WorkCasesQuery = Static<typeof WorkCasesQuery>;

export const PendingFollowUpsQuery = Type.Object(
  {
    ...scope,
    overdue: Type.Optional(Type.Boolean({ description: 'only those whose due date is before today in the municipality' })),
    sort: Type.Union(literals(entrySorts), { default: 'dueDate' }),
    ...paging,
  },
  { additionalProperties: false },
);
export type PendingFollowUpsQuery = Static<typeof PendingFollowUpsQuery>;

export const WorkCase = Type.Object({
  id: Id,
  caseNumber: Type.String({ description: 'saksår/sakssekvensnummer, e.g. 2026/12' }),
  title: Type.String(),
  status: Type.String(),
  caseDate: Type.String(),
  responsibleUnit: Nullable(Type.String()),
  responsibleOfficer: Nullable(Type.String()),
  pendingFollowUps: Type.Integer({ description: 'letters of the case awaiting follow-up' }),
  overdueFollowUps: Type.Integer(),
  nextDueDate: Nullable(Type.String({ description: 'the earliest due date of those letters' })),
});

export const PendingFollowUp = Type.Object({
  id: Id,
  documentNumber: Type.String({ description: 'registreringsID, e.g. 2026/12-1' }),
  registryNumber: Type.String(),
  caseFileId: Id,
  caseNumber: Type.String(),
  caseTitle: Type.String(),
  type: Type.String(),
  status: Type.String(),
  title: Type.String(),
  journalDate: Type.String(),
  receivedDate: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  overdue: Type.Boolean(),
  correspondents: Nullable(Type.String({ description: 'the parties, comma separated' })),
});

const page = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: 'how many match, on all pages' }),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
    today: Type.String({ description: "today's date in the municipality, which overdue is measured against" }),
  });

export const WorkCasesPage = page(WorkCase);
export const PendingFollowUpsPage = page(PendingFollowUp);

export const WorkOverview = Type.Object({
  myCases: Type.Integer({ description: 'my open cases' }),
  myPendingFollowUps: Type.Integer(),
  myOverdue: Type.Integer(),
  today: Type.String(),
  myUnitCases: Type.Integer({ description: 'open cases of the units I am a member of' }),
  myUnits: Type.Array(Type.Object({ id: Id, code: Type.String(), name: Type.String() }), { description: 'the open units I am a member of' }),
  units: Type.Array(Type.Object({ id: Id, code: Type.String(), name: Type.String() }), { description: 'open administrative units, to pick a unit list from' }),
});
