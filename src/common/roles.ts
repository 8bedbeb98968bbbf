// SPDX-License-Identifier: EUPL-1.2
// The roles a person or token can hold in a municipality: the server checks them on every route,
// the web UI shows what a role may do. Written once here for both.
export const roles = ['citizen', 'case-officer', 'archivist', 'politician', 'secretariat', 'tenant-admin', 'system'] as const;
export type Role = (typeof roles)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (roles as readonly string[]).includes(value);
