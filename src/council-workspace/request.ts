// SPDX-License-Identifier: EUPL-1.2
// A politician's request in its municipality's transaction, with radhus.user_id set to the caller:
// the policy on council_member_notes then shows and lets change only the caller's own notes, held
// by the database and not only by the queries (migrations/0028_participation.sql).
import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import { forbidden, ProblemError } from '../platform/http/problem.ts';
import type { Language } from '../common/languages.ts';

export interface WorkspaceCtx {
  tenantId: string; actor: string; at: Date; userId: string;
  tenant: { slug: string; name: string; language: Language; country: 'NO' | 'SE' };
  publicUrl: string;
}

export const tags = ['council-workspace'];

/** Runs the work as the user: tenant and radhus.user_id set for this transaction only. */
export async function asUser<T>(tx: Tx, userId: string, work: () => Promise<T>): Promise<T> {
  await sql`select set_config('radhus.user_id', ${userId}, true)`.execute(tx);
  return work();
}

/**
 * `person: false` for the secretariat's reads, which an integration's token may make; the member's
 * own routes answer a logged-in person only: a token is nobody's notes, seat or absence.
 */
export function inWorkspace<T>(ctx: AppContext, request: FastifyRequest, work: (tx: Tx, c: WorkspaceCtx) => Promise<T>, options: { person?: boolean } = {}): Promise<T> {
  const { tenant, principal } = request;
  if (!tenant || !principal) throw new ProblemError('unauthenticated', 'log in, or send "Authorization: Bearer <token>"');
  if (options.person !== false && principal.kind !== 'user') throw forbidden('the workspace is an elected member’s own: log in as the member (an API token is no person)');
  return withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: principal.kind, id: principal.id, name: principal.name } }, (tx) =>
    asUser(tx, principal.id, () => work(tx, {
      tenantId: tenant.id, actor: `${principal.kind}:${principal.id}:${principal.name}`, at: ctx.clock.now(), userId: principal.id,
      tenant: { slug: tenant.slug, name: tenant.name, language: tenant.language, country: tenant.country }, publicUrl: ctx.config.publicUrl,
    })));
}
