// SPDX-License-Identifier: EUPL-1.2
// The session and the municipalities, typed by docs/openapi.json (schema.d.ts).
import { api } from './client.ts';
import type { ResponseBody, Session, Tenant } from './types.ts';

export const getSession = () => api<Session>('/api/v1/session');
export const listTenants = () => api<ResponseBody<'listTenants', 200>>('/api/v1/tenants');
export const getTenant = (slug: string) => api<Tenant>(`/api/v1/${encodeURIComponent(slug)}`);
/** Ends our session; `endSessionUrl` is where the identity provider ends its own, if it has one. */
export const logout = () => api<ResponseBody<'logout', 200>>('/auth/logout', { method: 'POST', json: {} });

export const loginUrl = (tenant: string, returnTo: string) =>
  `/auth/login?tenant=${encodeURIComponent(tenant)}&returnTo=${encodeURIComponent(returnTo)}`;
