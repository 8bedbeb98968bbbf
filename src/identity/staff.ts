// SPDX-License-Identifier: EUPL-1.2
// A municipality's staff: the people holding roles there, and roles granted in Rådhus itself by a
// tenant administrator or `radhus user grant`. A grant for someone who has never logged in waits
// (pending_role_grants) until their first login with that subject or verified e-mail address.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import type { Role } from '../platform/http/auth.ts';
import { mappableRoles } from '../platform/role-map.ts';
import { grantLocalRole, removeRole } from './users.ts';

/** Who a grant or revocation is for: exactly one of these. */
export interface GrantTarget {
  userId?: string | undefined;
  email?: string | undefined;
  subject?: string | undefined;
}

export interface StaffMember {
  id: string;
  name: string;
  email: string | null;
  lastLoginAt: Date | null;
  roles: { role: Role; source: 'idp' | 'local' }[];
}

export interface PendingGrant {
  id: string;
  email: string | null;
  subject: string | null;
  role: Role;
  createdAt: Date;
  createdBy: string;
}

export type GrantOutcome = { status: 'granted' | 'already'; user: { id: string; name: string } } | { status: 'pending'; pending: PendingGrant };
export type RevokeOutcome = { status: 'revoked'; user: { id: string; name: string } } | { status: 'withdrawn'; pendingId: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkGrant(target: GrantTarget, role: string): FieldError[] {
  const errors: FieldError[] = [];
  const given = (['userId', 'email', 'subject'] as const).filter((k) => target[k] !== undefined);
  if (given.length !== 1) errors.push({ field: 'userId', code: 'exactlyOne', message: 'name the person by exactly one of userId, email or subject' });
  if (target.userId !== undefined && !isUuid(target.userId)) errors.push({ field: 'userId', code: 'invalidId', message: 'must be a user id (a UUID) from the list of users' });
  if (target.email !== undefined && (!EMAIL.test(target.email.trim()) || target.email.length > 320)) errors.push({ field: 'email', code: 'invalidEmail', message: 'must be an e-mail address, e.g. kari.nordmann@balsfjord.kommune.no' });
  if (target.subject !== undefined && (!target.subject.trim() || target.subject.length > 255)) errors.push({ field: 'subject', code: target.subject.trim() ? 'tooLong' : 'required', message: "must be the identity provider's subject (sub), 1–255 characters" });
  if (!(mappableRoles as readonly string[]).includes(role)) errors.push({ field: 'role', code: 'notAllowed', message: `must be one of ${mappableRoles.join(', ')} (system is for tokens)` });
  return errors;
}

/** The people holding a role in this municipality (the transaction is entered as its tenant). */
export async function listStaff(tx: Tx, tenantId: string): Promise<StaffMember[]> {
  const rows = await sql<{ id: string; name: string; email: string | null; last_login_at: Date | null; role: Role; source: 'idp' | 'local' }>`
    select u.id, u.name, u.email, u.last_login_at, r.role, r.source
    from role_assignments r join users u on u.id = r.user_id
    where r.tenant_id = ${tenantId} order by u.name, u.id, r.role`.execute(tx);
  const byUser = new Map<string, StaffMember>();
  for (const row of rows.rows) {
    const member = byUser.get(row.id) ?? { id: row.id, name: row.name, email: row.email, lastLoginAt: row.last_login_at, roles: [] };
    member.roles.push({ role: row.role, source: row.source });
    byUser.set(row.id, member);
  }
  return [...byUser.values()];
}

export async function listPendingGrants(tx: Tx, tenantId: string): Promise<PendingGrant[]> {
  const rows = await sql<{ id: string; email: string | null; subject: string | null; role: Role; created_at: Date; created_by: string }>`
    select id, email, subject, role, created_at, created_by from pending_role_grants
    where tenant_id = ${tenantId} and claimed_at is null order by created_at, id`.execute(tx);
  return rows.rows.map((r) => ({ id: r.id, email: r.email, subject: r.subject, role: r.role, createdAt: r.created_at, createdBy: r.created_by }));
}

/** People who can be responsible for a case here: case officers and archivists. */
export async function listOfficers(tx: Tx, tenantId: string): Promise<{ id: string; name: string }[]> {
  const rows = await sql<{ id: string; name: string }>`
    select distinct u.id, u.name from role_assignments r join users u on u.id = r.user_id
    where r.tenant_id = ${tenantId} and r.role in ('case-officer', 'archivist') order by u.name, u.id`.execute(tx);
  return rows.rows;
}

/** A case officer or archivist of this municipality by id, or undefined (unknown, or not staff here). */
export async function findOfficer(tx: Tx, tenantId: string, userId: string): Promise<{ id: string; name: string } | undefined> {
  if (!isUuid(userId)) return undefined;
  const rows = await sql<{ id: string; name: string }>`
    select u.id, u.name from users u where u.id = ${userId} and exists (
      select 1 from role_assignments r where r.tenant_id = ${tenantId} and r.user_id = u.id and r.role in ('case-officer', 'archivist'))`.execute(tx);
  return rows.rows[0];
}

/** Roles that make a person staff (everything but citizen): who may belong to an administrative unit. */
const staffRoles: readonly Role[] = ['case-officer', 'archivist', 'politician', 'secretariat', 'tenant-admin'];

/** A person holding a staff role in this municipality, by id, or undefined (unknown, citizen only, or elsewhere). */
export async function findStaff(tx: Tx, tenantId: string, userId: string): Promise<{ id: string; name: string } | undefined> {
  if (!isUuid(userId)) return undefined;
  const rows = await sql<{ id: string; name: string }>`
    select u.id, u.name from users u where u.id = ${userId} and exists (
      select 1 from role_assignments r where r.tenant_id = ${tenantId} and r.user_id = u.id and r.role in (${sql.join(staffRoles)}))`.execute(tx);
  return rows.rows[0];
}

/** The one person a target names, if they have logged in; a conflict when an e-mail or subject is ambiguous. */
async function resolveUser(tx: Tx, tenantId: string, target: GrantTarget): Promise<{ id: string; name: string } | undefined> {
  if (target.userId !== undefined) {
    const rows = await sql<{ id: string; name: string }>`
      select u.id, u.name from users u where u.id = ${target.userId}
        and exists (select 1 from role_assignments r where r.tenant_id = ${tenantId} and r.user_id = u.id)`.execute(tx);
    if (!rows.rows[0]) throw notFound(`a person with a role in this municipality with id ${target.userId}`);
    return rows.rows[0];
  }
  const found =
    target.email !== undefined
      ? await sql<{ id: string; name: string }>`select id, name from users where lower(email) = ${target.email.trim().toLowerCase()} and email_verified order by id`.execute(tx)
      : await sql<{ id: string; name: string }>`select id, name from users where subject = ${target.subject!.trim()} order by id`.execute(tx);
  if (found.rows.length > 1)
    throw conflict(`${found.rows.length} people have logged in with ${target.email !== undefined ? 'that e-mail address' : 'that subject'}; name the person by ${target.email !== undefined ? 'subject' : 'user id'} instead`);
  return found.rows[0];
}

export async function grantRole(tx: Tx, tenantId: string, target: GrantTarget, role: string, by: string, at: Date): Promise<GrantOutcome> {
  const errors = checkGrant(target, role);
  if (errors.length) throw invalid(errors);
  const user = await resolveUser(tx, tenantId, target);
  if (user) return { status: await grantLocalRole(tx, tenantId, user.id, role as Role, at), user };
  const email = target.email?.trim().toLowerCase() ?? null;
  const subject = email ? null : target.subject!.trim();
  const existing = (await listPendingGrants(tx, tenantId)).find((p) => p.email === email && p.subject === subject && p.role === role);
  if (existing) return { status: 'pending', pending: existing };
  const pending: PendingGrant = { id: newId(), email, subject, role: role as Role, createdAt: at, createdBy: by };
  await sql`insert into pending_role_grants (id, tenant_id, email, subject, role, created_at, created_by)
    values (${pending.id}, ${tenantId}, ${email}, ${subject}, ${role}, ${at}, ${by})`.execute(tx);
  return { status: 'pending', pending };
}

/**
 * A municipality without a tenant administrator can only be managed from the command line again:
 * the last one keeps the role. The holders' rows are locked, so two administrators revoking each
 * other at the same moment cannot both succeed.
 */
async function keepOneTenantAdmin(tx: Tx, tenantId: string, user: { id: string; name: string }): Promise<void> {
  const admins = await sql<{ user_id: string }>`
    select user_id from role_assignments where tenant_id = ${tenantId} and role = 'tenant-admin' order by user_id for update`.execute(tx);
  if (admins.rows.length === 1 && admins.rows[0]!.user_id === user.id)
    throw conflict(`${user.name} is the last tenant administrator of this municipality; grant tenant-admin to someone else first`, [
      { field: 'role', code: 'lastTenantAdmin', message: 'the last tenant administrator cannot lose the role' },
    ]);
}

export async function revokeRole(tx: Tx, tenantId: string, target: GrantTarget, role: string): Promise<RevokeOutcome> {
  const errors = checkGrant(target, role);
  if (errors.length) throw invalid(errors);
  const user = await resolveUser(tx, tenantId, target);
  if (user && role === 'tenant-admin') await keepOneTenantAdmin(tx, tenantId, user);
  if (user && (await removeRole(tx, tenantId, user.id, role as Role))) return { status: 'revoked', user };
  const email = target.email?.trim().toLowerCase() ?? null;
  if (target.userId === undefined) {
    const withdrawn = await sql<{ id: string }>`
      delete from pending_role_grants where tenant_id = ${tenantId} and claimed_at is null and role = ${role}
        and (${email}::text is not null and email = ${email} or ${email}::text is null and subject = ${target.subject?.trim() ?? null})
      returning id`.execute(tx);
    if (withdrawn.rows[0]) return { status: 'withdrawn', pendingId: withdrawn.rows[0].id };
  }
  throw notFound(`a role ${role} for ${user ? user.name : (email ?? target.subject ?? target.userId)} in this municipality`);
}
