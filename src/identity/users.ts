// SPDX-License-Identifier: EUPL-1.2
// People and their roles per municipality. Role assignments are tenant-owned rows: each write
// first names its municipality (radhus.tenant_id) so row-level security checks it, and a person's
// overview across municipalities reads through the policy's own-rows clause (radhus.user_id).
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import { roles as allRoles, type Role } from '../platform/http/auth.ts';

export interface LoginIdentity {
  issuer: string;
  subject: string;
  name: string;
  email: string | undefined;
  identityNumber: string | undefined;
  /** The provider vouches for the address (email_verified, or OIDC_TRUST_EMAIL): only then may it claim a pending grant. */
  emailVerified?: boolean;
}

export async function upsertUser(tx: Tx, identity: LoginIdentity, at: Date): Promise<string> {
  const result = await sql<{ id: string }>`
    insert into users (id, issuer, subject, name, email, email_verified, identity_number, created_at, last_login_at)
    values (${newId()}, ${identity.issuer}, ${identity.subject}, ${identity.name}, ${identity.email ?? null}, ${Boolean(identity.email && identity.emailVerified)}, ${identity.identityNumber ?? null}, ${at}, ${at})
    on conflict (issuer, subject) do update set
      name = excluded.name,
      email = coalesce(excluded.email, users.email),
      email_verified = case when excluded.email is null then users.email_verified else excluded.email_verified end,
      identity_number = coalesce(excluded.identity_number, users.identity_number),
      last_login_at = excluded.last_login_at
    returning id`.execute(tx);
  return result.rows[0]!.id;
}

async function actAsTenant(tx: Tx, tenantId: string): Promise<void> {
  await sql`select set_config('radhus.tenant_id', ${tenantId}, true)`.execute(tx);
}

/** The person's roles in one municipality; names it first so row-level security lets the rows through. */
export async function rolesIn(tx: Tx, tenantId: string, userId: string): Promise<Role[]> {
  await actAsTenant(tx, tenantId);
  const rows = await sql<{ role: Role }>`select role from role_assignments where tenant_id = ${tenantId} and user_id = ${userId} order by role`.execute(tx);
  return rows.rows.map((r) => r.role);
}

/**
 * Applies what the identity provider says at login: in each listed municipality the roles it grants
 * are added (marked 'idp'), and roles it granted before but no longer does are removed. Roles
 * granted in Rådhus itself ('local') are left alone.
 */
export async function syncProviderRoles(tx: Tx, userId: string, wanted: Map<string, Role[]>, at: Date): Promise<void> {
  for (const [tenantId, roles] of wanted) {
    await actAsTenant(tx, tenantId);
    const current = (await sql<{ role: Role; source: 'idp' | 'local' }>`select role, source from role_assignments where tenant_id = ${tenantId} and user_id = ${userId}`.execute(tx)).rows;
    const remove = current.filter((r) => r.source === 'idp' && !roles.includes(r.role)).map((r) => r.role);
    const add = roles.filter((r) => !current.some((c) => c.role === r));
    if (remove.length) await sql`delete from role_assignments where tenant_id = ${tenantId} and user_id = ${userId} and source = 'idp' and role in (${sql.join(remove)})`.execute(tx);
    for (const role of add) await sql`insert into role_assignments (tenant_id, user_id, role, created_at, source) values (${tenantId}, ${userId}, ${role}, ${at}, 'idp')`.execute(tx);
  }
}

/** Grants a role in Rådhus itself; a role the provider granted becomes local, so it outlives the provider's say. */
export async function grantLocalRole(tx: Tx, tenantId: string, userId: string, role: Role, at: Date): Promise<'granted' | 'already'> {
  await actAsTenant(tx, tenantId);
  const result = await sql<{ source: string }>`
    insert into role_assignments (tenant_id, user_id, role, created_at, source) values (${tenantId}, ${userId}, ${role}, ${at}, 'local')
    on conflict (tenant_id, user_id, role) do update set source = 'local' where role_assignments.source <> 'local'
    returning source`.execute(tx);
  return result.rows.length ? 'granted' : 'already';
}

