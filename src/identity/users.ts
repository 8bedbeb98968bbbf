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
}

export async function upsertUser(tx: Tx, identity: LoginIdentity, at: Date): Promise<string> {
  const result = await sql<{ id: string }>`
    insert into users (id, issuer, subject, name, email, identity_number, created_at, last_login_at)
    values (${newId()}, ${identity.issuer}, ${identity.subject}, ${identity.name}, ${identity.email ?? null}, ${identity.identityNumber ?? null}, ${at}, ${at})
    on conflict (issuer, subject) do update set
      name = excluded.name,
      email = coalesce(excluded.email, users.email),
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

/** Makes the person's roles in each listed municipality exactly the given ones. */
export async function replaceRoles(tx: Tx, userId: string, wanted: Map<string, Role[]>, at: Date): Promise<void> {
  for (const [tenantId, roles] of wanted) {
    const current = await rolesIn(tx, tenantId, userId);
    const remove = current.filter((r) => !roles.includes(r));
    const add = roles.filter((r) => !current.includes(r));
    if (remove.length) await sql`delete from role_assignments where tenant_id = ${tenantId} and user_id = ${userId} and role in (${sql.join(remove)})`.execute(tx);
    for (const role of add) await sql`insert into role_assignments (tenant_id, user_id, role, created_at) values (${tenantId}, ${userId}, ${role}, ${at})`.execute(tx);
  }
}

/** A person logging in to a municipality where they hold no role is at least a citizen there. */
export async function ensureCitizen(tx: Tx, tenantId: string, userId: string, at: Date): Promise<void> {
  if ((await rolesIn(tx, tenantId, userId)).length) return;
  await sql`insert into role_assignments (tenant_id, user_id, role, created_at) values (${tenantId}, ${userId}, 'citizen', ${at})`.execute(tx);
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
