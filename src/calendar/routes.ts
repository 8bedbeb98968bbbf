// SPDX-License-Identifier: EUPL-1.2
// Closed days under /api/v1/{tenant}/closed-days: kept by the municipality's administrators, read
// by those whose deadlines they move.
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withTenant } from '../platform/db/transaction.ts';
import type { Principal, Role } from '../platform/http/auth.ts';
import type { FastifyRequest } from 'fastify';
import { addClosedDay, listClosedDays, removeClosedDay } from './service.ts';

const tags = ['calendar'];
const TenantParams = Type.Object({ tenant: Type.String() });
const readers: readonly Role[] = ['tenant-admin', 'case-officer', 'archivist', 'system'];
const writers: readonly Role[] = ['tenant-admin'];

const ClosedDaySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  date: Type.String({ format: 'date' }),
  reason: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
});

const actorOf = (principal: Principal) => ({ kind: principal.kind, id: principal.id, name: principal.name });

function inTenant<T>(ctx: AppContext, request: FastifyRequest, work: Parameters<typeof withTenant<T>>[2]): Promise<T> {
  return withTenant(ctx.db, { tenantId: request.tenant!.id, actor: actorOf(request.principal!) }, work);
}

export function registerCalendarRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/:tenant/closed-days',
    {
      config: { roles: readers },
      schema: {
        operationId: 'listClosedDays',
        tags,
        summary: "The municipality's own closed days (public holidays are computed and not listed here)",
        params: TenantParams,
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ format: 'date', description: 'first day, inclusive' })),
            to: Type.Optional(Type.String({ format: 'date', description: 'last day, inclusive' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ClosedDaySchema) }) },
      },
    },
    async (request) => {
      const query = request.query as { from?: string; to?: string };
      return { items: await inTenant(ctx, request, (tx) => listClosedDays(tx, query)) };
    },
  );

  app.post(
    '/api/v1/:tenant/closed-days',
    {
      config: { roles: writers },
      schema: {
        operationId: 'addClosedDay',
        tags,
        summary: 'Close the municipality on a day: deadlines counted in working days skip it',
        params: TenantParams,
        body: Type.Object(
          {
            date: Type.String({ format: 'date' }),
            reason: Type.String({ minLength: 1, maxLength: 200, description: 'e.g. "Inneklemt dag etter Kristi himmelfart"' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: ClosedDaySchema },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const body = request.body as { date: string; reason: string };
      const created = await inTenant(ctx, request, (tx) =>
        addClosedDay(tx, {
          tenantId: request.tenant!.id,
          date: body.date,
          reason: body.reason,
          createdBy: `${principal.kind}:${principal.id} (${principal.name})`,
          at: ctx.clock.now(),
        }),
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/v1/:tenant/closed-days/:id',
    {
      config: { roles: writers },
      schema: {
        operationId: 'removeClosedDay',
        tags,
        summary: 'Open the municipality again on a closed day',
        params: Type.Object({ tenant: Type.String(), id: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null({ description: 'Removed' }) },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await inTenant(ctx, request, (tx) => removeClosedDay(tx, id));
      return reply.status(204).send(null);
    },
  );
}
