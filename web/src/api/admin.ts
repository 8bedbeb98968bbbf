// SPDX-License-Identifier: EUPL-1.2
// The tenant administrator's endpoints (users and roles, units, system tokens) and the lists case
// pages pick the responsible unit and officer from, named after their operationIds.
import { api, query } from './client.ts';
import type { Item, Narrow, RequestBody, ResponseBody, Role } from './types.ts';

const base = (tenant: string) => `/api/v1/${encodeURIComponent(tenant)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export type GrantableRole = RequestBody<'grantRole'>['role'];
export const grantableRoles: readonly GrantableRole[] = ['case-officer', 'archivist', 'politician', 'secretariat', 'tenant-admin', 'citizen'];
/** A role held may be one no one grants here (`system`): granting and revoking take only the others. */
export const isGrantable = (role: string): role is GrantableRole => (grantableRoles as readonly string[]).includes(role);

// Shapes come from the generated API types (schema.d.ts): a change in the API the UI misses fails the
// typecheck. A held or pending role is `string` there (a CHECK list in the tables: the roles of
// src/common/roles.ts) and narrowed here to that union.
type ApiUser = Item<ResponseBody<'listUsers', 200>['items']>;
export type StaffUser = Narrow<ApiUser, { roles: Narrow<Item<ApiUser['roles']>, { role: Role }>[] }>;
export type PendingGrant = Narrow<Item<ResponseBody<'listUsers', 200>['pending']>, { role: Role }>;
export type Unit = ResponseBody<'createUnit', 201>;
export type Token = Item<ResponseBody<'listTokens', 200>['items']>;
export type Officer = Item<ResponseBody<'listOfficers', 200>['items']>;

type GrantInput = RequestBody<'grantRole'>;
/** The API takes a known user's id or, for someone before their first login, an e-mail address (the UI never sends a subject). */
export type GrantTarget = Required<Pick<GrantInput, 'userId'>> | Required<Pick<GrantInput, 'email'>>;

export const listUsers = (tenant: string, signal?: AbortSignal) => api<{ items: StaffUser[]; pending: PendingGrant[] }>(`${base(tenant)}/users`, opts(signal));
export const grantRole = (tenant: string, input: GrantTarget & { role: GrantableRole }) =>
  api<ResponseBody<'grantRole', 200>>(`${base(tenant)}/role-grants`, { method: 'POST', json: input });
export const revokeRole = (tenant: string, input: GrantTarget & { role: GrantableRole }) =>
  api<ResponseBody<'revokeRole', 200>>(`${base(tenant)}/role-grants/revoke`, { method: 'POST', json: input });

export const listUnits = (tenant: string, includeClosed: boolean, signal?: AbortSignal) =>
  api<ResponseBody<'listUnits', 200>>(`${base(tenant)}/units${query({ includeClosed: includeClosed ? 'true' : undefined })}`, opts(signal));
export const createUnit = (tenant: string, input: RequestBody<'createUnit'>) =>
  api<Unit>(`${base(tenant)}/units`, { method: 'POST', json: input });
export const updateUnit = (tenant: string, id: string, patch: RequestBody<'updateUnit'>) =>
  api<Unit>(`${base(tenant)}/units/${encodeURIComponent(id)}`, { method: 'PATCH', json: patch });

export const listOfficers = (tenant: string, signal?: AbortSignal) => api<ResponseBody<'listOfficers', 200>>(`${base(tenant)}/officers`, opts(signal));

export const listTokens = (tenant: string, signal?: AbortSignal) => api<ResponseBody<'listTokens', 200>>(`${base(tenant)}/tokens`, opts(signal));
export const createToken = (tenant: string, input: Omit<RequestBody<'createToken'>, 'role'>) =>
  api<ResponseBody<'createToken', 201>>(`${base(tenant)}/tokens`, { method: 'POST', json: { role: 'system', ...input } satisfies RequestBody<'createToken'> });
export const revokeToken = (tenant: string, id: string) => api<ResponseBody<'revokeToken', 200>>(`${base(tenant)}/tokens/${encodeURIComponent(id)}/revoke`, { method: 'POST', json: {} });

export type UnitMember = Item<ResponseBody<'listUnitMembers', 200>['items']>;
export const listUnitMembers = (tenant: string, signal?: AbortSignal) => api<ResponseBody<'listUnitMembers', 200>>(`${base(tenant)}/unit-members`, opts(signal));
export const addUnitMember = (tenant: string, input: RequestBody<'addUnitMember'>) =>
  api<ResponseBody<'addUnitMember', 200>>(`${base(tenant)}/unit-members`, { method: 'POST', json: input });
export const removeUnitMember = (tenant: string, input: RequestBody<'removeUnitMember'>) =>
  api<ResponseBody<'removeUnitMember', 200>>(`${base(tenant)}/unit-members/remove`, { method: 'POST', json: input });

// The same shapes in other answers (checked here, so a drift fails the typecheck).
export const sameShapes: [
  Item<ResponseBody<'listUnits', 200>['items']> extends Unit ? true : false,
  ResponseBody<'updateUnit', 200> extends Unit ? true : false,
  ResponseBody<'addUnitMember', 200>['member'] extends UnitMember ? true : false,
] = [true, true, true];
