// SPDX-License-Identifier: EUPL-1.2
// The tenant administrator's endpoints (users and roles, units, system tokens) and the lists case
// pages pick the responsible unit and officer from, named after their operationIds.
import { api, query } from './client.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export type GrantableRole = 'citizen' | 'case-officer' | 'archivist' | 'politician' | 'tenant-admin';
export const grantableRoles: readonly GrantableRole[] = ['case-officer', 'archivist', 'politician', 'tenant-admin', 'citizen'];

export interface StaffUser {
  id: string;
  name: string;
  email: string | null;
  lastLoginAt: string | null;
  roles: { role: string; source: 'idp' | 'local' }[];
}
export interface PendingGrant {
  id: string;
  email: string | null;
  subject: string | null;
  role: string;
  createdAt: string;
}
export interface Unit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  hiddenFromPublic: boolean;
  closedAt: string | null;
}
export interface Token {
  id: string;
  role: string;
  name: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
}
export interface Officer {
  id: string;
  name: string;
}

export type GrantTarget = { userId: string } | { email: string };

export const listUsers = (tenant: string, signal?: AbortSignal) => api<{ items: StaffUser[]; pending: PendingGrant[] }>(`${base(tenant)}/users`, opts(signal));
export const grantRole = (tenant: string, input: GrantTarget & { role: string }) =>
  api<{ status: 'granted' | 'already' | 'pending' }>(`${base(tenant)}/role-grants`, { method: 'POST', json: input });
export const revokeRole = (tenant: string, input: GrantTarget & { role: string }) =>
  api<{ status: 'revoked' | 'withdrawn' }>(`${base(tenant)}/role-grants/revoke`, { method: 'POST', json: input });

export const listUnits = (tenant: string, includeClosed: boolean, signal?: AbortSignal) =>
  api<{ items: Unit[] }>(`${base(tenant)}/units${query({ includeClosed: includeClosed ? 'true' : undefined })}`, opts(signal));
export const createUnit = (tenant: string, input: { code: string; name: string; parentId: string | null; hiddenFromPublic: boolean }) =>
  api<Unit>(`${base(tenant)}/units`, { method: 'POST', json: input });
export const updateUnit = (tenant: string, id: string, patch: Partial<{ code: string; name: string; parentId: string | null; hiddenFromPublic: boolean; closed: boolean }>) =>
  api<Unit>(`${base(tenant)}/units/${encodeURIComponent(id)}`, { method: 'PATCH', json: patch });

export const listOfficers = (tenant: string, signal?: AbortSignal) => api<{ items: Officer[] }>(`${base(tenant)}/officers`, opts(signal));

export const listTokens = (tenant: string, signal?: AbortSignal) => api<{ items: Token[] }>(`${base(tenant)}/tokens`, opts(signal));
export const createToken = (tenant: string, input: { name: string; expiresAt?: string }) =>
  api<{ id: string; token: string; name: string; expiresAt: string | null }>(`${base(tenant)}/tokens`, { method: 'POST', json: { role: 'system', ...input } });
export const revokeToken = (tenant: string, id: string) => api<unknown>(`${base(tenant)}/tokens/${encodeURIComponent(id)}/revoke`, { method: 'POST', json: {} });

export interface UnitMember {
  unitId: string;
  userId: string;
  name: string;
  createdAt: string;
}
export const listUnitMembers = (tenant: string, signal?: AbortSignal) => api<{ items: UnitMember[] }>(`${base(tenant)}/unit-members`, opts(signal));
export const addUnitMember = (tenant: string, input: { unitId: string; userId: string }) =>
  api<{ status: 'added' | 'already'; member: UnitMember }>(`${base(tenant)}/unit-members`, { method: 'POST', json: input });
export const removeUnitMember = (tenant: string, input: { unitId: string; userId: string }) =>
  api<{ status: 'removed' | 'not-a-member' }>(`${base(tenant)}/unit-members/remove`, { method: 'POST', json: input });
