// SPDX-License-Identifier: EUPL-1.2
// What a login does to a person's roles. The identity provider is the authority for the roles it
// grants (through the configured claim mapping, or the demo provider's own `radhus_roles` claim);
// Rådhus keeps the roles granted in Rådhus itself, and grants waiting for a first login are claimed.
import type { Tx } from '../platform/db/transaction.ts';
import type { Role } from '../platform/http/auth.ts';
import type { OidcConfig } from '../platform/config.ts';
import { mapRoles } from '../platform/role-map.ts';
import { findTenantBySlug, listTenants } from '../tenants/service.ts';
import { claimPendingGrants, ensureCitizen, rolesClaim, syncProviderRoles, type LoginIdentity } from './users.ts';

export interface LoginRoleInput {
  userId: string;
  identity: LoginIdentity;
  claims: Record<string, unknown>;
  /** The demo provider: its `radhus_roles` claim lists roles per municipality slug. */
  demo: boolean;
  /** The real provider's mapping, when one is configured. */
  oidc: OidcConfig | undefined;
  /** The municipality the person logged in from, if any: they are at least a citizen there. */
  tenantSlug: string | undefined;
  at: Date;
}

export async function applyLoginRoles(tx: Tx, input: LoginRoleInput): Promise<void> {
  const { userId, at } = input;
  const granted = input.demo ? rolesClaim(input.claims.radhus_roles) : input.oidc ? mapRoles(input.claims, input.oidc.rolesClaim, input.oidc.roleMap) : new Map<string, Role[]>();
  // Every municipality gets the provider's current word, also the ones it no longer mentions, so a
  // person removed from a group loses the role at their next login.
  const wanted = new Map<string, Role[]>();
  for (const tenant of await listTenants(tx)) wanted.set(tenant.id, granted.get(tenant.slug) ?? []);
  await syncProviderRoles(tx, userId, wanted, at);
  await claimPendingGrants(tx, userId, input.identity, at);
  if (input.tenantSlug && !input.demo) {
    const tenant = await findTenantBySlug(tx, input.tenantSlug);
    if (tenant) await ensureCitizen(tx, tenant.id, userId, at);
  }
}
