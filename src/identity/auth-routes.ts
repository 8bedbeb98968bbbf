// SPDX-License-Identifier: EUPL-1.2
// Login, callback, logout and "who am I" for people. The browser-only steps (login, callback) are
// redirects and stay out of the OpenAPI document; logout and the session are API operations.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import { ProblemError, invalid } from '../platform/http/problem.ts';
import { languageSchema, roles, type Language as LanguageCode } from '../platform/http/auth.ts';
import { findTenantBySlug } from '../tenants/service.ts';
import { createSession, deleteSession, sessionIdOf, SESSION_COOKIE } from './sessions.ts';
import { OidcLogin, safeReturnTo, type PendingLogin } from './oidc-login.ts';
import { identityFromClaims } from './claims.ts';
import { requestLanguage, sendLoginError } from './login-error-page.ts';
import { rolesAcrossTenants, upsertUser } from './users.ts';
import { applyLoginRoles } from './login-roles.ts';

const LOGIN_COOKIE = 'radhus_login';
const LOGIN_COOKIE_PATH = '/auth/callback';
const LOGIN_SECONDS = 600;

const Language = Type.Unsafe<LanguageCode>(languageSchema);

export const SessionSchema = Type.Object({
  user: Type.Union([Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }), Type.Null()]),
  csrfToken: Type.Union([Type.String(), Type.Null()], { description: 'Send as the x-csrf-token header on every request that changes something' }),
  tenants: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: Type.String(),
      roles: Type.Array(Type.Enum(roles)),
    }),
    { description: 'The municipalities where the person holds a role' },
  ),
});

