// SPDX-License-Identifier: EUPL-1.2
// Bearer tokens for systems (and for scripts acting in a role). The plaintext is shown once, when
// created; only its SHA-256 is stored, so a database leak does not leak working tokens.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
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
  expires_at: Date | null;
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
  expiresAt: Date | null;
}

export async function createToken(tx: Tx, input: { tenantId: string; role: string; name?: string; createdBy: string; at: Date; expiresAt?: Date | undefined }): Promise<CreatedToken> {
  const errors: FieldError[] = [];
  if (!(roles as readonly string[]).includes(input.role)) errors.push({ field: 'role', code: 'notAllowed', message: `must be one of: ${roles.join(', ')}` });
  const name = (input.name ?? `${input.role} token`).trim();
  if (!name || name.length > 200) errors.push({ field: 'name', code: name ? 'tooLong' : 'required', message: 'must be 1–200 characters' });
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= input.at.getTime()))
    errors.push({ field: 'expiresAt', code: 'outOfRange', message: 'must be a moment in the future' });
  if (errors.length) throw invalid(errors);
  const token = `rdh_${randomBytes(32).toString('base64url')}`;
  const id = newId();
  await tables<Tables>(tx)
    .insertInto('api_tokens')
    .values({ id, tenant_id: input.tenantId, role: input.role as Role, name, token_hash: hashToken(token), created_at: input.at, created_by: input.createdBy, revoked_at: null, last_used_at: null, expires_at: expiresAt })
    .execute();
  return { id, token, role: input.role as Role, name, expiresAt };
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
    .select(['id', 'role', 'name', 'created_at', 'created_by', 'revoked_at', 'last_used_at', 'expires_at'])
    .orderBy('created_at')
    .execute();
}

// Writing last_used_at on every request would turn every read into a write; a minute's precision is enough.
const LAST_USED_PRECISION_MS = 60_000;

/**
 * The principal of a bearer token, looked up in the caller's tenant transaction (row-level security
 * limits it to this municipality's tokens). The same statement records the token as the
 * transaction's actor, so a route's work can follow in this transaction without another round trip.
 */
export async function authenticateToken(tx: Tx, token: string, at: Date): Promise<Principal | undefined> {
  // The same statement records the token as the transaction's actor (see above).
  const result = await sql<{ id: string; role: Role; name: string; last_used_at: Date | null }>`
    select id, role, name, last_used_at, set_config('radhus.actor', 'system:' || id, true) as actor
    from api_tokens where token_hash = ${hashToken(token)} and revoked_at is null
      and (expires_at is null or expires_at > ${at})`.execute(tx);
  const row = result.rows[0];
  if (!row) return undefined;
  if (!row.last_used_at || at.getTime() - row.last_used_at.getTime() > LAST_USED_PRECISION_MS) {
    await tables<Tables>(tx).updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', row.id).execute();
  }
  return { kind: 'system', id: row.id, name: row.name, roles: [row.role] };
}
