// SPDX-License-Identifier: EUPL-1.2
// Test factories of the questions: a politician (a logged-in person with the politician role, linked
// to a council person by user_id through the council's own service), a citizen, and the API calls.
import { withoutTenant, withTenant } from '../platform/db/transaction.ts';
import { syncProviderRoles } from '../identity/service.ts';
import type { TestRadhus } from '../test-support/app.ts';
import { loggedInPerson, type TestPerson } from '../test-support/person.ts';
import type { Tenant } from '../tenants/tenant.ts';
import * as council from '../council/service.ts';

/** Logs in a person as the politician of a council person (the roster links the login). */
export async function politicianOf(t: TestRadhus, tenant: Tenant, person: council.PersonRow): Promise<TestPerson> {
  const login = await loggedInPerson(t, [tenant.id], { name: `${person.given_name} ${person.family_name}` });
  // As the identity provider grants it (the roles claim), beside the citizen role of the login.
  await withoutTenant(t.ctx.db, (tx) => syncProviderRoles(tx, login.userId, new Map([[tenant.id, ['citizen', 'politician']]]), t.clock.now()));
  await withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'system', id: 'questions-test', name: 'questions test' } }, (tx) =>
    council.updatePerson(tx, { tenantId: tenant.id, actor: 'system:questions-test:questions test', at: t.clock.now() }, person.id, { userId: login.userId }));
  return login;
}

export const citizen = (t: TestRadhus, tenant: Tenant, name = 'Ola Innbygger', email?: string) => loggedInPerson(t, [tenant.id], { name, ...(email ? { email } : {}) });

export const ask = (t: TestRadhus, tenant: Tenant, who: TestPerson, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/questions`, headers: who.headers, payload });

export const answer = (t: TestRadhus, tenant: Tenant, who: TestPerson | { authorization: string }, questionId: string, text: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/questions/${questionId}/answer`, headers: 'headers' in who ? who.headers : who, payload: { text } });