export function registerAuthRoutes(app: App, ctx: AppContext, login: OidcLogin | undefined): void {
  const secure = ctx.config.publicUrl.startsWith('https://');
  const cookieBase = { httpOnly: true, sameSite: 'lax' as const, secure, signed: true };

  const requireLogin = (): OidcLogin => {
    if (!login) throw new ProblemError('unavailable', 'no identity provider is configured: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
    return login;
  };

  // Login, callback, logout and the session are for anyone: they are how one becomes someone.
  const open = { access: 'public' } as const;

  app.get(
    '/auth/login',
    {
      config: open,
      schema: {
        hide: true,
        querystring: Type.Object({
          tenant: Type.Optional(Type.String({ maxLength: 40 })),
          returnTo: Type.Optional(Type.String({ maxLength: 2000 })),
          lang: Type.Optional(Language),
          level: Type.Optional(Type.Union([Type.Literal('substantial'), Type.Literal('high')], { description: 'log in afresh at this level at least (signing)' })),
        }),
      },
    },
    async (request, reply) => {
      const oidc = requireLogin();
      const query = request.query as { tenant?: string; returnTo?: string; lang?: string; level?: 'substantial' | 'high' };
      const returnTo = safeReturnTo(query.returnTo);
      if (!returnTo) throw invalid([{ field: 'returnTo', code: 'notSameOrigin', message: 'must be a path on this site starting with a single "/", e.g. /balsfjord' }]);
      const tenant = query.tenant ? await withoutTenant(ctx.db, (tx) => findTenantBySlug(tx, query.tenant!)) : undefined;
      if (query.tenant && !tenant) throw invalid([{ field: 'tenant', code: 'notFound', message: `no municipality "${query.tenant}" here; GET /api/v1/tenants lists them` }]);
      let started: Awaited<ReturnType<OidcLogin['start']>>;
      try {
        started = await oidc.start({ returnTo, tenant: tenant?.slug, uiLocales: query.lang ?? tenant?.language, level: query.level });
      } catch (error) {
        // The provider's discovery or keys cannot be fetched: a page that says so, not a 500.
        request.log.error({ err: error }, 'the identity provider could not be reached');
        const lang = (query.lang as LanguageCode | undefined) ?? requestLanguage(request, tenant?.language);
        return sendLoginError(request, reply, 'unreachable', request.url, undefined, lang);
      }
      const { url, pending } = started;
      reply.setCookie(LOGIN_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), { ...cookieBase, path: LOGIN_COOKIE_PATH, maxAge: LOGIN_SECONDS });
      return reply.header('cache-control', 'no-store').redirect(url, 302);
    },
  );

  app.get('/auth/callback', { config: open, schema: { hide: true } }, async (request, reply) => {
    const oidc = requireLogin();
    const pending = readPending(request);
    reply.clearCookie(LOGIN_COOKIE, { path: LOGIN_COOKIE_PATH });
    // A browser arrives here by redirect: every way this can fail is a page in the person's
    // language with a way on (login-error-page.ts), never a problem+json body in a tab.
    const lang = requestLanguage(request);
    const retry = `/auth/login?${new URLSearchParams({ returnTo: pending?.returnTo ?? '/app/', ...(pending?.tenant ? { tenant: pending.tenant } : {}), lang })}`;
    const query = request.query as Record<string, string | undefined>;
    if (typeof query.error === 'string') return sendLoginError(request, reply, 'provider', retry, query.error);
    if (!pending) {
      // The back button replays a finished login: the person is logged in, so let them carry on.
      if (request.principal?.kind === 'user') return sendLoginError(request, reply, 'replayed', '/app/');
      return sendLoginError(request, reply, 'expired', retry);
    }
    if (typeof query.code !== 'string' || !query.code) return sendLoginError(request, reply, 'noCode', retry);
    let result: Awaited<ReturnType<OidcLogin['finish']>>;
    try {
      result = await oidc.finish(new URL(request.url, ctx.config.publicUrl), pending);
    } catch (error) {
      request.log.warn({ err: error }, 'login failed');
      return sendLoginError(request, reply, 'failed', retry);
    }
    const identity = identityFromClaims(oidc.settings.issuer, result.claims, { trustEmail: !oidc.settings.demo && ctx.config.oidc?.trustEmail === true });
    const at = ctx.clock.now();
    const previous = sessionIdOf(request);
    const session = await withoutTenant(ctx.db, async (tx) => {
      // Logging in again, perhaps as someone else: the old session ends rather than lingering.
      if (previous) await deleteSession(tx, previous);
      const userId = await upsertUser(tx, identity, at);
      await applyLoginRoles(tx, { userId, identity, claims: result.claims, demo: oidc.settings.demo, oidc: ctx.config.oidc, tenantSlug: pending.tenant, at });
      return createSession(tx, userId, at, result.idToken);
    });
    // Max-Age rather than Expires: relative, so a browser with a skewed clock keeps it as long as we do.
    reply.setCookie(SESSION_COOKIE, session.sessionId, { ...cookieBase, path: '/', maxAge: Math.floor((session.expiresAt.getTime() - at.getTime()) / 1000) });
    return reply.header('cache-control', 'no-store').redirect(pending.returnTo, 303);
  });

  app.post(
    '/auth/logout',
    {
      config: open,
      schema: {
        operationId: 'logout',
        tags: ['identity'],
        summary: 'End the login session (send the x-csrf-token header)',
        security: [{ session: [] }],
        response: { 200: Type.Object({ endSessionUrl: Type.Union([Type.String(), Type.Null()], { description: "Where to send the browser to log out of the identity provider too" }) }) },
      },
    },
    async (request, reply) => {
      const sessionId = sessionIdOf(request);
      const idToken = sessionId ? await withoutTenant(ctx.db, (tx) => deleteSession(tx, sessionId)) : undefined;
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      const endSessionUrl = login && sessionId ? await login.endSessionUrl(idToken, `${ctx.config.publicUrl}/`).catch(() => undefined) : undefined;
      return { endSessionUrl: endSessionUrl ?? null };
    },
  );

  app.get(
    '/api/v1/session',
    {
      config: open,
      schema: {
        operationId: 'getSession',
        tags: ['identity'],
        summary: 'The logged-in person, their CSRF token and their municipalities',
        security: [{ session: [] }],
        response: { 200: SessionSchema },
      },
    },
    async (request, reply: FastifyReply) => {
      reply.header('cache-control', 'no-store');
      const principal = request.principal;
      if (!principal || principal.kind !== 'user') return { user: null, csrfToken: null, tenants: [] };
      const tenants = await withoutTenant(ctx.db, (tx) => rolesAcrossTenants(tx, principal.id));
      return { user: { id: principal.id, name: principal.name }, csrfToken: principal.csrfToken ?? null, tenants };
    },
  );
}

function readPending(request: FastifyRequest): PendingLogin | undefined {
  const raw = request.cookies[LOGIN_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const value = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as PendingLogin;
    return typeof value.state === 'string' && typeof value.codeVerifier === 'string' && safeReturnTo(value.returnTo) ? value : undefined;
  } catch {
    return undefined;
  }
}
