// SPDX-License-Identifier: EUPL-1.2
// Authentication and role checks for tenant routes. A bearer token belongs to one municipality:
// presented on another's routes it is simply not found there (row-level security), hence 401.
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { authenticateToken } from './tokens.ts';
import { authenticateSession } from './sessions.ts';

export async function registerAuthentication(app: App, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.authentication === false) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new ProblemError('unauthenticated', 'the Authorization header must be "Bearer <token>"');
      const tenant = request.tenant;
      if (!tenant) throw new ProblemError('unauthenticated', 'bearer tokens are valid only on routes of their municipality (/api/v1/{tenant}/…)');
      const token = match[1]!;
      const principal = await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'system', id: 'auth', name: 'auth' } }, (tx) =>
        authenticateToken(tx, token, ctx.clock.now()),
      );
      if (!principal) throw new ProblemError('unauthenticated', `the bearer token is unknown, revoked, or not valid for ${tenant.name}`);
      request.principal = principal;
      return;
    }
    request.principal = await authenticateSession(ctx, request);
  });

  app.addHook('preHandler', async (request) => {
    const allowed = request.routeOptions.config.roles;
    if (!allowed) return;
    const principal = request.principal;
    if (!principal) throw new ProblemError('unauthenticated', 'log in, or send "Authorization: Bearer <token>"');
    if (!principal.roles.some((role) => allowed.includes(role)))
      throw new ProblemError('forbidden', `this needs one of the roles ${allowed.join(', ')}; you have ${principal.roles.join(', ') || 'none'} here`);
  });
}
