// SPDX-License-Identifier: EUPL-1.2
// The public journal's JSON API (searchPublicJournal, searchAllPublicJournals, getPublicJournalEntry),
// read under withPublic only; and the publication policy for the municipality's staff.
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withPublic, withTenant } from '../platform/db/transaction.ts';
import type { Role } from '../platform/http/auth.ts';
import { findPublicMunicipality, getPublicationPolicy, getPublicJournalEntry, searchPublicJournal, setPublicationPolicy } from './service.ts';
import { PolicyBody, PolicyOut, PublicJournalEntryDetailsOut, SearchQuery, SearchResultOut } from './schemas.ts';

const tags = ['public journal'];
const TenantParams = Type.Object({ tenant: Type.String() });
const policyReaders: readonly Role[] = ['tenant-admin', 'archivist', 'case-officer', 'system'];
const policyWriters: readonly Role[] = ['tenant-admin', 'archivist'];

function inTenant<T>(ctx: AppContext, request: FastifyRequest, work: Parameters<typeof withTenant<T>>[2]): Promise<T> {
  const p = request.principal!;
  return withTenant(ctx.db, { tenantId: request.tenant!.id, actor: { kind: p.kind, id: p.id, name: p.name } }, work);
}

export async function journalRoutes(app: App, ctx: AppContext): Promise<void> {
  const counting = { countLimit: ctx.config.publicJournalCountLimit };
  const searchDescription =
    'Full text in the municipality\'s language (stemming), "exact phrases" in double quotes, filters, newest first, keyset paging. ' +
    'Personal names are found for 12 months after publication; the entry stays listed. Screened values are never held, so never found.';
  app.get(
    '/api/v1/:tenant/public-journal',
    {
      config: { access: 'public' },
      schema: { operationId: 'searchPublicJournal', tags, summary: "Search a municipality's public journal (postliste)", description: searchDescription, security: [], params: TenantParams, querystring: SearchQuery, response: { 200: SearchResultOut } },
    },
    async (request) => {
      const { tenant: slug } = request.params as { tenant: string };
      const now = ctx.clock.now();
      return withPublic(ctx.db, async (tx) => searchPublicJournal(tx, (await findPublicMunicipality(tx, slug)).id, request.query as SearchQuery, now, counting));
    },
  );

  app.get(
    '/api/v1/public-journal',
    {
      config: { access: 'public' },
      schema: { operationId: 'searchAllPublicJournals', tags, summary: 'Search the public journals of every municipality of this installation', description: searchDescription, security: [], querystring: SearchQuery, response: { 200: SearchResultOut } },
    },
    async (request) => {
      const now = ctx.clock.now();
      return withPublic(ctx.db, (tx) => searchPublicJournal(tx, undefined, request.query as SearchQuery, now, counting));
    },
  );

  app.get(
    '/api/v1/:tenant/public-journal/:entryId',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getPublicJournalEntry',
        tags,
        summary: 'One entry of the public journal, with its documents (published in full where they are)',
        security: [],
        params: Type.Object({ tenant: Type.String(), entryId: Type.String() }),
        response: { 200: PublicJournalEntryDetailsOut },
      },
    },
    async (request) => {
      const { tenant: slug, entryId } = request.params as { tenant: string; entryId: string };
      const now = ctx.clock.now();
      return withPublic(ctx.db, async (tx) => getPublicJournalEntry(tx, (await findPublicMunicipality(tx, slug)).id, entryId, now));
    },
  );

  app.get(
    '/api/v1/:tenant/publication-policy',
    { config: { roles: policyReaders }, schema: { operationId: 'getPublicationPolicy', tags, summary: "The municipality's publication policy for its public journal", params: TenantParams, response: { 200: PolicyOut } } },
    async (request) => inTenant(ctx, request, (tx) => getPublicationPolicy(tx)),
  );

  app.put(
    '/api/v1/:tenant/publication-policy',
    {
      config: { roles: policyWriters },
      schema: {
        operationId: 'setPublicationPolicy',
        tags,
        summary: 'Set the publication policy: delay in working days; classes, units and entry types never listed',
        description: 'Applies to every entry at once: the public journal is rewritten through the outbox.',
        params: TenantParams,
        body: PolicyBody,
        response: { 200: PolicyOut },
      },
    },
    async (request) => {
      const p = request.principal!;
      return inTenant(ctx, request, (tx) => setPublicationPolicy(tx, { tenantId: request.tenant!.id, actor: `${p.kind}:${p.id}:${p.name}`, at: ctx.clock.now() }, request.body as PolicyBody));
    },
  );
}
