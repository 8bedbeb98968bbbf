// SPDX-License-Identifier: EUPL-1.2
// Who may do what in the archive, in one place. Responses carry the resulting `actions` so the UI
// never re-implements these rules.
import type { Principal, Role } from '../platform/http/auth.ts';
import type { ArchiveCtx } from './change-log.ts';

export const archiveReaders: readonly Role[] = ['case-officer', 'archivist', 'system'];
export const archiveWriters: readonly Role[] = ['case-officer', 'archivist', 'system'];

export const canWrite = (p: Principal | undefined): boolean => Boolean(p?.roles.some((r) => archiveWriters.includes(r)));

export function archiveCtx(principal: Principal, tenantId: string, at: Date): ArchiveCtx {
  return { tenantId, actor: `${principal.kind}:${principal.id}:${principal.name}`, at };
}

/** The name part of a stored actor ("user:<id>:<name>"). */
export const actorName = (actor: string): string => actor.split(':').slice(2).join(':') || actor;
