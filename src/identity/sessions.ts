// SPDX-License-Identifier: EUPL-1.2
// Cookie sessions for people. The cookie holds a random id; the database holds its SHA-256, the
// user and a CSRF token. Requests that change something must echo the CSRF token in a header, which
// a cross-site form or image cannot do.
import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../platform/context.ts';
import { withoutTenant, type Tx } from '../platform/db/transaction.ts';
import { ProblemError } from '../platform/http/problem.ts';
import type { Principal } from '../platform/http/auth.ts';
import { hashToken } from './tokens.ts';
import { rolesIn } from './users.ts';
import { idTokenClaims, loginLevelOf } from './claims.ts';

export const SESSION_COOKIE = 'radhus_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_HOURS = 10;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface SessionRow {
  user_id: string;
  csrf_token: string;
  name: string;
  created_at: Date;
  id_token: string | null;
}

async function findSession(tx: Tx, sessionId: string, at: Date): Promise<SessionRow | undefined> {
  const result = await sql<SessionRow>`
    select s.user_id, s.csrf_token, u.name, s.created_at, s.id_token from sessions s join users u on u.id = s.user_id
    where s.id_hash = ${hashToken(sessionId)} and s.expires_at > ${at}`.execute(tx);
  return result.rows[0];
}

export async function createSession(tx: Tx, userId: string, at: Date, idToken?: string): Promise<{ sessionId: string; csrfToken: string; expiresAt: Date }> {
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(at.getTime() + SESSION_HOURS * 3600_000);
  // Expired sessions still hold ID tokens (with identity numbers): each login clears them away.
  await sql`delete from sessions where expires_at <= ${at}`.execute(tx);
  await sql`insert into sessions (id_hash, user_id, csrf_token, id_token, created_at, expires_at)
    values (${hashToken(sessionId)}, ${userId}, ${csrfToken}, ${idToken ?? null}, ${at}, ${expiresAt})`.execute(tx);
  return { sessionId, csrfToken, expiresAt };
}

/** Ends the session; returns its ID token (for ending the provider's session too), if any was kept. */
export async function deleteSession(tx: Tx, sessionId: string): Promise<string | undefined> {
  const result = await sql<{ id_token: string | null }>`delete from sessions where id_hash = ${hashToken(sessionId)} returning id_token`.execute(tx);
  return result.rows[0]?.id_token ?? undefined;
}

export function sessionIdOf(request: FastifyRequest): string | undefined {
  const raw = request.cookies?.[SESSION_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

/** The logged-in person with their roles in this request's municipality, or undefined. */
export async function authenticateSession(ctx: AppContext, request: FastifyRequest): Promise<Principal | undefined> {
  const sessionId = sessionIdOf(request);
  if (!sessionId) return undefined;
  const at = ctx.clock.now();
  const tenant = request.tenant;
  // One transaction for the session and the roles: this runs on every logged-in request.
  const found = await withoutTenant(ctx.db, async (tx) => {
    const session = await findSession(tx, sessionId, at);
    if (!session) return undefined;
    return { session, roles: tenant ? await rolesIn(tx, tenant.id, session.user_id) : [] };
  });
  if (!found) return undefined;
  const { session, roles } = found;
  if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrf_token)
    throw new ProblemError('forbidden', `a logged-in request that changes something must send the ${CSRF_HEADER} header from GET /api/v1/session`);
  // A session begins at a login: its creation is when the person authenticated.
  const login = { at: session.created_at, level: loginLevelOf(idTokenClaims(session.id_token).acr) };
  return { kind: 'user', id: session.user_id, name: session.name, roles, csrfToken: session.csrf_token, login };
}
