// SPDX-License-Identifier: EUPL-1.2
// A person logged in (a session, as after an ID-porten login with `pid`)
// who is a citizen of a municipality.
import { randomBytes } from 'node:crypto';
import { withoutTenant } from '../platform/db/transaction.ts';
import { createSession, SESSION_COOKIE } from '../identity/sessions.ts';
import { grantLocalRole, upsertUser } from '../identity/users.ts';
import { syntheticNorwegianNumber } from '../common/idnumbers.ts';
import type { TestRadhus } from './app.ts';
import type { Role } from '../platform/http/auth.ts';

export interface TestPerson {
  userId: string;
  name: string;
  identityNumber: string;
  /** Headers of the person's session: the cookie and the CSRF token unsafe methods echo. */
  headers: { cookie: string; 'x-csrf-token': string };
}

let counter = 0;

/** A synthetic Norwegian number unique within the test process (birth dates from 1950 on, a day apart). */
export function testIdentityNumber(): string {
  counter += 1;
  const day = new Date(Date.UTC(1950, 0, 1) + ((counter * 37 + Number.parseInt(randomBytes(2).toString('hex'), 16)) % 18_000) * 86_400_000);
  return syntheticNorwegianNumber(day.toISOString().slice(0, 10), counter % 20);
}

/**
 * `level`: the session's ID token names this assurance level (`acr`), as ID-porten's does; without
 * it, none. `identityNumber: null`: a login without one (not e-ID). `role`: citizen unless named.
 */
export async function loggedInPerson(t: TestRadhus, tenantIds: readonly string[], input: { name: string; identityNumber?: string | null; email?: string; level?: 'substantial' | 'high'; role?: Role }): Promise<TestPerson> {
  const identityNumber = input.identityNumber === null ? '' : (input.identityNumber ?? testIdentityNumber());
  return withoutTenant(t.ctx.db, async (tx) => {
    const userId = await upsertUser(tx, { issuer: 'https://idporten.test', subject: `${identityNumber || 'no-number'}-${randomBytes(3).toString('hex')}`, name: input.name, email: input.email, emailVerified: Boolean(input.email), identityNumber: identityNumber || undefined }, t.clock.now());
    for (const tenantId of tenantIds) await grantLocalRole(tx, tenantId, userId, input.role ?? 'citizen', t.clock.now());
    const idToken = input.level ? `e30.${Buffer.from(JSON.stringify({ acr: `idporten-loa-${input.level}` })).toString('base64url')}.sig` : undefined;
    const { sessionId, csrfToken } = await createSession(tx, userId, t.clock.now(), idToken);
    return { userId, name: input.name, identityNumber, headers: { cookie: `${SESSION_COOKIE}=${t.app.signCookie(sessionId)}`, 'x-csrf-token': csrfToken } };
  });
}
