// SPDX-License-Identifier: EUPL-1.2
// The archivist's deposit API (issue 8 §5): start an export or a verification as a background job,
// watch it, read its report, download the package as a tar. Archivists only: a deposit hands the
// municipality's archive over, and the package holds screened information.
import { existsSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { create as createTar } from 'tar';
import type { App } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/context.ts';
import { withTenant, type Tx } from '../../platform/db/transaction.ts';
import { ProblemError, conflict, notFound } from '../../platform/http/problem.ts';
import { scheduleJob } from '../../platform/jobs/store.ts';
import { newId } from '../../platform/ids.ts';
import type { Role } from '../../platform/http/auth.ts';
import type { Language } from '../../common/languages.ts';
import { listSeries } from '../../archive/service.ts';
import { checkTitle, findingText } from '../verify/render.ts';
import { statusTexts } from '../verify/check-texts.ts';
import type { Finding, VerifyReport } from '../verify/report.ts';
import { DEPOSIT_JOB, packageDir } from './runner.ts';
import * as repo from './repository.ts';
import { DepositJobList, DepositJobOut, LanguageQuery, ListQuery, StartExportBody, StartVerificationBody, TenantAndId, TenantOnly } from './schema.ts';

const tags = ['deposit'];
const archivists: readonly Role[] = ['archivist'];

function inTenant<T>(ctx: AppContext, request: FastifyRequest, work: (tx: Tx, actor: string) => Promise<T>): Promise<T> {
  const tenant = request.tenant;
  const principal = request.principal;
  if (!tenant || !principal) throw new ProblemError('unauthenticated', 'log in, or send "Authorization: Bearer <token>"');
  return withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: principal.kind, id: principal.id, name: principal.name } }, (tx) => work(tx, `${principal.kind}:${principal.id}:${principal.name}`));
}

const presentFinding = (f: Finding, lang: Language) => ({
  text: findingText(f, lang),
  ...(f.file ? { file: f.file } : {}),
  ...(f.element ? { element: f.element } : {}),
  ...(f.line ? { line: f.line } : {}),
  ...(f.systemId ? { systemId: f.systemId } : {}),
});

function presentReport(report: VerifyReport, lang: Language) {
  return {
    version: report.version ?? null,
    passed: report.passed,
    checks: report.checks.map((c) => ({
      id: c.id,
      title: checkTitle(c.id, lang),
      status: c.status,
      statusText: statusTexts[c.status]?.[lang] ?? c.status,
      findings: c.findings.map((f) => presentFinding(f, lang)),
      facts: c.facts.map((f) => presentFinding(f, lang)),
      omitted: c.omitted ?? 0,
    })),
  };
}

function present(slug: string, row: repo.DepositJobRow, lang: Language | undefined) {
  const result = row.result ?? {};
  const isReport = row.kind === 'verification' && row.state === 'done' && Array.isArray((result as { checks?: unknown }).checks);
  return {
    id: row.id,
    kind: row.kind,
    format: row.format,
    seriesId: row.series_id,
    exportJobId: row.source_job_id,
    state: row.state,
    progress: { phase: row.phase, done: Number(row.done_count), total: Number(row.total_count), rate: Number(row.rate) },
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by.split(':').slice(2).join(':') || row.created_by,
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    error: row.error,
    counts: row.kind === 'export' && row.state === 'done' ? ((result as { counts?: Record<string, number | boolean> }).counts ?? null) : null,
    warnings: [...((result as { warnings?: string[] }).warnings ?? []), ...((result as { unconverted?: string[] }).unconverted ?? []).map((u) => `not in an archival format: ${u}`)],
    downloadUrl: row.kind === 'export' && row.state === 'done' ? `/api/v1/${slug}/deposit-jobs/${row.id}/package` : null,
    passed: row.passed,
    report: isReport && lang ? presentReport(result as unknown as VerifyReport, lang) : null,
  };
}

async function requireJob(tx: Tx, id: string): Promise<repo.DepositJobRow> {
  const row = await repo.selectDepositJob(tx, id);
  if (!row) throw notFound(`deposit job ${id}`);
  return row;
}

