// SPDX-License-Identifier: EUPL-1.2
// The deposit jobs' API shapes: what an archivist starts, and the job they watch and read.
import { Type } from 'typebox';
import { languages } from '../../common/languages.ts';

export const TenantOnly = Type.Object({ tenant: Type.String() });
export const TenantAndId = Type.Object({ tenant: Type.String(), id: Type.String({ format: 'uuid' }) });

export const StartExportBody = Type.Object(
  {
    format: Type.Union([Type.Literal('noark5'), Type.Literal('fgs')], { description: 'noark5: a Noark 5 v5.5 avleveringspakke; fgs: an E-ARK SIP after FGS Paketstruktur 2.0' }),
    seriesId: Type.Optional(Type.String({ format: 'uuid', description: 'The series (arkivdel) to export; left out: every series' })),
  },
  { additionalProperties: false },
);

export const StartVerificationBody = Type.Object(
  { exportJobId: Type.String({ format: 'uuid', description: 'The finished Noark 5 export whose package is checked' }) },
  { additionalProperties: false },
);

export const LanguageQuery = Type.Object(
  { lang: Type.Optional(Type.Union(languages.map((l) => Type.Literal(l)), { description: 'Language of the report texts (default: the municipality\'s)' })) },
  { additionalProperties: false },
);

export const ListQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) }, { additionalProperties: false });

const Finding = Type.Object({
  text: Type.String(),
  file: Type.Optional(Type.String()),
  element: Type.Optional(Type.String()),
  line: Type.Optional(Type.Integer()),
  systemId: Type.Optional(Type.String()),
});

export const ReportOut = Type.Object({
  version: Type.Union([Type.String(), Type.Null()]),
  passed: Type.Boolean(),
  checks: Type.Array(
    Type.Object({
      id: Type.String({ description: "Arkade's check id (N5.02) or ours (RH.01)" }),
      title: Type.String(),
      status: Type.Union([Type.Literal('passed'), Type.Literal('failed'), Type.Literal('deviation'), Type.Literal('not-applicable'), Type.Literal('not-run')]),
      statusText: Type.String(),
      findings: Type.Array(Finding),
      facts: Type.Array(Finding),
      omitted: Type.Integer(),
    }),
  ),
});

export const DepositJobOut = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Union([Type.Literal('export'), Type.Literal('verification')]),
  format: Type.Union([Type.Literal('noark5'), Type.Literal('fgs')]),
  seriesId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  exportJobId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  state: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  progress: Type.Object({
    phase: Type.Union([Type.String(), Type.Null()]),
    done: Type.Integer(),
    total: Type.Integer({ description: '0 when not known in advance' }),
    rate: Type.Number({ description: 'units per second in the current phase' }),
  }),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  /** An export's counts (what the package holds). */
  counts: Type.Union([Type.Record(Type.String(), Type.Union([Type.Number(), Type.Boolean()])), Type.Null()]),
  warnings: Type.Array(Type.String()),
  /** A finished export: the tar of its package. */
  downloadUrl: Type.Union([Type.String(), Type.Null()]),
  /** A finished verification: the report per check. */
  passed: Type.Union([Type.Boolean(), Type.Null()]),
  report: Type.Union([ReportOut, Type.Null()]),
});

export const DepositJobList = Type.Object({ items: Type.Array(DepositJobOut) });
