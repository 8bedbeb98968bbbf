// SPDX-License-Identifier: EUPL-1.2
// Open311 GeoReport v2 at /open311/v2/ (issue 9 §2): the services (published forms that place a
// position), their definitions, reports filed (POST, with the municipality's api_key) and followed
// (GET). The municipality is the jurisdiction_id (its slug), required where the installation has
// several. These routes speak the spec's formats, not problem+json, so they are outside the
// OpenAPI document (which holds /api/ only); the tenant administrator's key API is inside it.
import { Type } from 'typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withPublic, withTenant, type Tx } from '../platform/db/transaction.ts';
import { invalid, notFound, ProblemError } from '../platform/http/problem.ts';
import type { Role, TenantRef } from '../platform/http/auth.ts';
import type { StagedFile } from '../platform/files/store.ts';
import { isUuid } from '../platform/ids.ts';
import { listPublicTenants } from '../tenants/service.ts';
import { selectPublicForms } from '../forms/service.ts';
import { errorsOf, send, type Format } from './format.ts';
import { createKey, listKeys, revokeKey } from './keys.ts';
import { fileReport, listRequests, readRequest, type Params } from './reports.ts';
import { serviceDefinition, serviceListEntry, servicesOf, type Service } from './services.ts';

const open = { schema: { hide: true }, config: { authentication: false, access: 'public' as const } };
const admins: readonly Role[] = ['tenant-admin'];
const tags = ['open311'];

/** The form-encoded body as each name with all its values (attribute[code][] repeats). */
type Body = Record<string, string[]>;

function formatOf(name: string): { base: string; format: Format } {
  const m = /^(.*)\.(json|xml)$/.exec(name);
  if (!m) throw notFound(`${name}: ask for .json or .xml`);
  return { base: m[1]!, format: m[2] as Format };
}

function toProblem(error: FastifyError | ProblemError): ProblemError {
  if (error instanceof ProblemError) return error;
  const status = error.statusCode ?? 500;
  if (status === 413) return new ProblemError('payloadTooLarge', 'the report is too large');
  if (status === 415) return new ProblemError('unsupportedMediaType', 'send application/x-www-form-urlencoded');
  if (status >= 400 && status < 500) return invalid([], error.message);
  return new ProblemError('internal', 'the report could not be handled');
}

/** The query string's values by name, decoded once (the platform has refused bad encodings). */
function queryOf(request: FastifyRequest): Params {
  const params: Params = new Map();
  const at = request.url.indexOf('?');
  for (const [k, v] of new URLSearchParams(at >= 0 ? request.url.slice(at + 1) : '')) params.set(k, [...(params.get(k) ?? []), v]);
  return params;
}

async function jurisdiction(ctx: AppContext, id: string | undefined): Promise<TenantRef> {
  const tenants = await withPublic(ctx.db, (tx) => listPublicTenants(tx));
  if (id === undefined || id === '') {
    if (tenants.length === 1) return tenants[0] as TenantRef;
    throw invalid([{ field: 'jurisdiction_id', code: 'required', message: `this installation serves several municipalities: ${tenants.map((t) => t.slug).join(', ')}` }]);
  }
  const tenant = tenants.find((t) => t.slug === id);
  if (!tenant) throw notFound(`jurisdiction_id ${id}`);
  return tenant as TenantRef;
}

async function servicesIn(ctx: AppContext, tenant: TenantRef): Promise<Service[]> {
  const forms = await withPublic(ctx.db, (tx) => selectPublicForms(tx, tenant.id));
  return servicesOf(forms.map((f) => ({ formId: f.form_id, key: f.key, definition: f.definition })), tenant.language);
}

const publicReader = { kind: 'system' as const, id: '00000000-0000-0000-0000-000000000311', name: 'Open311 (public)' };
const readIn = <T>(ctx: AppContext, tenant: TenantRef, work: (tx: Tx) => Promise<T>) => withTenant(ctx.db, { tenantId: tenant.id, actor: publicReader }, work);

function dateParam(p: Params, name: string): Date | undefined {
  const v = p.get(name)?.[0];
  if (v === undefined || v === '') return undefined;
  const d = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) ? new Date(v) : undefined;
  if (!d || Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 9999 || d.toISOString().slice(0, 10) !== v.slice(0, 10) && !v.includes('T'))
    throw invalid([{ field: name, code: 'invalidDateTime', message: 'must be a date-time (W3C, e.g. 2026-11-30T12:00:00Z)' }]);
  return d;
}

const DAY = 24 * 60 * 60 * 1000;

