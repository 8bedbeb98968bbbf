// SPDX-License-Identifier: EUPL-1.2
// Transparency statistics per municipality (issue 7 §3): entries published per month (the public
// projection), and access requests received, the share answered within the deadline and the median
// answer time (public_access_request_statistics, an aggregate of counts that a trigger on
// access_requests keeps; migration 0015). All read under withPublic: radhus_public reads no
// access-request table.
import { Type } from 'typebox';
import { createElement } from 'react';
import type { AppContext } from '../platform/context.ts';
import { withPublic } from '../platform/db/transaction.ts';
import type { App } from '../platform/http/app.ts';
import { notFound } from '../platform/http/problem.ts';
import { refuseHostileAddress, sendPage } from './http.ts';
import { pageLanguage } from './i18n.ts';
import type { FrameFor } from './journal-routes.ts';
import { StatisticsPage } from './pages/StatisticsPage.tsx';
import { accessRequestsPerMonth, findMunicipality, publishedPerMonth, type PublicMunicipality } from './repository.ts';

/** The months shown: two years is enough to see a trend, and keeps the charts readable. */
export const STATISTICS_MONTHS = 24;

export interface MonthFigures {
  month: string;
  published: number;
  received: number;
  answered: number;
  answeredInTime: number;
  /** answeredInTime / answered, or null when nothing was answered that month. */
  shareInTime: number | null;
  medianHours: number | null;
}

export async function transparencyStatistics(ctx: AppContext, municipality: PublicMunicipality): Promise<MonthFigures[]> {
  const now = ctx.clock.now();
  const { published, requests } = await withPublic(ctx.db, async (tx) => ({
    published: await publishedPerMonth(tx, municipality.id, now),
    requests: (await accessRequestsPerMonth(tx, municipality.id)).map((r) => ({
      month: r.month,
      received: r.received,
      answered: r.answered,
      answeredInTime: r.answered_in_time,
      shareInTime: r.answered ? r.answered_in_time / r.answered : null,
      medianHours: r.median_seconds === null ? null : Math.round((Number(r.median_seconds) / 3600) * 10) / 10,
    })),
  }));
  const months = [...new Set([...published.map((p) => p.month), ...requests.map((r) => r.month)])].sort().slice(-STATISTICS_MONTHS);
  return months.map((month) => {
    const p = published.find((row) => row.month === month);
    const r = requests.find((row) => row.month === month);
    return {
      month,
      published: p?.count ?? 0,
      received: r?.received ?? 0,
      answered: r?.answered ?? 0,
      answeredInTime: r?.answeredInTime ?? 0,
      shareInTime: r?.shareInTime ?? null,
      medianHours: r?.medianHours ?? null,
    };
  });
}

const MonthOut = Type.Object({
  month: Type.String({ description: 'YYYY-MM' }),
  published: Type.Integer({ description: 'entries published in the public journal (by journal date)' }),
  received: Type.Integer({ description: 'access requests received' }),
  answered: Type.Integer(),
  answeredInTime: Type.Integer({ description: 'answered by their deadline' }),
  shareInTime: Type.Union([Type.Number(), Type.Null()], { description: 'answeredInTime / answered' }),
  medianHours: Type.Union([Type.Number(), Type.Null()], { description: 'median time from receipt to answer' }),
});

export function registerStatistics(app: App, ctx: AppContext, frameFor: FrameFor, secureCookies: boolean): void {
  const SLUG = /^[a-z][a-z0-9-]{1,39}$/;
  const municipalityOf = async (slug: string) => {
    const found = SLUG.test(slug) ? await withPublic(ctx.db, (tx) => findMunicipality(tx, slug)) : undefined;
    if (!found) throw notFound(`the municipality "${slug}"`);
    return found;
  };

  app.get(
    '/api/v1/:tenant/transparency-statistics',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getTransparencyStatistics',
        tags: ['public journal'],
        summary: 'Transparency statistics: entries published, access requests received and answered in time, median answer time, per month',
        security: [],
        params: Type.Object({ tenant: Type.String() }),
        response: { 200: Type.Object({ months: Type.Array(MonthOut) }) },
      },
    },
    async (request) => ({ months: await transparencyStatistics(ctx, await municipalityOf((request.params as { tenant: string }).tenant)) }),
  );

  app.get('/:municipality/statistikk', { schema: { hide: true }, config: { authentication: false, access: 'public' as const } }, async (request, reply) => {
    refuseHostileAddress(request);
    const municipality = await municipalityOf((request.params as { municipality: string }).municipality);
    const months = await transparencyStatistics(ctx, municipality);
    const { language, remember } = pageLanguage(request, municipality.language);
    const frame = await frameFor(`/${municipality.slug}/statistikk`, language);
    return sendPage(request, reply, createElement(StatisticsPage, { frame, municipality, months }), { remember, secureCookies });
  });
}
