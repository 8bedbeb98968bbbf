// SPDX-License-Identifier: EUPL-1.2
// Test helpers of citizen proposals: a citizen logged in with e-ID at a level (a real session whose
// ID token names the level, as the provider's would), a person of the secretariat, and the mail
// a proposal sent.
import { sql } from 'kysely';
import { loggedInPerson } from '../test-support/person.ts';
import type { TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';

export type Json = Record<string, any>;
export type Headers = Record<string, string>;

let counter = 0;

/** A citizen with a session; `level: undefined` given: a login whose ID token names no level; `identityNumber: null`: no e-ID. */
export async function citizenSession(t: TestRadhus, tenant: Tenant, input: { name?: string; identityNumber: string | null; level?: 'substantial' | 'high' | undefined }): Promise<Headers & { userId: string }> {
  counter += 1;
  const level = 'level' in input ? input.level : 'high';
  const person = await loggedInPerson(t, [tenant.id], { name: input.name ?? `Innbygger ${counter}`, identityNumber: input.identityNumber, ...(level ? { level } : {}) });
  return { ...person.headers, userId: person.userId };
}

/** A person of the secretariat logged in (paper lists need a person who answers for them, not a token). */
export async function staffSession(t: TestRadhus, tenant: Tenant, role: 'secretariat' | 'tenant-admin' = 'secretariat'): Promise<Headers & { userId: string }> {
  counter += 1;
  const person = await loggedInPerson(t, [tenant.id], { name: `Sekretær ${counter}`, identityNumber: null, role });
  return { ...person.headers, userId: person.userId };
}

export const headersOf = ({ userId: _u, ...h }: Headers & { userId?: string }): Headers => h;

export async function proposalMails(t: TestRadhus): Promise<{ to: string; subject: string; text: string }[]> {
  const rows = await sql<{ payload: Json }>`select payload from jobs where type = 'mail.send' and payload->'mail'->>'template' = 'proposals.notice' order by id`.execute(t.ctx.db.kysely);
  return rows.rows.map((r) => ({ to: r.payload.mail.to, subject: r.payload.mail.subject, text: r.payload.mail.text }));
}
