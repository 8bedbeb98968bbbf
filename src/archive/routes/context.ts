// SPDX-License-Identifier: EUPL-1.2
// Runs a route's work in one tenant transaction with the caller as the actor.
import type { FastifyRequest } from 'fastify';
import { finishOpenTenant, withTenant, type Tx } from '../../platform/db/transaction.ts';
import type { AppContext } from '../../platform/context.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { archiveCtx } from '../permissions.ts';
import type { ArchiveCtx } from '../change-log.ts';

export interface RouteCtx extends ArchiveCtx {
  country: 'NO' | 'SE';
  isSystem: boolean;
}

export function inTenant<T>(ctx: AppContext, request: FastifyRequest, work: (tx: Tx, c: RouteCtx) => Promise<T>): Promise<T> {
  const tenant = request.tenant;
  const principal = request.principal;
  if (!tenant || !principal) throw new ProblemError('unauthenticated', 'log in, or send "Authorization: Bearer <token>"');
  const at = ctx.clock.now();
  const c: RouteCtx = { ...archiveCtx(principal, tenant.id, at), country: tenant.country, isSystem: principal.roles.includes('system') };
  // The first work of a request continues the transaction in which its bearer token was checked.
  const open = request.openTransaction;
  if (open && open.tenantId === tenant.id) {
    request.openTransaction = undefined;
    return finishOpenTenant(open, (tx) => work(tx, c));
  }
  return withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: principal.kind, id: principal.id, name: principal.name } }, (tx) => work(tx, c));
}

export const TenantParams = { tenant: { type: 'string', description: 'the municipality slug, e.g. balsfjord' } } as const;
