// SPDX-License-Identifier: EUPL-1.2
// OParl 1.1 at /oparl/v1/ (issue 10 §4), read only and public: the system, each municipality as a
// body, its lists (keyset-paged, `links.next`, filters created_since/_until, modified_since/_until,
// omit_internal, elementsPerPage) and its objects at their ids; published documents' bytes for
// File.accessUrl / downloadUrl. Everything is read under withPublic (radhus_public). These routes
// speak OParl's JSON, not our /api/ conventions, so they stay out of the OpenAPI document; errors
// are still problem+json with a field list, so a bad query answers 400, never 500.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withPublic } from '../platform/db/transaction.ts';
import { invalid, notFound, ProblemError, type FieldError } from '../platform/http/problem.ts';
import { isUuid } from '../platform/ids.ts';
import { findDownload, findPublicTenant, listPublicTenantPage, presentBody, presentSystem, readObject, readPage, termsOf, type OParlObject, type TenantRow } from './service.ts';
import { readDeletedPage } from './deleted.ts';
import { isListName, lists, objectKinds, OPARL_PREFIX, urlsOf, type ObjectKind, type Urls } from './urls.ts';
import type { Selection } from './repository.ts';

const open = { schema: { hide: true }, config: { authentication: false, access: 'public' as const } };
export const MAX_PAGE = 100;
const known = new Set(['created_since', 'created_until', 'modified_since', 'modified_until', 'omit_internal', 'elementsPerPage', 'after', 'lang']);
// RFC 3339 date-time with a time zone (OParl 2.4 "Datums- und Zeitangaben").
const dateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

interface ListParams {
  filters: Pick<Selection, 'createdSince' | 'createdUntil' | 'modifiedSince' | 'modifiedUntil'>;
  omitInternal: boolean;
  limit: number;
  after: string | undefined;
  /** The query the client gave, without `after`: kept in every link of the list. */
  kept: URLSearchParams;
}

function single(query: Record<string, unknown>, name: string, errors: FieldError[]): string | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') {
    errors.push({ field: name, code: 'tooMany', message: 'give this parameter once' });
    return undefined;
  }
  return v;
}

