// SPDX-License-Identifier: EUPL-1.2
// The access-request API. Public: ask (createAccessRequest), confirm the address, follow the
// request (getAccessRequest) and fetch what was sent, appeal. Staff, under /api/v1/{tenant}/:
// the queue, taking a request, deciding it, importing eInnsyn's order.xml.
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import { ProblemError } from '../platform/http/problem.ts';
import type { StagedFile } from '../platform/files/store.ts';
import type { Role } from '../platform/http/auth.ts';
import { dateIn } from '../archive/service.ts';
import { unitsOfMember } from '../units/service.ts';
import { decideAccessRequest } from './decisions.ts';
import { importAccessOrder, orderXmlOfMessage } from './import.ts';
import { statusKey, statusUrl } from './links.ts';
import { listAccessRequests, startAccessRequest, type QueueItem } from './queue.ts';
import { appealAccessRequest, confirmAccessRequest, createAccessRequest, readOrder, readOrderFile, timeZoneOf, type OrderView } from './requests.ts';
import {
  AccessOrderOut, AppealBody, ConfirmBody, CreateAccessRequestBody, DecisionBody, FileParams, ImportBody, ImportReportOut, KeyQuery, OrderIdParams, QueuePage, QueueQuery,
  StaffRequestOut,
} from './schema.ts';
import type { RequestEntryRow } from './repository.ts';

const tags = ['access-requests'];
const officers: readonly Role[] = ['case-officer', 'archivist'];
const importers: readonly Role[] = ['case-officer', 'archivist', 'system'];
const TenantOnly = Type.Object({ tenant: Type.String() });
const TenantAndId = Type.Object({ tenant: Type.String(), id: Type.String({ format: 'uuid' }) });

/** Serves stored files by type from this list only; anything else is bytes to save, never to open. */
const servedTypes = new Set(['application/pdf', 'text/plain', 'image/png', 'image/jpeg', 'image/tiff', 'application/vnd.oasis.opendocument.text', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);

const presentEntry = (e: RequestEntryRow) => ({ registryEntryId: e.registry_entry_id, registryNumber: e.registry_number, documentNumber: e.document_number, caseNumber: e.case_number, publicTitle: e.public_title });

export function presentOrder(ctx: AppContext, view: OrderView, key: string | undefined) {
  return view.requests.map((r) => ({
    id: r.id,
    municipality: { slug: r.municipality.slug, name: r.municipality.name },
    kind: r.kind,
    appealOf: r.appeal_of,
    status: r.status,
    receivedAt: r.received_at?.toISOString() ?? null,
    deadline: r.deadline,
    outcome: r.outcome,
    legalBasis: r.legal_basis,
    explanation: r.explanation,
    decidedAt: r.decided_at?.toISOString() ?? null,
    // An appeal's own decision goes on to the appeal body (Statsforvalteren / the court), not back here.
    canAppeal: r.kind === 'request' && r.status === 'decided' && r.outcome !== 'granted' && !view.requests.some((o) => o.appeal_of === r.id),
    entries: r.entries.map(presentEntry),
    files: r.files.map((f) => ({
      id: f.id, fileName: f.file_name, mimeType: f.mime_type, size: Number(f.size), variant: f.variant,
      url: `/api/v1/access-requests/${view.id}/files/${f.id}${key ? `?key=${encodeURIComponent(key)}` : ''}`,
    })),
  }));
}

const presentStaff = (r: QueueItem) => ({
  id: r.id, orderId: r.order_id, kind: r.kind, appealOf: r.appeal_of, appealReason: r.appeal_reason, source: r.source, requesterEmail: r.requester_email,
  requesterName: r.requester_name, unitId: r.unit_id, unitName: r.unit_name, status: r.status, receivedAt: r.received_at?.toISOString() ?? null, deadline: r.deadline,
  overdue: r.overdue, remindedAt: r.reminded_at?.toISOString() ?? null, outcome: r.outcome, legalBasis: r.legal_basis, explanation: r.explanation,
  decidedAt: r.decided_at?.toISOString() ?? null, caseFileId: r.case_file_id, decisionEntryId: r.decision_entry_id, entries: r.entries.map(presentEntry),
  files: r.files.map((f) => ({ id: f.id, fileName: f.file_name, mimeType: f.mime_type, size: Number(f.size), variant: f.variant })),
});

/** The logged-in person (a session; tokens are for municipalities' systems, not requesters). */
const requesterOf = (request: FastifyRequest) => (request.principal?.kind === 'user' ? { userId: request.principal.id, name: request.principal.name } : undefined);

function inTenant<T>(ctx: AppContext, request: FastifyRequest, work: (tx: Tx, actor: string) => Promise<T>): Promise<T> {
  const { tenant, principal } = request;
  if (!tenant || !principal) throw new ProblemError('unauthenticated', 'log in, or send "Authorization: Bearer <token>"');
  return withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: principal.kind, id: principal.id, name: principal.name } }, (tx) => work(tx, `${principal.kind}:${principal.id}:${principal.name}`));
}

