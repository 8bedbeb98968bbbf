// SPDX-License-Identifier: EUPL-1.2
// Bearer tokens managed by a municipality's administrators through the API, so connecting a
// specialist system needs no shell access to the server. The plaintext is shown once, on creation.
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { roles, type Principal } from '../platform/http/auth.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';

const RoleSchema = Type.Enum(roles);
const TenantParams = Type.Object({ tenant: Type.String() });

const TokenSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  role: RoleSchema,
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const adminOnly = { roles: ['tenant-admin'] as const };

const actorOf = (principal: Principal) => ({ kind: principal.kind, id: principal.id, name: principal.name });

export function registerTokenRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/:tenant/tokens',
    {
      config: adminOnly,
      schema: {
        operationId: 'createToken',
        tags: ['identity'],
        summary: 'Create a bearer token for a system or script; the token is shown only in this answer',
        params: TenantParams,
        body: Type.Object(
          {
            role: Type.Enum(roles, { examples: ['system'], description: 'Over the API only "system": a person\'s role is granted to the person (POST …/role-grants), not minted as a token' }),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'What the token is for, e.g. "Byggesak integration"' })),
            expiresAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the token stops working; none means until revoked' })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Type.String({ format: 'uuid' }),
            token: Type.String({ description: 'Send as "Authorization: Bearer <token>"; it cannot be shown again' }),
            role: RoleSchema,
            name: Type.String(),
            expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
          }),
        },
      },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const principal = request.principal!;
      const body = request.body as { role: string; name?: string; expiresAt?: string };
      // A tenant administrator administers; minting a token for a role would hand out the archive's
      // roles without anyone being granted them. Roles for people go through role grants.
      if (body.role !== 'system')
        throw new ProblemError('forbidden', 'over the API a tenant administrator creates only tokens with role "system"; people get roles through POST …/role-grants', [
          { field: 'role', code: 'notAllowed', message: 'must be "system"' },
        ]);
      const created = await withTenant(ctx.db, { tenantId: tenant.id, actor: actorOf(principal) }, (tx) =>
        createToken(tx, {
          tenantId: tenant.id,
          role: body.role,
          name: body.name,
          createdBy: `${principal.kind}:${principal.id} (${principal.name})`,
          at: ctx.clock.now(),
          expiresAt: body.expiresAt === undefined ? undefined : new Date(body.expiresAt),
        }),
      );
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({ ...created, expiresAt: created.expiresAt?.toISOString() ?? null });
    },
  );

  app.get(
    '/api/v1/:tenant/tokens',
    {
      config: adminOnly,
      schema: {
        operationId: 'listTokens',
        tags: ['identity'],
        summary: "The municipality's bearer tokens, without their secrets",
        params: TenantParams,
        response: { 200: Type.Object({ items: Type.Array(TokenSchema) }) },
      },
    },
    async (request) => {
      const tenant = request.tenant!;
      const rows = await withTenant(ctx.db, { tenantId: tenant.id, actor: actorOf(request.principal!) }, (tx) => listTokens(tx));
      return {
        items: rows.map((row) => ({
          id: row.id,
          role: row.role,
          name: row.name,
          createdAt: row.created_at.toISOString(),
          createdBy: row.created_by,
          revokedAt: row.revoked_at?.toISOString() ?? null,
          lastUsedAt: row.last_used_at?.toISOString() ?? null,
          expiresAt: row.expires_at?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/v1/:tenant/tokens/:id/revoke',
    {
      config: adminOnly,
      schema: {
        operationId: 'revokeToken',
        tags: ['identity'],
        summary: 'Revoke a bearer token; requests with it are refused from now on',
        params: Type.Object({ tenant: Type.String(), id: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Object({ id: Type.String({ format: 'uuid' }), revokedAt: Type.String({ format: 'date-time' }) }) },
      },
    },
    async (request) => {
      const tenant = request.tenant!;
      const { id } = request.params as { id: string };
      const at = ctx.clock.now();
      await withTenant(ctx.db, { tenantId: tenant.id, actor: actorOf(request.principal!) }, (tx) => revokeToken(tx, id, at));
      return { id, revokedAt: at.toISOString() };
    },
  );
}
