// SPDX-License-Identifier: EUPL-1.2
// A staff request's work in its municipality's transaction, with the council's context.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import { ProblemError } from '../platform/http/problem.ts';
import type { Role } from '../platform/http/auth.ts';
import type { CouncilCtx } from './roster.ts';

/** The political secretariat; the tenant administrator may do all it may. */
export const secretariat: readonly Role[] = ['secretariat', 'tenant-admin'];
export const tags = ['council'];

export function inCouncil<T>(ctx: AppContext, request: FastifyRequest, work: (tx: Tx, c: CouncilCtx & { country: 'NO' | 'SE' }) => Promise<T>): Promise<T> {
  const { tenant, principal } = request;
  if (!tenant || !principal) throw new ProblemError('unauthenticated', 'log in, or send "Authorization: Bearer <token>"');
  return withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: principal.kind, id: principal.id, name: principal.name } }, (tx) =>
    work(tx, { tenantId: tenant.id, actor: `${principal.kind}:${principal.id}:${principal.name}`, at: ctx.clock.now(), country: tenant.country }));
}