export async function accessRequestRoutes(app: App, ctx: AppContext): Promise<void> {
  const open = { access: 'public' as const };
  // The status page's appeal form posts here without JavaScript; only this plugin's routes read forms.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.post(
    '/api/v1/access-requests',
    { config: open, schema: { operationId: 'createAccessRequest', tags, security: [], summary: 'Ask for access to registry entries of one or more public journals (innsynskrav)', description: 'Anonymous requests are confirmed by a link sent to the e-mail address; a logged-in person’s are received at once. Each municipality and responsible unit gets its own request, due in 3 working days.', body: CreateAccessRequestBody, response: { 201: AccessOrderOut } } },
    async (request, reply) => {
      const order = await createAccessRequest(ctx, request.body, requesterOf(request));
      const view = await readOrder(ctx, order.id, { key: order.key });
      return reply.status(201).header('location', `/api/v1/access-requests/${order.id}`).send({ id: order.id, status: order.status, statusUrl: statusUrl(ctx.config, order.id, order.key), requests: presentOrder(ctx, view, order.key) });
    },
  );

  app.post(
    '/api/v1/access-requests/:id/confirm',
    { config: open, schema: { operationId: 'confirmAccessRequest', tags, security: [], summary: 'Confirm the e-mail address of an access request (the link in the confirmation mail)', params: OrderIdParams, body: ConfirmBody, response: { 200: AccessOrderOut } } },
    async (request) => {
      const { id } = request.params;
      await confirmAccessRequest(ctx, id, request.body.key, request.body.token);
      const view = await readOrder(ctx, id, { key: request.body.key });
      return { id, status: 'received' as const, statusUrl: statusUrl(ctx.config, id, request.body.key), requests: presentOrder(ctx, view, request.body.key) };
    },
  );

  app.get(
    '/api/v1/access-requests/:id',
    { config: open, schema: { operationId: 'getAccessRequest', tags, security: [], summary: 'An access request as its requester follows it: by the secret link (key) or logged in', params: OrderIdParams, querystring: KeyQuery, response: { 200: AccessOrderOut } } },
    async (request) => {
      const { id } = request.params;
      const key = request.query.key;
      const view = await readOrder(ctx, id, { key, userId: requesterOf(request)?.userId });
      const confirmed = view.requests.every((r) => r.status !== 'unconfirmed');
      return { id, status: confirmed ? ('received' as const) : ('unconfirmed' as const), statusUrl: statusUrl(ctx.config, id, key ?? (await statusKey(ctx.config, id))), requests: presentOrder(ctx, view, key) };
    },
  );

  app.get(
    '/api/v1/access-requests/:id/files/:fileId',
    { config: open, schema: { operationId: 'downloadAccessRequestFile', tags, security: [], summary: 'A document sent to the requester when access was granted', params: FileParams, querystring: KeyQuery } },
    async (request, reply) => {
      const file = await readOrderFile(ctx, request.params.id, request.params.fileId, { key: request.query.key, userId: requesterOf(request)?.userId });
      let body;
      try {
        body = await ctx.files.open(file.checksum);
      } catch (error) {
        request.log.error({ err: error, checksum: file.checksum }, 'a file sent to a requester is damaged or missing');
        throw new ProblemError('storedFileCorrupt', 'the stored file is damaged or missing; the municipality has been told');
      }
      return reply
        .header('content-type', servedTypes.has(file.mime_type) ? file.mime_type : 'application/octet-stream')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
        .header('cache-control', 'private, no-store')
        .send(body as never);
    },
  );

  app.post(
    '/api/v1/access-requests/:id/appeals',
    // By the link's key only (a logged-in person finds it in getAccessRequest's statusUrl): the status
    // page's plain form can then appeal without a CSRF header, whoever is logged in in that browser.
    { config: { ...open, authentication: false }, schema: { operationId: 'appealAccessRequest', tags, security: [], summary: 'Appeal a refusal or a partial grant: it goes into the same queue, decided in the same case', params: OrderIdParams, body: AppealBody, response: { 201: AccessOrderOut } } },
    async (request, reply) => {
      const { id } = request.params;
      const who = { key: request.body.key };
      await appealAccessRequest(ctx, id, request.body.requestId, who, request.body.reason);
      // A browser's form goes back to the page, which shows the appeal in the queue.
      if (String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
        return reply.redirect(`/innsyn/${id}?key=${encodeURIComponent(request.body.key)}`, 303);
      const view = await readOrder(ctx, id, who);
      return reply.status(201).send({ id, status: 'received' as const, statusUrl: statusUrl(ctx.config, id, request.body.key), requests: presentOrder(ctx, view, request.body.key) });
    },
  );

  app.get(
    '/api/v1/:tenant/access-requests',
    { config: { roles: officers }, schema: { operationId: 'listAccessRequests', tags, summary: 'The access requests to answer: overdue first, then by deadline', params: TenantOnly, querystring: QueueQuery, response: { 200: QueuePage } } },
    async (request) => {
      const today = dateIn(ctx.clock.now(), timeZoneOf(request.tenant!.country));
      const q = request.query;
      const page = await inTenant(ctx, request, async (tx) => {
        const unitIds = q.myUnits ? (request.principal?.kind === 'user' ? (await unitsOfMember(tx, request.principal.id)).map((u) => u.id) : []) : undefined;
        return listAccessRequests(tx, { unitIds, status: q.status, today, limit: q.limit, cursor: q.cursor });
      });
      return { items: page.items.map(presentStaff), total: page.total, nextCursor: page.nextCursor, today };
    },
  );

  app.post(
    '/api/v1/:tenant/access-requests/:id/start',
    { config: { roles: officers }, schema: { operationId: 'startAccessRequest', tags, summary: 'Take an access request: the requester sees it in progress', params: TenantAndId, response: { 200: StaffRequestOut } } },
    async (request) => {
      const today = dateIn(ctx.clock.now(), timeZoneOf(request.tenant!.country));
      const row = await inTenant(ctx, request, (tx) => startAccessRequest(tx, request.params.id, ctx.clock.now()));
      return presentStaff({ ...row, entries: [], files: [], overdue: row.deadline !== null && row.deadline < today });
    },
  );

  app.post(
    '/api/v1/:tenant/access-requests/:id/decision',
    {
      config: { roles: officers },
      bodyLimit: 30 * 1024 * 1024,
      schema: { operationId: 'decideAccessRequest', tags, summary: 'Grant, grant in part (with the redacted copy) or refuse (with the legal basis); registered in the archive', params: TenantAndId, body: DecisionBody, response: { 200: StaffRequestOut } },
    },
    async (request) => {
      const staged: StagedFile[] = [];
      const tenant = request.tenant!;
      try {
        const row = await inTenant(ctx, request, async (tx, actor) => {
          const decided = await decideAccessRequest(tx, ctx, { tenantId: tenant.id, actor, at: ctx.clock.now(), tenant }, request.params.id, request.body, staged);
          // The files enter the store just before COMMIT; a failure before leaves none.
          for (const file of staged) await file.commit();
          return decided;
        });
        return presentStaff({ ...row, entries: [], files: [], overdue: false });
      } finally {
        for (const file of staged) await file.discard();
      }
    },
  );

  app.post(
    '/api/v1/:tenant/access-orders',
    { config: { roles: importers }, bodyLimit: 6 * 1024 * 1024, schema: { operationId: 'importAccessOrder', tags, summary: 'Import an access request from eInnsyn (order.xml, version 1 or 2), or the mail that carried it', description: 'Lines are matched to entries by system id, registry number, or case number with document number; unmatched lines are reported (and kept), never dropped.', params: TenantOnly, body: ImportBody, response: { 201: ImportReportOut } } },
    async (request, reply) => {
      const tenant = request.tenant!;
      const body = request.body;
      const via = body.message !== undefined ? ('mail' as const) : ('upload' as const);
      const xml = body.message !== undefined ? orderXmlOfMessage(body.message) : body.xml!;
      const report = await inTenant(ctx, request, (tx, actor) => importAccessOrder(tx, ctx, { tenant, actor, at: ctx.clock.now() }, xml, via));
      return reply.status(201).send(report);
    },
  );
}
