// SPDX-License-Identifier: EUPL-1.2
// The units module: a municipality's administrative units under /api/v1/{tenant}/units. Tenant
// administrators keep them; those who file and assign cases read them to pick from.
import { Type } from 'typebox';
import type { Module } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import type { FastifyRequest } from 'fastify';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { addUnitMember, createUnit, listUnitMembers, listUnits, removeUnitMember, updateUnit, type NewUnit, type Unit, type UnitMember, type UnitPatch } from './service.ts';

const Id = Type.String({ format: 'uuid' });
const UnitOut = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  parentId: Type.Union([Id, Type.Null()]),
  hiddenFromPublic: Type.Boolean({ description: 'the name is never shown on public pages (e.g. a child-welfare office)' }),
  createdAt: Type.String({ format: 'date-time' }),
  closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const Code = Type.String({ minLength: 1, maxLength: 20, description: 'short code: letters, digits, ".", "_" or "-"', examples: ['PLAN'] });
const Name = Type.String({ minLength: 1, maxLength: 200 });

const readers = { roles: ['case-officer', 'archivist', 'tenant-admin', 'system'] as const };
const adminOnly = { roles: ['tenant-admin'] as const };
const tags = ['units'];

const MemberOut = Type.Object({
  unitId: Id,
  userId: Id,
  name: Type.String({ description: "the person's name" }),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
});
const MemberBody = Type.Object({ unitId: Id, userId: Id }, { additionalProperties: false });
const presentMember = (m: UnitMember) => ({ ...m, createdAt: m.createdAt.toISOString() });

const present = (u: Unit) => ({ ...u, createdAt: u.createdAt.toISOString(), closedAt: u.closedAt?.toISOString() ?? null });

function inTenant<T>(ctx: AppContext, request: FastifyRequest, work: (tx: Tx, tenantId: string, by: string) => Promise<T>): Promise<T> {
  const tenant = request.tenant;
  const principal = request.principal;
  if (!tenant || !principal) throw new ProblemError('unauthenticated', 'log in, or send "Authorization: Bearer <token>"');
  return withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: principal.kind, id: principal.id, name: principal.name } }, (tx) =>
    work(tx, tenant.id, `${principal.kind}:${principal.id}:${principal.name}`),
  );
}

async function unitRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/:tenant/units',
    {
      config: readers,
      schema: {
        operationId: 'listUnits',
        tags,
        summary: "The municipality's administrative units, by code",
        params: Type.Object({ tenant: Type.String() }),
        querystring: Type.Object({ includeClosed: Type.Boolean({ default: false }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(UnitOut) }) },
      },
    },
    async (request) => {
      const { includeClosed } = request.query as { includeClosed: boolean };
      return { items: (await inTenant(ctx, request, (tx) => listUnits(tx, { includeClosed }))).map(present) };
    },
  );

  app.post(
    '/api/v1/:tenant/units',
    {
      config: adminOnly,
      schema: {
        operationId: 'createUnit',
        tags,
        summary: 'Add an administrative unit',
        params: Type.Object({ tenant: Type.String() }),
        body: Type.Object(
          { code: Code, name: Name, parentId: Type.Optional(Type.Union([Id, Type.Null()])), hiddenFromPublic: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 201: UnitOut },
      },
    },
    async (request, reply) => {
      const unit = await inTenant(ctx, request, (tx, tenantId, by) => createUnit(tx, tenantId, request.body as NewUnit, by, ctx.clock.now()));
      return reply.status(201).header('location', `/api/v1/${request.tenant!.slug}/units/${unit.id}`).send(present(unit));
    },
  );

  app.patch(
    '/api/v1/:tenant/units/:id',
    {
      config: adminOnly,
      schema: {
        operationId: 'updateUnit',
        tags,
        summary: 'Change, move, close or reopen an administrative unit',
        description: '`closed: true` closes the unit: it is no longer offered for new cases, but cases keep referring to it. Units are never deleted.',
        params: Type.Object({ tenant: Type.String(), id: Type.String() }),
        body: Type.Object(
          {
            code: Type.Optional(Code),
            name: Type.Optional(Name),
            parentId: Type.Optional(Type.Union([Id, Type.Null()])),
            hiddenFromPublic: Type.Optional(Type.Boolean()),
            closed: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: UnitOut },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      return present(await inTenant(ctx, request, (tx) => updateUnit(tx, id, request.body as UnitPatch, ctx.clock.now())));
    },
  );

  app.get(
    '/api/v1/:tenant/unit-members',
    {
      config: readers,
      schema: {
        operationId: 'listUnitMembers',
        tags,
        summary: 'Who belongs to which administrative unit; optionally of one unit or one person',
        params: Type.Object({ tenant: Type.String() }),
        querystring: Type.Object({ unitId: Type.Optional(Id), userId: Type.Optional(Id) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(MemberOut) }) },
      },
    },
    async (request) => {
      const filter = request.query as { unitId?: string; userId?: string };
      return { items: (await inTenant(ctx, request, (tx, tenantId) => listUnitMembers(tx, tenantId, filter))).map(presentMember) };
    },
  );

  app.post(
    '/api/v1/:tenant/unit-members',
    {
      config: adminOnly,
      schema: {
        operationId: 'addUnitMember',
        tags,
        summary: 'Make a staff member a member of an open unit (their "unit cases" are its cases)',
        description: 'The person must hold a staff role in this municipality. Adding a member again changes nothing (status "already").',
        params: Type.Object({ tenant: Type.String() }),
        body: MemberBody,
        response: { 200: Type.Object({ status: Type.Union([Type.Literal('added'), Type.Literal('already')]), member: MemberOut }) },
      },
    },
    async (request) => {
      const outcome = await inTenant(ctx, request, (tx, tenantId, by) => addUnitMember(tx, tenantId, request.body as { unitId: string; userId: string }, by, ctx.clock.now()));
      return { status: outcome.status, member: presentMember(outcome.member) };
    },
  );

  app.post(
    '/api/v1/:tenant/unit-members/remove',
    {
      config: adminOnly,
      schema: {
        operationId: 'removeUnitMember',
        tags,
        summary: 'Take a person out of a unit (also a closed one)',
        params: Type.Object({ tenant: Type.String() }),
        body: MemberBody,
        response: { 200: Type.Object({ status: Type.Union([Type.Literal('removed'), Type.Literal('not-a-member')]) }) },
      },
    },
    async (request) => inTenant(ctx, request, (tx, tenantId) => removeUnitMember(tx, tenantId, request.body as { unitId: string; userId: string })),
  );
}

export const unitsModule: Module = {
  name: 'units',
  register: unitRoutes,
};
