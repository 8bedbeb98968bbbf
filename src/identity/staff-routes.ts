// SPDX-License-Identifier: EUPL-1.2
// A municipality's people and their roles, for its tenant administrators; and the list of people
// a case can be assigned to, for those who assign cases.
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withTenant } from '../platform/db/transaction.ts';
import type { Principal } from '../platform/http/auth.ts';
import { mappableRoles } from '../platform/role-map.ts';
import { grantRole, listOfficers, listPendingGrants, listStaff, revokeRole, type GrantTarget, type PendingGrant } from './staff.ts';

const TenantParams = Type.Object({ tenant: Type.String() });
const Id = Type.String({ format: 'uuid' });
const GrantableRole = Type.Enum(mappableRoles);
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const PendingSchema = Type.Object({
  id: Id,
  email: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  role: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
});

const UserSchema = Type.Object({
  id: Id,
  name: Type.String(),
  email: Nullable(Type.String()),
  lastLoginAt: Nullable(Type.String({ format: 'date-time' })),
  roles: Type.Array(
    Type.Object({
      role: Type.String(),
      source: Type.Union([Type.Literal('idp'), Type.Literal('local')], { description: 'idp: from the identity provider at login; local: granted in Rådhus' }),
    }),
  ),
});

const GrantBody = Type.Object(
  {
    userId: Type.Optional(Id),
    email: Type.Optional(Type.String({ maxLength: 320, description: 'for a person who has not logged in yet: claimed at their first login with this verified address' })),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: "the identity provider's subject (sub)" })),
    role: GrantableRole,
  },
  { additionalProperties: false, description: 'Exactly one of userId, email and subject' },
);

const adminOnly = { roles: ['tenant-admin'] as const };
const assigners = { roles: ['case-officer', 'archivist', 'tenant-admin', 'system'] as const };
const tags = ['identity'];

const actorOf = (p: Principal) => ({ kind: p.kind, id: p.id, name: p.name });
const presentPending = (p: PendingGrant) => ({ ...p, createdAt: p.createdAt.toISOString() });

export function registerStaffRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/:tenant/users',
    {
      config: adminOnly,
      schema: {
        operationId: 'listUsers',
        tags,
        summary: 'The people holding a role in this municipality, and grants waiting for a first login',
        params: TenantParams,
        response: { 200: Type.Object({ items: Type.Array(UserSchema), pending: Type.Array(PendingSchema) }) },
      },
    },
    async (request) => {
      const tenant = request.tenant!;
      const { items, pending } = await withTenant(ctx.db, { tenantId: tenant.id, actor: actorOf(request.principal!) }, async (tx) => ({
        items: await listStaff(tx, tenant.id),
        pending: await listPendingGrants(tx, tenant.id),
      }));
      return { items: items.map((u) => ({ ...u, lastLoginAt: u.lastLoginAt?.toISOString() ?? null })), pending: pending.map(presentPending) };
    },
  );

  app.post(
    '/api/v1/:tenant/role-grants',
    {
      config: adminOnly,
      schema: {
        operationId: 'grantRole',
        tags,
        summary: 'Grant a role in this municipality (kept until revoked here, whatever the identity provider says)',
        description: 'Name the person by userId, or by email or subject before their first login: the grant then waits (status "pending") and is claimed when they log in.',
        params: TenantParams,
        body: GrantBody,
        response: {
          200: Type.Object({
            status: Type.Union([Type.Literal('granted'), Type.Literal('already'), Type.Literal('pending')]),
            user: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
            pending: Type.Union([PendingSchema, Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const tenant = request.tenant!;
      const principal = request.principal!;
      const { role, ...target } = request.body as GrantTarget & { role: string };
      const outcome = await withTenant(ctx.db, { tenantId: tenant.id, actor: actorOf(principal) }, (tx) =>
        grantRole(tx, tenant.id, target, role, `${principal.kind}:${principal.id} (${principal.name})`, ctx.clock.now()),
      );
      return outcome.status === 'pending' ? { status: outcome.status, user: null, pending: presentPending(outcome.pending) } : { status: outcome.status, user: outcome.user, pending: null };
    },
  );

  app.post(
    '/api/v1/:tenant/role-grants/revoke',
    {
      config: adminOnly,
      schema: {
        operationId: 'revokeRole',
        tags,
        summary: 'Revoke a role in this municipality, or withdraw a grant still waiting for a first login',
        description: 'A role that the identity provider grants comes back at the person\'s next login: remove them from the group there.',
        params: TenantParams,
        body: GrantBody,
        response: { 200: Type.Object({ status: Type.Union([Type.Literal('revoked'), Type.Literal('withdrawn')]) }) },
      },
    },
    async (request) => {
      const tenant = request.tenant!;
      const { role, ...target } = request.body as GrantTarget & { role: string };
      const outcome = await withTenant(ctx.db, { tenantId: tenant.id, actor: actorOf(request.principal!) }, (tx) => revokeRole(tx, tenant.id, target, role));
      return { status: outcome.status };
    },
  );

  app.get(
    '/api/v1/:tenant/officers',
    {
      config: assigners,
      schema: {
        operationId: 'listOfficers',
        tags,
        summary: 'The case officers and archivists of this municipality: who a case or letter can be assigned to',
        params: TenantParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Id, name: Type.String() })) }) },
      },
    },
    async (request) => {
      const tenant = request.tenant!;
      const items = await withTenant(ctx.db, { tenantId: tenant.id, actor: actorOf(request.principal!) }, (tx) => listOfficers(tx, tenant.id));
      return { items };
    },
  );
}
