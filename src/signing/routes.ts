// SPDX-License-Identifier: EUPL-1.2
// The signing API: an invitee (or the requester, or the municipality's staff) reads what a signing
// is about, and an invitee signs it with the link's token and the hash of the content shown.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { ProblemError, notFound } from '../platform/http/problem.ts';
import type { Principal, Role } from '../platform/http/auth.ts';
import { selectInvitations, selectSigner } from './repository.ts';
import { sha256, sign, signingById, type Signer, type SigningStatus } from './service.ts';

const tags = ['signing'];
const people: readonly Role[] = ['citizen', 'case-officer', 'archivist', 'tenant-admin', 'politician'];
const staff: readonly Role[] = ['case-officer', 'archivist', 'tenant-admin'];
const Params = Type.Object({ tenant: Type.String(), id: Type.String({ format: 'uuid' }) });
const Token = Type.String({ minLength: 1, maxLength: 100, description: 'the secret of the invitation link' });
const SignBody = Type.Object({ token: Token, contentSha256: Type.String({ maxLength: 64, description: 'SHA-256 of the content the signer was shown' }) }, { additionalProperties: false });
const SigningOut = Type.Object({
  id: Type.String({ format: 'uuid' }),
  subjectType: Type.String(),
  subjectId: Type.String({ format: 'uuid' }),
  contentSha256: Type.String(),
  level: Type.String(),
  signatures: Type.Array(Type.Object({ name: Type.String(), level: Type.String({ description: 'the level of the login the signer made to sign' }), signedAt: Type.String({ format: 'date-time' }), authenticatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'when the signer logged in to sign' }) })),
  waitingFor: Type.Array(Type.String()),
  complete: Type.Boolean(),
});

const present = (s: SigningStatus) => ({
  id: s.request.id, subjectType: s.request.subject_type, subjectId: s.request.subject_id, contentSha256: s.request.content_sha256, level: s.request.level,
  signatures: s.signatures.map((g) => ({ name: g.signer_name, level: g.level, signedAt: g.signed_at.toISOString(), authenticatedAt: g.authenticated_at?.toISOString() ?? null })), waitingFor: s.waitingFor, complete: s.waitingFor.length === 0,
});

const signerId = (p: Principal) => `${p.kind}:${p.id}`;

function inTenant<T>(ctx: AppContext, request: FastifyRequest, work: Parameters<typeof withTenant<T>>[2]): Promise<T> {
  const { tenant, principal } = request;
  if (!tenant || !principal) throw new ProblemError('unauthenticated', 'log in');
  return withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: principal.kind, id: principal.id, name: principal.name } }, work);
}

export async function signingRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/v1/:tenant/signings/:id', {
    config: { roles: people },
    schema: { operationId: 'getSigning', tags, summary: 'What a signing is about and who has signed: for an invitee (with the link’s token), the requester, or staff', params: Params, querystring: Type.Object({ token: Type.Optional(Token) }, { additionalProperties: false }), response: { 200: SigningOut } },
  }, async (request) => {
    const principal = request.principal!;
    const status = await inTenant(ctx, request, async (tx) => {
      const found = await signingById(tx, request.params.id);
      if (!found) return undefined;
      const token = request.query.token;
      const invited = token ? (await selectInvitations(tx, found.request.id)).some((i) => i.token_hash === sha256(token)) : false;
      const mine = found.request.requested_by === signerId(principal) || found.signatures.some((s) => s.signer === signerId(principal));
      return invited || mine || principal.roles.some((r) => staff.includes(r)) ? found : undefined;
    });
    if (!status) throw notFound(`signing ${request.params.id}`);
    return present(status);
  });

  app.post('/api/v1/:tenant/signings/:id/sign', {
    config: { roles: people },
    schema: { operationId: 'signContent', tags, summary: 'Sign, as an invitee: the signature holds who, when, the level and the SHA-256 of the content', params: Params, body: SignBody, response: { 200: SigningOut } },
  }, async (request) => {
    const principal = request.principal!;
    const status = await inTenant(ctx, request, async (tx) => {
      const person = principal.kind === 'user' ? await selectSigner(tx, principal.id) : undefined;
      const signer: Signer = { id: signerId(principal), name: person?.name ?? principal.name, identityNumber: person?.identity_number ?? undefined, login: principal.login };
      await sign(tx, { requestId: request.params.id, token: request.body.token, contentSha256: request.body.contentSha256, signer, at: ctx.clock.now() });
      return (await signingById(tx, request.params.id))!;
    });
    return present(status);
  });
}