function timeParam(query: Record<string, unknown>, name: string, errors: FieldError[]): Date | undefined {
  const v = single(query, name, errors);
  if (v === undefined || v === '') return undefined;
  const m = dateTime.exec(v);
  const d = m ? new Date(v) : undefined;
  // The date itself must exist (no 2026-02-30) and lie within what the database can compare.
  if (!m || !d || Number.isNaN(d.getTime()) || new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}` || +m[4]! > 23 || +m[5]! > 59 || +(m[7] ?? 0) > 59 || +m[1]! < 1900) {
    errors.push({ field: name, code: 'invalidDateTime', message: 'must be a date-time with a time zone, e.g. 2026-01-01T00:00:00+01:00 (URL-encode the +)' });
    return undefined;
  }
  return d;
}

function listParams(request: FastifyRequest, afterIs: (v: string) => boolean): ListParams {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const filters = {
    createdSince: timeParam(query, 'created_since', errors),
    createdUntil: timeParam(query, 'created_until', errors),
    modifiedSince: timeParam(query, 'modified_since', errors),
    modifiedUntil: timeParam(query, 'modified_until', errors),
  };
  const omit = single(query, 'omit_internal', errors);
  if (omit !== undefined && !['true', 'false', '1', '0', ''].includes(omit)) errors.push({ field: 'omit_internal', code: 'notAllowed', message: 'true or false' });
  const perPage = single(query, 'elementsPerPage', errors);
  let limit = MAX_PAGE;
  if (perPage !== undefined && perPage !== '') {
    if (!/^\d{1,6}$/.test(perPage) || +perPage < 1) errors.push({ field: 'elementsPerPage', code: 'outOfRange', message: `a whole number from 1 to ${MAX_PAGE}` });
    // OParl lets the server give fewer than asked: more than the maximum gives the maximum.
    else limit = Math.min(+perPage, MAX_PAGE);
  }
  const after = single(query, 'after', errors);
  if (after !== undefined && !afterIs(after)) errors.push({ field: 'after', code: 'invalidCursor', message: 'is not from a links.next of this list; start again without it' });
  if (errors.length) throw invalid(errors);
  const kept = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (k !== 'after' && known.has(k) && typeof v === 'string') kept.set(k, v);
  return { filters, omitInternal: omit === 'true' || omit === '1', limit, after: after || undefined, kept };
}

function pageUrl(base: string, kept: URLSearchParams, after?: string): string {
  const q = new URLSearchParams(kept);
  if (after !== undefined) q.set('after', after);
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

/** An external object list page (OParl 2.5): data, pagination, links (next on every page but the last). */
function listPage(base: string, p: ListParams, data: OParlObject[], lastKey: string | undefined, more: boolean) {
  return {
    data,
    pagination: { elementsPerPage: p.limit },
    links: {
      first: pageUrl(base, p.kept),
      self: pageUrl(base, p.kept, p.after),
      ...(more && lastKey !== undefined ? { next: pageUrl(base, p.kept, lastKey) } : {}),
    },
  };
}

// OParl 2.6: clients in browsers read the API from other origins.
const json = (reply: FastifyReply, body: unknown) => reply.header('access-control-allow-origin', '*').type('application/json; charset=utf-8').send(body);

export async function oparlRoutes(app: App, ctx: AppContext): Promise<void> {
  const publicUrl = ctx.config.publicUrl;
  const tenantOf = async (slug: string): Promise<{ tenant: TenantRow; u: Urls }> => {
    const tenant = /^[a-z0-9][a-z0-9-]{0,62}$/.test(slug) ? await withPublic(ctx.db, (tx) => findPublicTenant(tx, slug)) : undefined;
    if (!tenant) throw notFound(`the body ${slug}`);
    return { tenant, u: urlsOf(publicUrl, tenant.slug) };
  };

  app.get(`${OPARL_PREFIX}/system`, open, async (_request, reply) => json(reply, presentSystem(urlsOf(publicUrl, ''), 'Rådhus', publicUrl)));

  app.get(`${OPARL_PREFIX}/bodies`, open, async (request, reply) => {
    const p = listParams(request, (v) => /^[a-z0-9][a-z0-9-]{0,62}$/.test(v));
    // Municipalities carry no created/modified of their own: the filters select none of them.
    const filtered = Object.values(p.filters).some((v) => v !== undefined);
    const rows = filtered ? [] : await withPublic(ctx.db, (tx) => listPublicTenantPage(tx, p.after, p.limit + 1));
    const shown = rows.slice(0, p.limit);
    const terms = await withPublic(ctx.db, async (tx) => Promise.all(p.omitInternal ? [] : shown.map((t) => termsOf(tx, t.id))));
    const data = shown.map((t, i) => presentBody(urlsOf(publicUrl, t.slug), t, terms[i] ?? [], p.omitInternal));
    return json(reply, listPage(`${publicUrl}${OPARL_PREFIX}/bodies`, p, data, shown.at(-1)?.slug, rows.length > p.limit));
  });

  app.get(`${OPARL_PREFIX}/body/:body`, open, async (request: FastifyRequest<{ Params: { body: string } }>, reply) => {
    const { tenant, u } = await tenantOf(request.params.body);
    const terms = await withPublic(ctx.db, (tx) => termsOf(tx, tenant.id));
    return json(reply, presentBody(u, tenant, terms, false));
  });

  app.get(`${OPARL_PREFIX}/body/:body/:list`, open, async (request: FastifyRequest<{ Params: { body: string; list: string } }>, reply) => {
    const { list } = request.params;
    if (!isListName(list)) throw notFound(`the list ${list}`);
    const { tenant, u } = await tenantOf(request.params.body);
    const p = listParams(request, isUuid);
    const kind = lists[list];
    const s: Selection = { tenantId: tenant.id, after: p.after, limit: p.limit, now: ctx.clock.now(), ...p.filters };
    const page = await withPublic(ctx.db, async (tx) => {
      const live = await readPage(tx, u, kind, s, p.omitInternal);
      // Deleted objects are listed only to a client that asks what changed (OParl 2.8).
      return p.filters.modifiedSince || p.filters.createdSince ? readDeletedPage(tx, u, kind, s, live) : live;
    });
    return json(reply, listPage(u.list(list), p, page.data, page.lastId, page.more));
  });

  app.get(`${OPARL_PREFIX}/body/:body/:kind/:id`, open, async (request: FastifyRequest<{ Params: { body: string; kind: string; id: string } }>, reply) => {
    const { kind, id } = request.params;
    if (!objectKinds.has(kind) || !isUuid(id)) throw notFound(`${kind} ${id}`);
    const { tenant, u } = await tenantOf(request.params.body);
    const found = await withPublic(ctx.db, async (tx) => (await readObject(tx, u, kind as ObjectKind, tenant.id, id, ctx.clock.now())) ?? (await readDeletedPage(tx, u, kind as ObjectKind, { tenantId: tenant.id, id, limit: 1, now: ctx.clock.now() }, { data: [], lastId: undefined, more: false })).data[0]);
    if (!found) throw notFound(`${kind} ${id}`);
    return json(reply, found);
  });

  // The bytes of a published document: accessUrl shows it, downloadUrl saves it (OParl 2.7).
  app.get(`${OPARL_PREFIX}/body/:body/file/:id/:how`, open, async (request: FastifyRequest<{ Params: { body: string; id: string; how: string } }>, reply) => {
    const { id, how } = request.params;
    if (!isUuid(id) || (how !== 'content' && how !== 'download')) throw notFound(`file ${id}`);
    const { tenant } = await tenantOf(request.params.body);
    const file = await withPublic(ctx.db, (tx) => findDownload(tx, tenant.id, id, ctx.clock.now()));
    if (!file) throw notFound(`file ${id}`);
    let body;
    try {
      body = await ctx.files.open(file.checksum!);
    } catch (error) {
      request.log.error({ err: error, checksum: file.checksum }, 'a published council document is damaged or missing');
      throw new ProblemError('storedFileCorrupt', 'the stored file is damaged or missing; the municipality has been told');
    }
    const name = file.file_name!;
    const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .header('access-control-allow-origin', '*')
      .header('content-type', file.mime_type ?? 'application/octet-stream')
      .header('x-content-type-options', 'nosniff')
      // A published document is shown, never run: no script of a stored HTML or SVG file runs on our origin.
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
      .header('content-disposition', `${how === 'download' ? 'attachment' : 'inline'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(body as never);
  });
}
