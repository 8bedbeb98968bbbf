// SPDX-License-Identifier: EUPL-1.2
// The case officer's work lists under /api/v1/{tenant}/work-lists: an overview for the start page,
// cases (mine, my unit's) and letters awaiting follow-up, the overdue ones among them.
import { Type } from 'typebox';
import type { App } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Principal } from '../../platform/http/auth.ts';
import type { Role } from '../../platform/http/auth.ts';
import { dateIn, formatDocumentNumber, formatNumber } from '../numbering.ts';
import { listPendingFollowUps, listWorkCases, workOverview, type PendingEntryRow, type WorkCaseRow } from '../worklists.ts';
import { PendingFollowUpsPage, PendingFollowUpsQuery, WorkCasesPage, WorkCasesQuery, WorkOverview } from '../worklists-schemas.ts';
import { inTenant } from './context.ts';
import { unitsOfMember } from '../../units/service.ts';
import type { Tx } from '../../platform/db/transaction.ts';

/** Work lists are a person's: systems have no desk (a token's "mine" is what it created). */
const workers: readonly Role[] = ['case-officer', 'archivist'];
const tags = ['archive'];
const TenantOnly = Type.Object({ tenant: Type.String() });

/** Today in the municipality: a letter due today is not overdue until tomorrow there. */
export const todayIn = (country: 'NO' | 'SE', at: Date): string => dateIn(at, country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo');

const me = (p: Principal | undefined) => p?.id;

/** The ids of the caller's own units when asked for (`myUnits`); a token belongs to none. */
const myUnitIds = async (tx: Tx, p: Principal | undefined, wanted: boolean | undefined): Promise<string[] | undefined> =>
  wanted ? (p?.kind === 'user' ? (await unitsOfMember(tx, p.id)).map((u) => u.id) : []) : undefined;

const presentCase = (r: WorkCaseRow) => ({
  id: r.id,
  caseNumber: formatNumber(r.case_year, r.case_sequence),
  title: r.title,
  status: r.status,
  caseDate: r.case_date,
  responsibleUnit: r.responsible_unit,
  responsibleOfficer: r.responsible_officer,
  pendingFollowUps: Number(r.pending_count),
  overdueFollowUps: Number(r.overdue_count),
  nextDueDate: r.next_due_date,
});

const presentPending = (r: PendingEntryRow, today: string) => ({
  id: r.id,
  documentNumber: formatDocumentNumber(r.case_year, r.case_sequence, r.number_in_case),
  registryNumber: formatNumber(r.entry_year, r.entry_sequence),
  caseFileId: r.case_file_id,
  caseNumber: formatNumber(r.case_year, r.case_sequence),
  caseTitle: r.case_title,
  type: r.type,
  status: r.status,
  title: r.title,
  journalDate: r.journal_date,
  receivedDate: r.received_date,
  dueDate: r.due_date,
  overdue: r.due_date !== null && r.due_date < today,
  correspondents: r.correspondents,
});

export async function worklistRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/:tenant/work-lists',
    { config: { roles: workers }, schema: { operationId: 'getWorkOverview', tags, summary: 'Counts of my work lists, for the start page', params: TenantOnly, response: { 200: WorkOverview } } },
    async (request) => {
      const today = todayIn(request.tenant!.country, ctx.clock.now());
      const overview = await inTenant(ctx, request, async (tx) =>
        workOverview(tx, me(request.principal)!, today, request.principal?.kind === 'user' ? await unitsOfMember(tx, request.principal.id) : []),
      );
      return { ...overview, today };
    },
  );

  app.get(
    '/api/v1/:tenant/work-lists/cases',
    {
      config: { roles: workers },
      schema: {
        operationId: 'listWorkCases',
        tags,
        summary: 'Case files to work on: mine, a unit’s, by status; sortable, with a total count',
        params: TenantOnly,
        querystring: WorkCasesQuery,
        response: { 200: WorkCasesPage },
      },
    },
    async (request) => {
      const q = request.query;
      const today = todayIn(request.tenant!.country, ctx.clock.now());
      const page = await inTenant(ctx, request, async (tx) =>
        listWorkCases(tx, { me: q.mine ? me(request.principal) : undefined, unitId: q.unitId, unitIds: await myUnitIds(tx, request.principal, q.myUnits), status: q.status, sort: q.sort, order: q.order, cursor: q.cursor, limit: q.limit, today }),
      );
      return { items: page.rows.map(presentCase), total: page.total, nextCursor: page.nextCursor, today };
    },
  );

  app.get(
    '/api/v1/:tenant/work-lists/follow-ups',
    {
      config: { roles: workers },
      schema: {
        operationId: 'listPendingFollowUps',
        tags,
        summary: 'Letters awaiting follow-up (restanser), optionally only the overdue ones',
        description: 'Incoming letters and internal notes for follow-up that are neither void nor followed up (avskrevet). `overdue` compares the due date with today in the municipality.',
        params: TenantOnly,
        querystring: PendingFollowUpsQuery,
        response: { 200: PendingFollowUpsPage },
      },
    },
    async (request) => {
      const q = request.query;
      const today = todayIn(request.tenant!.country, ctx.clock.now());
      const page = await inTenant(ctx, request, async (tx) =>
        listPendingFollowUps(tx, { me: q.mine ? me(request.principal) : undefined, unitId: q.unitId, unitIds: await myUnitIds(tx, request.principal, q.myUnits), overdue: q.overdue ?? false, sort: q.sort, order: q.order, cursor: q.cursor, limit: q.limit, today }),
      );
      return { items: page.rows.map((r) => presentPending(r, today)), total: page.total, nextCursor: page.nextCursor, today };
    },
  );
}
