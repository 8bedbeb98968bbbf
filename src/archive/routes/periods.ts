// SPDX-License-Identifier: EUPL-1.2
// Periodisering over HTTP: an archivist closes a series and opens its successor (issue 8 §1).
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/context.ts';
import { closeSeriesPeriod } from '../periods.ts';
import { inTenant } from './context.ts';

const Params = Type.Object({ tenant: Type.String(), id: Type.String() });
const ClosePeriodBody = Type.Object(
  {
    separation: Type.Union([Type.Literal('sharp'), Type.Literal('soft')], { description: 'sharp (skarpt skille): open case files move to the successor; soft (mykt skille): they stay, the series is in overlap until they are closed' }),
    successorTitle: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    periodEnd: Type.Optional(Type.String({ format: 'date', description: 'Last day of the period (arkivperiodeSluttDato), YYYY-MM-DD; default yesterday' })),
  },
  { additionalProperties: false },
);
const SeriesOut = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  status: Type.String(),
  periodStart: Type.String(),
  periodEnd: Type.Union([Type.String(), Type.Null()]),
});
const ClosePeriodOut = Type.Object({
  closed: SeriesOut,
  successor: Type.Union([SeriesOut, Type.Null()]),
  movedCaseFiles: Type.Integer(),
  openCaseFiles: Type.Integer(),
});

export async function periodRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post(
    '/api/v1/:tenant/series/:id/close-period',
    {
      config: { roles: ['archivist'] },
      schema: {
        operationId: 'closeSeriesPeriod',
        tags: ['archive'],
        summary: 'Close a series (arkivdel) and open its successor (periodisering); again on a series in overlap to close it for good',
        params: Params,
        body: ClosePeriodBody,
        response: { 200: ClosePeriodOut },
      },
    },
    async (request) => {
      const result = await inTenant(ctx, request, (tx, c) => closeSeriesPeriod(tx, c, request.params.id, request.body));
      const out = (s: NonNullable<typeof result.successor>) => ({ id: s.id, title: s.title, status: s.status, periodStart: s.period_start, periodEnd: s.period_end });
      return { closed: out(result.closed), successor: result.successor && out(result.successor), movedCaseFiles: result.movedCaseFiles.length, openCaseFiles: result.openCaseFiles };
    },
  );
}
