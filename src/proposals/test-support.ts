// SPDX-License-Identifier: EUPL-1.2
// Test helpers of citizen proposals: a citizen logged in with e-ID at a level (a real session whose
// ID token names the level, as the provider would), the settings, and the mail a proposal sent.
import { sql } from 'kysely';
import { withoutTenant } from '../platform/db/transaction.ts';
import { grantLocalRole, upsertUser } from '../identity/users.ts';
import { createSession, CSRF_HEADER, SESSION_COOKIE } from '../identity/sessions.ts';
import type { TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';

export type Json = Record<string, any>;
export type Headers = Record<string, string>;

let counter = 0;

/** A citizen of the municipality with a session; level undefined: a login whose `acr` names no level. */
export async function citizenSession(t: TestRadhus, tenant: Tenant, input: { name?: string; identityNumber: string | null; level?: 'substantial' | 'high' | undefined }): Promise<Headers & { userId: string }> {
  counter += 1;
  const acr = input.level === undefined && 'level' in input ? 'none' : input.level === 'substantial' ? 'idporten-loa-substantial' : 'idporten-loa-high';
  return withoutTenant(t.ctx.db, async (tx) => {
    const id = await upsertUser(tx, { issuer: 'https://idp.test', subject: `citizen-${counter}-${Date.now()}`, name: input.name ?? `Innbygger ${counter}`, email: undefined, identityNumber: input.identityNumber ?? undefined }, t.clock.now());
    await grantLocalRole(tx, tenant.id, id, 'citizen', t.clock.now());
    const token = `e30.${Buffer.from(JSON.stringify({ acr })).toString('base64url')}.sig`;
    const { sessionId, csrfToken } = await createSession(tx, id, t.clock.now(), token);
    return { cookie: `${SESSION_COOKIE}=${t.app.signCookie(sessionId)}`, [CSRF_HEADER]: csrfToken, userId: id };
  });
}

/** A person of the secretariat logged in (paper lists need a person who answers for them, not a token). */
export async function staffSession(t: TestRadhus, tenant: Tenant, role: 'secretariat' | 'tenant-admin' = 'secretariat'): Promise<Headers & { userId: string }> {
  counter += 1;
  return withoutTenant(t.ctx.db, async (tx) => {
    const id = await upsertUser(tx, { issuer: 'https://idp.test', subject: `staff-${counter}-${Date.now()}`, name: `Sekretær ${counter}`, email: undefined, identityNumber: undefined }, t.clock.now());
    await grantLocalRole(tx, tenant.id, id, role, t.clock.now());
    const { sessionId, csrfToken } = await createSession(tx, id, t.clock.now());
    return { cookie: `${SESSION_COOKIE}=${t.app.signCookie(sessionId)}`, [CSRF_HEADER]: csrfToken, userId: id };
  });
}

export const headersOf = ({ userId: _u, ...h }: Headers & { userId?: string }): Headers => h;

export async function proposalMails(t: TestRadhus): Promise<{ to: string; subject: string; text: string }[]> {
  const rows = await sql<{ payload: Json }>`select payload from jobs where type = 'mail.send' and payload->'mail'->>'template' = 'proposals.notice' order by id`.execute(t.ctx.db.kysely);
  return rows.rows.map((r) => ({ to: r.payload.mail.to, subject: r.payload.mail.subject, text: r.payload.mail.text }));
}
