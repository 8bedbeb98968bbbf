// SPDX-License-Identifier: EUPL-1.2
// Bearer tokens for systems (and for scripts acting in a role). The plaintext is shown once, when
// created; only its SHA-256 is stored, so a database leak does not leak working tokens.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { invalid, notFound } from '../platform/http/problem.ts';
import { roles, type Principal, type Role } from '../platform/http/auth.ts';

interface ApiTokensTable {
  id: string;
  tenant_id: string;
  role: Role;
  name: string;
  token_hash: string;
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
  last_used_at: Date | null;
}
interface Tables {
  api_tokens: ApiTokensTable;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface CreatedToken {
  id: string;
  token: string;
  role: Role;
  name: string;
}

export async function createToken(tx: Tx, input: { tenantId: string; role: string; name?: string; createdBy: string; at: Date }): Promise<CreatedToken> {
  if (!(roles as readonly string[]).includes(input.role))
    throw invalid([{ field: 'role', code: 'notAllowed', message: `must be one of: ${roles.join(', ')}` }]);
  const name = (input.name ?? `${input.role} token`).trim();
  if (!name || name.length > 200) throw invalid([{ field: 'name', code: name ? 'tooLong' : 'required', message: 'must be 1–200 characters' }]);
  const token = `rdh_${randomBytes(32).toString('base64url')}`;
  const id = newId();
  await tables<Tables>(tx)
    .insertInto('api_tokens')
    .values({ id, tenant_id: input.tenantId, role: input.role as Role, name, token_hash: hashToken(token), created_at: input.at, created_by: input.createdBy, revoked_at: null, last_used_at: null })
    .execute();
  return { id, token, role: input.role as Role, name };
}

export async function revokeToken(tx: Tx, id: string, at: Date): Promise<void> {
  if (!isUuid(id)) throw invalid([{ field: 'id', code: 'invalidId', message: 'must be a token id (a UUID) as printed by `radhus token list`' }]);
  const result = await tables<Tables>(tx).updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  if (!result.numUpdatedRows) throw notFound(`active token ${id}`);
}

/** The id of a token given its plaintext; row-level security limits the lookup to this tenant's tokens. */
export async function findTokenIdByValue(tx: Tx, token: string): Promise<string> {
  const row = await tables<Tables>(tx).selectFrom('api_tokens').select('id').where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row) throw notFound('a token of this municipality with that value');
  return row.id;
}

export async function listTokens(tx: Kysely<any>) {
  return tables<Tables>(tx)
    .selectFrom('api_tokens')
    .select(['id', 'role', 'name', 'created_at', 'created_by', 'revoked_at', 'last_used_at'])
    .orderBy('created_at')
    .execute();
}

// Writing last_used_at on every request would turn every read into a write; a minute's precision is enough.
const LAST_USED_PRECISION_MS = 60_000;

export async function authenticateToken(tx: Tx, token: string, at: Date): Promise<Principal | undefined> {
  const row = await tables<Tables>(tx)
    .selectFrom('api_tokens')
    .select(['id', 'role', 'name', 'last_used_at'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  if (!row.last_used_at || at.getTime() - row.last_used_at.getTime() > LAST_USED_PRECISION_MS) {
    await tables<Tables>(tx).updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', row.id).execute();
  }
  return { kind: 'system', id: row.id, name: row.name, roles: [row.role] };
}
