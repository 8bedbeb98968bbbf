// SPDX-License-Identifier: EUPL-1.2
// The tenant administrator's endpoints (users and roles, units, system tokens) and the lists case
// pages pick the responsible unit and officer from, named after their operationIds.
import { api, query } from './client.ts';
import type { ResponseBody } from './types.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export type GrantableRole = 'citizen' | 'case-officer' | 'archivist' | 'politician' | 'secretariat' | 'tenant-admin';
export const grantableRoles: readonly GrantableRole[] = ['case-officer', 'archivist', 'politician', 'secretariat', 'tenant-admin', 'citizen'];

// Shapes come from the generated API types (schema.d.ts): a change in the API the UI misses fails the typecheck.
type Item<T> = T extends readonly (infer I)[] ? I : never;
export type StaffUser = Item<ResponseBody<'listUsers', 200>['items']>;
export type PendingGrant = Item<ResponseBody<'listUsers', 200>['pending']>;
export type Unit = ResponseBody<'createUnit', 201>;
export type Token = Item<ResponseBody<'listTokens', 200>['items']>;
export type Officer = Item<ResponseBody<'listOfficers', 200>['items']>;

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

export type UnitMember = Item<ResponseBody<'listUnitMembers', 200>['items']>;
export const listUnitMembers = (tenant: string, signal?: AbortSignal) => api<{ items: UnitMember[] }>(`${base(tenant)}/unit-members`, opts(signal));
export const addUnitMember = (tenant: string, input: { unitId: string; userId: string }) =>
  api<{ status: 'added' | 'already'; member: UnitMember }>(`${base(tenant)}/unit-members`, { method: 'POST', json: input });
export const removeUnitMember = (tenant: string, input: { unitId: string; userId: string }) =>
  api<{ status: 'removed' | 'not-a-member' }>(`${base(tenant)}/unit-members/remove`, { method: 'POST', json: input });