export async function open311Routes(app: App, ctx: AppContext): Promise<void> {
  await app.register(async (scope: App) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
      const parsed: Body = {};
      for (const [k, v] of new URLSearchParams(String(body))) (parsed[k] ??= []).push(v);
      done(null, parsed);
    });
    scope.setErrorHandler(async (error: FastifyError | ProblemError, request, reply) => {
      const problem = toProblem(error);
      if (problem.status >= 500) request.log.error({ err: error }, 'an Open311 request failed');
      return send(reply, request.url.split('?')[0]!.endsWith('.xml') ? 'xml' : 'json', 'errors', errorsOf(problem), problem.status);
    });

    scope.get('/open311/v2/:file', open, async (request: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) => {
      const { base, format } = formatOf(request.params.file);
      const q = queryOf(request);
      const tenant = await jurisdiction(ctx, q.get('jurisdiction_id')?.[0]);
      const services = await servicesIn(ctx, tenant);
      if (base === 'services') return send(reply, format, 'services', services.map((s) => serviceListEntry(s, tenant.language)));
      if (base !== 'requests') throw notFound(request.params.file);
      const ids = q.get('service_request_id')?.[0]?.split(',').map((s) => s.trim()).filter(Boolean);
      if (ids && (ids.length > 1000 || ids.some((id) => !isUuid(id)))) throw invalid([{ field: 'service_request_id', code: 'invalidId', message: 'a comma-separated list of service request ids' }]);
      const status = q.get('status')?.[0];
      if (status !== undefined && status !== 'open' && status !== 'closed') throw invalid([{ field: 'status', code: 'notAllowed', message: 'open or closed' }]);
      const serviceCode = q.get('service_code')?.[0] || undefined;
      let from = dateParam(q, 'start_date');
      const to = dateParam(q, 'end_date');
      // The spec's default window: the last 90 days, unless asked for by id.
      if (!from && !ids) from = new Date((to ?? ctx.clock.now()).getTime() - 90 * DAY);
      const requests = await readIn(ctx, tenant, (tx) => listRequests(tx, tenant, services, { ids, serviceCode, from, to, status }));
      return send(reply, format, 'service_requests', requests);
    });

    scope.get('/open311/v2/:kind/:file', open, async (request: FastifyRequest<{ Params: { kind: string; file: string } }>, reply: FastifyReply) => {
      const { base, format } = formatOf(request.params.file);
      const q = queryOf(request);
      const tenant = await jurisdiction(ctx, q.get('jurisdiction_id')?.[0]);
      const services = await servicesIn(ctx, tenant);
      if (request.params.kind === 'services') {
        const service = services.find((s) => s.form.key === base);
        if (!service) throw notFound(`service_code ${base}`);
        return send(reply, format, 'service_definition', serviceDefinition(service));
      }
      if (request.params.kind !== 'requests') throw notFound(request.url.split('?')[0]!);
      const found = await readIn(ctx, tenant, (tx) => readRequest(tx, tenant, services, base));
      return send(reply, format, 'service_requests', [found]);
    });

    scope.post('/open311/v2/:file', { ...open, bodyLimit: 64 * 1024 }, async (request: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) => {
      const { base, format } = formatOf(request.params.file);
      if (base !== 'requests') throw notFound(request.params.file);
      if (!request.body || typeof request.body !== 'object') throw new ProblemError('unsupportedMediaType', 'send the report as application/x-www-form-urlencoded');
      const params: Params = new Map(Object.entries(request.body as Body));
      const tenant = await jurisdiction(ctx, params.get('jurisdiction_id')?.[0]);
      const services = await servicesIn(ctx, tenant);
      const staged: StagedFile[] = [];
      try {
        const filed = await withTenant(ctx.db, { tenantId: tenant.id, actor: publicReader }, async (tx) => {
          const result = await fileReport(tx, ctx, tenant, services, params, staged);
          // The files (answers PDF, receipt) enter the store just before COMMIT; a failure before leaves none.
          for (const file of staged) await file.commit();
          return result;
        });
        return send(reply, format, 'service_requests', [{ service_request_id: filed.id, service_notice: `${tenant.name}: ${filed.caseNumber}`, account_id: null }]);
      } finally {
        for (const file of staged) await file.discard();
      }
    });
  });

  // The tenant administrator's keys (problem+json, in the OpenAPI document).
  const TenantOnly = Type.Object({ tenant: Type.String() });
  const TenantAndId = Type.Object({ tenant: Type.String(), id: Type.String({ format: 'uuid' }) });
  const KeyOut = Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), createdBy: Type.String(), createdAt: Type.String({ format: 'date-time' }), revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]) });
  const inTenant = <T>(request: FastifyRequest, work: (tx: Tx, actor: string) => Promise<T>) => {
    const { tenant, principal } = request;
    if (!tenant || !principal) throw new ProblemError('unauthenticated', 'log in, or send "Authorization: Bearer <token>"');
    return withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: principal.kind, id: principal.id, name: principal.name } }, (tx) => work(tx, `${principal.kind}:${principal.id}:${principal.name}`));
  };

  app.post('/api/v1/:tenant/open311/keys', {
    config: { roles: admins },
    schema: { operationId: 'createOpen311Key', tags, summary: 'Create an API key for posting Open311 reports to this municipality (the key is shown once)', params: TenantOnly,
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200, description: 'which app it is for' }) }, { additionalProperties: false }),
      response: { 201: Type.Object({ ...KeyOut.properties, key: Type.String() }) } },
  }, async (request, reply) => {
    const created = await inTenant(request, (tx, actor) => createKey(tx, { tenantId: request.tenant!.id, name: request.body.name, createdBy: actor, at: ctx.clock.now() }));
    return reply.status(201).send(created);
  });

  app.get('/api/v1/:tenant/open311/keys', {
    config: { roles: admins },
    schema: { operationId: 'listOpen311Keys', tags, summary: 'The Open311 API keys of this municipality (never the keys themselves)', params: TenantOnly, response: { 200: Type.Array(KeyOut) } },
  }, async (request) => inTenant(request, (tx) => listKeys(tx)));

  app.delete('/api/v1/:tenant/open311/keys/:id', {
    config: { roles: admins },
    schema: { operationId: 'revokeOpen311Key', tags, summary: 'Revoke an Open311 API key: reports with it are refused from now on', params: TenantAndId },
  }, async (request, reply) => {
    await inTenant(request, (tx) => revokeKey(tx, request.params.id, ctx.clock.now()));
    return reply.status(204).send();
  });
}