export async function depositJobRoutes(app: App, ctx: AppContext): Promise<void> {
  const start = async (tx: Tx, request: FastifyRequest, job: Omit<repo.NewDepositJob, 'id' | 'at' | 'by'>, by: string) => {
    const id = newId();
    const at = ctx.clock.now();
    await repo.insertDepositJob(tx, { ...job, id, at, by });
    // The municipality goes with the job: the handler needs its name and number, not a lookup.
    await scheduleJob(tx, { type: DEPOSIT_JOB, runAt: at, payload: { depositJobId: id, tenant: request.tenant! } });
    return requireJob(tx, id);
  };

  app.post(
    '/api/v1/:tenant/deposit-jobs/exports',
    { config: { roles: archivists }, schema: { operationId: 'startDepositExport', tags, summary: 'Start an export of the archive for the depot (Noark 5 or FGS) as a background job', params: TenantOnly, body: StartExportBody, response: { 201: DepositJobOut } } },
    async (request, reply) => {
      const { format, seriesId } = request.body;
      const row = await inTenant(ctx, request, async (tx, by) => {
        if (seriesId && !(await listSeries(tx)).some((s) => s.id === seriesId)) throw notFound(`series ${seriesId}`);
        return start(tx, request, { kind: 'export', format, seriesId: seriesId ?? null, sourceJobId: null }, by);
      });
      return reply.code(201).send(present(request.tenant!.slug, row, undefined));
    },
  );

  app.post(
    '/api/v1/:tenant/deposit-jobs/verifications',
    { config: { roles: archivists }, schema: { operationId: 'startDepositVerification', tags, summary: 'Check a finished Noark 5 export the way Arkade 5 does, as a background job', params: TenantOnly, body: StartVerificationBody, response: { 201: DepositJobOut } } },
    async (request, reply) => {
      const row = await inTenant(ctx, request, async (tx, by) => {
        const source = await requireJob(tx, request.body.exportJobId);
        const field = [{ field: 'exportJobId', code: 'invalid' as const, message: 'must be a finished Noark 5 export' }];
        if (source.kind !== 'export' || source.format !== 'noark5') throw conflict('only a Noark 5 export can be verified', field);
        if (source.state !== 'done') throw conflict(`the export is ${source.state}, not finished`, field);
        return start(tx, request, { kind: 'verification', format: 'noark5', seriesId: source.series_id, sourceJobId: source.id }, by);
      });
      return reply.code(201).send(present(request.tenant!.slug, row, undefined));
    },
  );

  app.get(
    '/api/v1/:tenant/deposit-jobs',
    { config: { roles: archivists }, schema: { operationId: 'listDepositJobs', tags, summary: 'The deposit jobs, newest first (without reports: getDepositJob has them)', params: TenantOnly, querystring: ListQuery, response: { 200: DepositJobList } } },
    async (request) => {
      const rows = await inTenant(ctx, request, (tx) => repo.selectDepositJobs(tx, request.query.limit ?? 20));
      return { items: rows.map((r) => present(request.tenant!.slug, r, undefined)) };
    },
  );

  app.get(
    '/api/v1/:tenant/deposit-jobs/:id',
    { config: { roles: archivists }, schema: { operationId: 'getDepositJob', tags, summary: 'A deposit job: state, progress (counts and rate) and, when done, its counts or report', params: TenantAndId, querystring: LanguageQuery, response: { 200: DepositJobOut } } },
    async (request) => {
      const row = await inTenant(ctx, request, (tx) => requireJob(tx, request.params.id));
      return present(request.tenant!.slug, row, request.query.lang ?? request.tenant!.language);
    },
  );

  app.get(
    '/api/v1/:tenant/deposit-jobs/:id/package',
    {
      config: { roles: archivists },
      // Already a package of (mostly compressed) documents; streamed as it is read.
      compress: false,
      schema: {
        operationId: 'downloadDepositPackage',
        tags,
        summary: 'The package of a finished export as a tar (streamed)',
        params: TenantAndId,
        response: { 200: { description: 'The package folder as a POSIX tar', content: { 'application/x-tar': { schema: Type.String({ format: 'binary' }) } } } },
      },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const row = await inTenant(ctx, request, (tx) => requireJob(tx, request.params.id));
      if (row.kind !== 'export' || row.state !== 'done') throw conflict(row.kind === 'export' ? `the export is ${row.state}, not finished` : 'a verification has no package');
      const dir = packageDir(ctx, tenant.slug, row.id);
      if (!existsSync(dir)) throw conflict('the package is no longer on the server; export again');
      const name = `${tenant.slug}-${row.format}-${row.created_at.toISOString().slice(0, 10)}-${row.id.slice(0, 8)}.tar`;
      const tar = createTar({ cwd: dir, portable: true }, ['.']);
      return reply
        .header('content-type', 'application/x-tar')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(tar as never);
    },
  );
}
