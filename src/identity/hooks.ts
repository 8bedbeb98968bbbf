// SPDX-License-Identifier: EUPL-1.2
// Authentication and role checks for tenant routes, all before the request body is validated: a
// caller without the right to an operation learns nothing about its fields (401/403, never a 400
// listing them). A bearer token belongs to one municipality: presented on another's routes it is
// simply not found there (row-level security), hence 401.
//
// Order: onRequest refuses anonymous callers of role-guarded routes and reads cookie sessions
// (with their roles) before the body is read; preValidation, after the body is parsed but before it
// is validated, checks a bearer token and its role. The token is checked in a tenant transaction
// that the route's work then continues (config.workInAuthTransaction), so a request costs one
// transaction, not two, and a revoked token is refused at once, with no cache to go stale. It
// happens after parsing so that a slow client cannot hold a database connection while it sends.
import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { beginTenant, finishOpenTenant } from '../platform/db/transaction.ts';
import { ProblemError } from '../platform/http/problem.ts';
import type { Principal } from '../platform/http/auth.ts';
import { authenticateToken } from './tokens.ts';
import { authenticateSession } from './sessions.ts';
import { FailureLimiter } from './failure-limiter.ts';

const BEARER = /^Bearer\s+(\S+)$/i;

export async function registerAuthentication(app: App, ctx: AppContext): Promise<void> {
  const failures = new FailureLimiter(ctx.config.rateLimit.failedTokensPerMinute, 60_000);

  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.authentication === false) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      if (!BEARER.test(header)) throw new ProblemError('unauthenticated', 'the Authorization header must be "Bearer <token>"');
      if (!request.tenant) throw new ProblemError('unauthenticated', 'bearer tokens are valid only on routes of their municipality (/api/v1/{tenant}/…)');
      failures.check(request.ip);
      return; // checked in preValidation, once the body is in
    }
    request.principal = await authenticateSession(ctx, request);
    checkRole(request, request.principal);
  });

  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.authentication === false || request.principal) return;
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) return;
    const tenant = request.tenant!;
    const open = await beginTenant(ctx.db, tenant.id);
    let principal: Principal | undefined;
    try {
      principal = await authenticateToken(open.tx, match[1]!, ctx.clock.now());
      if (!principal) {
        failures.record(request.ip);
        throw new ProblemError('unauthenticated', `the bearer token is unknown, revoked, or not valid for ${tenant.name}`);
      }
      checkRole(request, principal);
    } catch (error) {
      await open.tx.rollback().execute();
      throw error;
    }
    request.principal = principal;
    if (request.routeOptions.config.workInAuthTransaction) request.openTransaction = open;
    else await open.tx.commit().execute();
  });

  // A route that took no part of its open transaction (refused by validation, say) ends it here:
  // commit, as it holds only the token's last-used stamp.
  const finish = async (request: FastifyRequest) => {
    const open = request.openTransaction;
    if (!open) return;
    request.openTransaction = undefined;
    await finishOpenTenant(open, async () => undefined).catch((error) => request.log.error({ err: error }, 'could not end the request transaction'));
  };
  app.addHook('onResponse', finish);
  app.addHook('onRequestAbort', finish);
  app.addHook('onError', finish);
}

function checkRole(request: FastifyRequest, principal: Principal | undefined): void {
  const allowed = request.routeOptions.config.roles;
  if (!allowed) return;
  if (!principal) throw new ProblemError('unauthenticated', 'log in, or send "Authorization: Bearer <token>"');
  if (!principal.roles.some((role) => allowed.includes(role)))
    throw new ProblemError('forbidden', `this needs one of the roles ${allowed.join(', ')}; you have ${principal.roles.join(', ') || 'none'} here`);
}
