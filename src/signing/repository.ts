// SPDX-License-Identifier: EUPL-1.2
// The signing module's SQL: requests, invitations and signatures, each row of one municipality.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';

export type Level = 'none' | 'substantial' | 'high';

export interface RequestRow {
  id: string;
  tenant_id: string;
  subject_type: string;
  subject_id: string;
  content_sha256: string;
  level: Level;
  requested_by: string;
  created_at: Date;
}

export interface InvitationRow {
  id: string;
  tenant_id: string;
  request_id: string;
  name: string;
  email: string;
  token_hash: string;
  signature_id: string | null;
  created_at: Date;
}

export interface SignatureRow {
  id: string;
  tenant_id: string;
  request_id: string;
  signer: string;
  signer_name: string;
  identity_number: string | null;
  level: Level;
  content_sha256: string;
  signed_at: Date;
  /** When the signer logged in afresh to sign (null for signatures older than this rule). */
  authenticated_at: Date | null;
}

export async function insertRequest(tx: Tx, r: RequestRow): Promise<void> {
  await sql`insert into signing_requests (id, tenant_id, subject_type, subject_id, content_sha256, level, requested_by, created_at)
    values (${r.id}, ${r.tenant_id}, ${r.subject_type}, ${r.subject_id}, ${r.content_sha256}, ${r.level}, ${r.requested_by}, ${r.created_at})`.execute(tx);
}

export async function insertInvitation(tx: Tx, r: InvitationRow): Promise<void> {
  await sql`insert into signing_invitations (id, tenant_id, request_id, name, email, token_hash, signature_id, created_at)
    values (${r.id}, ${r.tenant_id}, ${r.request_id}, ${r.name}, ${r.email}, ${r.token_hash}, ${r.signature_id}, ${r.created_at})`.execute(tx);
}

export async function insertSignature(tx: Tx, r: SignatureRow): Promise<void> {
  await sql`insert into signatures (id, tenant_id, request_id, signer, signer_name, identity_number, level, content_sha256, signed_at, authenticated_at)
    values (${r.id}, ${r.tenant_id}, ${r.request_id}, ${r.signer}, ${r.signer_name}, ${r.identity_number}, ${r.level}, ${r.content_sha256}, ${r.signed_at}, ${r.authenticated_at})`.execute(tx);
}

export async function selectRequest(tx: Tx, id: string): Promise<RequestRow | undefined> {
  return (await sql<RequestRow>`select * from signing_requests where id = ${id}::uuid`.execute(tx)).rows[0];
}

/** The newest request for a subject (a draft, a proposal). */
export async function selectLatestRequest(tx: Tx, subjectType: string, subjectId: string): Promise<RequestRow | undefined> {
  return (await sql<RequestRow>`select * from signing_requests where subject_type = ${subjectType} and subject_id = ${subjectId}::uuid order by created_at desc, id desc limit 1`.execute(tx)).rows[0];
}

/** `forUpdate` locks them: two people signing at once take turns (the request itself is never updated). */
export async function selectInvitations(tx: Tx, requestId: string, options: { forUpdate?: boolean } = {}): Promise<InvitationRow[]> {
  return (await sql<InvitationRow>`select * from signing_invitations where request_id = ${requestId}::uuid order by created_at, id${options.forUpdate ? sql` for update` : sql``}`.execute(tx)).rows;
}

export async function selectSignatures(tx: Tx, requestId: string): Promise<SignatureRow[]> {
  return (await sql<SignatureRow>`select * from signatures where request_id = ${requestId}::uuid order by signed_at, id`.execute(tx)).rows;
}

export async function markInvitationSigned(tx: Tx, invitationId: string, signatureId: string): Promise<void> {
  await sql`update signing_invitations set signature_id = ${signatureId}::uuid where id = ${invitationId}::uuid and signature_id is null`.execute(tx);
}

/** The person signing: their name and identity number from the login (`pid`). */
export async function selectSigner(tx: Tx, userId: string): Promise<{ name: string; identity_number: string | null } | undefined> {
  return (await sql<{ name: string; identity_number: string | null }>`select name, identity_number from users where id = ${userId}::uuid`.execute(tx)).rows[0];
}
