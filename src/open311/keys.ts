// SPDX-License-Identifier: EUPL-1.2
// API keys for posting reports: one municipality's, created by its tenant administrator (API or
// `radhus open311 key create`), shown once and stored as SHA-256 only, revocable.
import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../platform/db/transaction.ts';
import { invalid, notFound } from '../platform/http/problem.ts';
import { isUuid, newId } from '../platform/ids.ts';
import { insertKey, revokeKeyRow, selectKeys, type KeyRow } from './repository.ts';

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export interface KeyView {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

export const keyView = (r: KeyRow): KeyView => ({ id: r.id, name: r.name, createdBy: r.created_by, createdAt: r.created_at.toISOString(), revokedAt: r.revoked_at?.toISOString() ?? null });

export async function createKey(tx: Tx, input: { tenantId: string; name: string; createdBy: string; at: Date }): Promise<KeyView & { key: string }> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw invalid([{ field: 'name', code: name ? 'tooLong' : 'required', message: 'must be 1–200 characters' }]);
  const key = `o311_${randomBytes(32).toString('base64url')}`;
  const row: KeyRow = { id: newId(), tenant_id: input.tenantId, name, key_hash: hashKey(key), created_by: input.createdBy, created_at: input.at, revoked_at: null };
  await insertKey(tx, row);
  return { ...keyView(row), key };
}

export async function listKeys(tx: Tx): Promise<KeyView[]> {
  return (await selectKeys(tx)).map(keyView);
}

export async function revokeKey(tx: Tx, id: string, at: Date): Promise<void> {
  if (!isUuid(id)) throw invalid([{ field: 'id', code: 'invalidId', message: 'must be a key id (a UUID)' }]);
  if (!(await revokeKeyRow(tx, id, at))) throw notFound(`active Open311 key ${id}`);
}