/** Removes a role whatever its source; returns whether there was one. */
export async function removeRole(tx: Tx, tenantId: string, userId: string, role: Role): Promise<boolean> {
  await actAsTenant(tx, tenantId);
  const result = await sql`delete from role_assignments where tenant_id = ${tenantId} and user_id = ${userId} and role = ${role}`.execute(tx);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/**
 * Grants waiting for this person (made with `radhus user grant` before their first login), matched
 * by subject or by a verified e-mail address, in every municipality; each becomes a local role.
 */
export async function claimPendingGrants(tx: Tx, userId: string, identity: LoginIdentity, at: Date): Promise<number> {
  const email = identity.email && identity.emailVerified ? identity.email.toLowerCase() : '';
  await sql`select set_config('radhus.login_subject', ${identity.subject}, true), set_config('radhus.login_email', ${email}, true)`.execute(tx);
  const grants = await sql<{ id: string; tenant_id: string; role: Role }>`
    select id, tenant_id, role from pending_role_grants
    where claimed_at is null and (subject = ${identity.subject} or (${email} <> '' and email = ${email}))
    order by created_at`.execute(tx);
  for (const grant of grants.rows) {
    await grantLocalRole(tx, grant.tenant_id, userId, grant.role, at);
    await sql`update pending_role_grants set claimed_at = ${at}, claimed_by = ${userId} where id = ${grant.id}`.execute(tx);
  }
  await sql`select set_config('radhus.login_subject', '', true), set_config('radhus.login_email', '', true)`.execute(tx);
  return grants.rows.length;
}

/** A person logging in to a municipality where they hold no role is at least a citizen there. */
export async function ensureCitizen(tx: Tx, tenantId: string, userId: string, at: Date): Promise<void> {
  if ((await rolesIn(tx, tenantId, userId)).length) return;
  await sql`insert into role_assignments (tenant_id, user_id, role, created_at, source) values (${tenantId}, ${userId}, 'citizen', ${at}, 'local')`.execute(tx);
}

export interface TenantRoles {
  slug: string;
  name: string;
  roles: Role[];
}

/** Every municipality where the person holds a role; runs with no tenant, only the person set. */
export async function rolesAcrossTenants(tx: Tx, userId: string): Promise<TenantRoles[]> {
  await sql`select set_config('radhus.user_id', ${userId}, true)`.execute(tx);
  const rows = await sql<{ slug: string; name: string; role: Role }>`
    select t.slug, t.name, r.role from role_assignments r join tenants t on t.id = r.tenant_id
    where r.user_id = ${userId} order by t.name, r.role`.execute(tx);
  const byTenant = new Map<string, TenantRoles>();
  for (const row of rows.rows) {
    const entry = byTenant.get(row.slug) ?? { slug: row.slug, name: row.name, roles: [] };
    entry.roles.push(row.role);
    byTenant.set(row.slug, entry);
  }
  return [...byTenant.values()];
}

/** The `radhus_roles` claim ({"<slug>": ["case-officer", …]}) with unknown roles and shapes dropped. */
export function rolesClaim(value: unknown): Map<string, Role[]> {
  const out = new Map<string, Role[]>();
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [slug, list] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    const valid = [...new Set(list.filter((r): r is Role => typeof r === 'string' && (allRoles as readonly string[]).includes(r) && r !== 'system'))];
    out.set(slug, valid);
  }
  return out;
}

/**
 * The identity number a person logged in with (the provider's `pid` claim or its Swedish
 * counterpart), or undefined: My page finds a person's cases, messages and properties by it.
 */
export async function identityNumberOf(tx: Tx, userId: string): Promise<string | undefined> {
  const row = (await sql<{ identity_number: string | null }>`select identity_number from users where id = ${userId}::uuid`.execute(tx)).rows[0];
  return row?.identity_number ?? undefined;
}

/** Addresses where people with this identity number have logged in with an e-mail the provider vouches for. */
export async function verifiedEmailsOf(tx: Tx, identityNumbers: readonly string[]): Promise<string[]> {
  if (!identityNumbers.length) return [];
  const rows = await sql<{ email: string }>`select distinct email from users where identity_number in (${sql.join(identityNumbers)}) and email is not null and email_verified order by email`.execute(tx);
  return rows.rows.map((r) => r.email);
}
