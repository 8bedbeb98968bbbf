// SPDX-License-Identifier: EUPL-1.2
// Signing, a reusable service (issue 9 §2): a request to sign some content, known by its SHA-256;
// the requester signs at once, others are invited by e-mail with a secret link; a signature records
// who, when, at which level and over which content. Content changed after signing does not match
// the hash, and is refused (409), so a signature can never be moved to other words. Other modules
// (forms now, citizen proposals later) call these functions in their own transactions.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Tx } from '../platform/db/transaction.ts';
import { ProblemError, conflict, forbidden, notFound } from '../platform/http/problem.ts';
import { sendMail } from '../platform/mail/send.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { writeEvent } from '../platform/outbox.ts';
import type { Language } from '../common/languages.ts';
import { inviteMail } from './mail.ts';
import { insertInvitation, insertRequest, insertSignature, markInvitationSigned, selectInvitations, selectLatestRequest, selectRequest, selectSignatures, type Level, type RequestRow, type SignatureRow } from './repository.ts';

export type { Level, SignatureRow } from './repository.ts';

export const sha256 = (content: Buffer | string): string => createHash('sha256').update(content).digest('hex');

/** A canonical JSON text (keys sorted at every level), so equal answers hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

export interface Signer {
  /** "user:<id>" or "system:<id>": the same person signs once per request. */
  id: string;
  name: string;
  identityNumber?: string | undefined;
  /** The signer's login (Principal.login): when, and at which level. */
  login?: { at: Date; level: 'substantial' | 'high' | undefined } | undefined;
}

/** How fresh a login must be to sign with it: the signer has just authenticated again. */
export const FRESH_LOGIN_MS = 5 * 60_000;
const rank = { none: 0, substantial: 1, high: 2 } as const;

/**
 * A signature needs a login made for it (issue 9 §2): within the last few minutes, at the level the
 * signing asks for or higher. Otherwise 401: log in again at /auth/login?level=… and sign then.
 * Returns the level and time the signature records.
 */
export function freshLogin(signer: Signer, required: Level, at: Date): { level: Level; at: Date | null } {
  if (required === 'none') return { level: signer.login?.level ?? 'none', at: signer.login?.at ?? null };
  const login = signer.login;
  if (!login || at.getTime() - login.at.getTime() > FRESH_LOGIN_MS)
    throw new ProblemError('unauthenticated', `to sign, log in again (at /auth/login?level=${required}): the login must be less than ${FRESH_LOGIN_MS / 60_000} minutes old`);
  if (!login.level || rank[login.level] < rank[required])
    throw new ProblemError('unauthenticated', `to sign, log in again at level ${required} (at /auth/login?level=${required}): this login is at level ${login.level ?? 'unknown'}`);
  return { level: login.level, at: login.at };
}

export interface NewSigning {
  tenantId: string;
  subjectType: string;
  subjectId: string;
  contentSha256: string;
  level: Level;
  requester: Signer;
  invitees: { name: string; email: string }[];
  at: Date;
  /** For the invitation mail. */
  mail: { municipality: string; what: string; language: Language; url: (requestId: string, token: string) => string };
}

/** Opens a signing: the requester's own signature, and an invitation mailed to each invitee. */
export async function requestSignatures(tx: Tx, s: NewSigning): Promise<RequestRow> {
  const request: RequestRow = { id: newId(), tenant_id: s.tenantId, subject_type: s.subjectType, subject_id: s.subjectId, content_sha256: s.contentSha256, level: s.level, requested_by: s.requester.id, created_at: s.at };
  const login = freshLogin(s.requester, s.level, s.at);
  await insertRequest(tx, request);
  await insertSignature(tx, { id: newId(), tenant_id: s.tenantId, request_id: request.id, signer: s.requester.id, signer_name: s.requester.name, identity_number: s.requester.identityNumber ?? null, level: login.level, content_sha256: s.contentSha256, signed_at: s.at, authenticated_at: login.at });
  for (const invitee of s.invitees) {
    const token = randomBytes(24).toString('base64url');
    await insertInvitation(tx, { id: newId(), tenant_id: s.tenantId, request_id: request.id, name: invitee.name, email: invitee.email, token_hash: sha256(token), signature_id: null, created_at: s.at });
    await sendMail(tx, { to: invitee.email, template: inviteMail, language: s.mail.language, tenantId: s.tenantId, at: s.at, params: { municipality: s.mail.municipality, requester: s.requester.name, what: s.mail.what, url: s.mail.url(request.id, token) } });
  }
  await writeEvent(tx, { tenantId: s.tenantId, type: 'signing.requested', aggregateType: 'signing', aggregateId: request.id, payload: { subjectType: s.subjectType, subjectId: s.subjectId, invited: s.invitees.length }, at: s.at });
  return request;
}

const sameHash = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * An invitee signs, with the token of their invitation and the hash of the content they were shown:
 * a hash that is not the request's is a signature on changed content, refused.
 */
export async function sign(tx: Tx, input: { requestId: string; token: string; contentSha256: string; signer: Signer; at: Date }): Promise<SignatureRow> {
  const request = isUuid(input.requestId) ? await selectRequest(tx, input.requestId) : undefined;
  if (!request) throw notFound(`signing ${input.requestId}`);
  // The content first: a signature on other words than those asked for is refused whoever signs.
  if (!/^[0-9a-f]{64}$/.test(input.contentSha256) || !sameHash(input.contentSha256, request.content_sha256)) throw conflict('the content has changed since the signing was asked for: the signature would be on other words');
  const invitation = (await selectInvitations(tx, request.id, { forUpdate: true })).find((i) => sameHash(i.token_hash, sha256(input.token)));
  if (!invitation) throw forbidden('this link does not invite you to sign');
  if (invitation.signature_id) throw conflict('this invitation is signed already');
  const login = freshLogin(input.signer, request.level, input.at);
  const signature: SignatureRow = { id: newId(), tenant_id: request.tenant_id, request_id: request.id, signer: input.signer.id, signer_name: input.signer.name, identity_number: input.signer.identityNumber ?? null, level: login.level, content_sha256: request.content_sha256, signed_at: input.at, authenticated_at: login.at };
  if ((await selectSignatures(tx, request.id)).some((s) => s.signer === signature.signer)) throw conflict('you have signed this already');
  await insertSignature(tx, signature);
  await markInvitationSigned(tx, invitation.id, signature.id);
  await writeEvent(tx, { tenantId: request.tenant_id, type: 'signing.signed', aggregateType: 'signing', aggregateId: request.id, payload: { signatureId: signature.id }, at: input.at });
  return signature;
}

export interface SigningStatus {
  request: RequestRow;
  signatures: SignatureRow[];
  waitingFor: string[];
}

/** The newest signing of a subject, with who has signed and whom it still waits for. */
export async function signingOf(tx: Tx, subjectType: string, subjectId: string): Promise<SigningStatus | undefined> {
  const request = await selectLatestRequest(tx, subjectType, subjectId);
  if (!request) return undefined;
  const invitations = await selectInvitations(tx, request.id);
  return { request, signatures: await selectSignatures(tx, request.id), waitingFor: invitations.filter((i) => !i.signature_id).map((i) => i.name) };
}

export async function signingById(tx: Tx, requestId: string): Promise<SigningStatus | undefined> {
  const request = isUuid(requestId) ? await selectRequest(tx, requestId) : undefined;
  if (!request) return undefined;
  const invitations = await selectInvitations(tx, request.id);
  return { request, signatures: await selectSignatures(tx, request.id), waitingFor: invitations.filter((i) => !i.signature_id).map((i) => i.name) };
}
