// SPDX-License-Identifier: EUPL-1.2
// Citizen proposals (issue 11 §1): a logged-in citizen writes one (their own signature is the first),
// others sign it with e-ID, the secretariat registers paper lists; one signature per identity
// number and proposal (UNIQUE, and checked first under the proposal's row lock so a double sign is
// a 409, never a 500). Reaching the threshold files the case in the same transaction (reaching.ts).
// Every refusal throws before anything is written; the request's one transaction keeps it so.
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/transaction.ts';
import type { StagedFile } from '../platform/files/store.ts';
import { conflict, forbidden, invalid, notFound, ProblemError, type FieldError } from '../platform/http/problem.ts';
import type { Principal, TenantRef } from '../platform/http/auth.ts';
import { isMailAddress } from '../platform/mail/send.ts';
import { scheduleJob } from '../platform/jobs/store.ts';
import { writeEvent } from '../platform/outbox.ts';
import { isUuid, newId } from '../platform/ids.ts';
import { parseIdentityNumber } from '../common/idnumbers.ts';
import { listBodies } from '../council/service.ts';
import { reach } from './reaching.ts';
import { notify } from './notices.ts';
import * as repo from './repository.ts';
import { reaches, signable, thresholdFor } from './rules.ts';

export const LAPSE_JOB = 'proposals.lapse';
const DAY_MS = 86_400_000;

export interface ProposalCtx {
  tenant: TenantRef;
  /** "user:<id>:<name>", as the archive records it. */
  actor: string;
  at: Date;
}

/** The one event of anything about a proposal: the projection re-projects it whole. */
export const proposalChanged = (tx: Tx, c: { tenant: TenantRef; at: Date }, proposalId: string) =>
  writeEvent(tx, { tenantId: c.tenant.id, type: 'proposal.changed', aggregateType: 'citizen-proposal', aggregateId: proposalId, payload: { proposalId }, at: c.at });

export async function proposalOrThrow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<repo.ProposalRow> {
  const p = isUuid(id) ? await repo.selectProposal(tx, id, options) : undefined;
  if (!p) throw notFound(`proposal ${id}`);
  return p;
}

const checkEmail = (errors: FieldError[], email: string | undefined): string | null => {
  const v = email?.trim();
  if (!v) return null;
  if (!isMailAddress(v)) errors.push({ field: 'notifyEmail', code: 'invalidEmail', message: 'not an e-mail address: correct it, or leave it out' });
  return v;
};

interface Signer { userId: string; name: string; identityNumber: string; level: 'substantial' | 'high'; authenticatedAt: Date }

/**
 * The person behind a signature: a logged-in person (not a token) with an identity number from
 * e-ID and a login of level substantial or high. `claimed`: an identity number in the request,
 * which must be the login's own (nobody signs for someone else).
 */
async function signerOf(tx: Tx, principal: Principal, country: 'NO' | 'SE', claimed: string | undefined): Promise<Signer> {
  if (principal.kind !== 'user') throw forbidden('a proposal is signed by a person logged in with electronic ID, not with an API token');
  const user = await repo.selectUser(tx, principal.id);
  if (!user?.identity_number) throw forbidden('signing needs a login with electronic ID that gives your identity number');
  const level = principal.login?.level;
  if (level !== 'substantial' && level !== 'high')
    throw new ProblemError('unauthenticated', 'signing needs a login with electronic ID at level substantial or high: log in again at /auth/login?level=substantial');
  const own = parseIdentityNumber(user.identity_number, country);
  const identityNumber = own.ok ? own.normalised : user.identity_number.replace(/\D/g, '');
  if (claimed !== undefined) {
    const parsed = parseIdentityNumber(claimed, country);
    const theirs = parsed.ok ? parsed.normalised : claimed.replace(/\D/g, '');
    if (theirs !== identityNumber) throw new ProblemError('forbidden', 'you sign for yourself only: the identity number is not that of your login (signing for someone else)', [{ field: 'identityNumber', code: 'notYourIdentity', message: 'not the identity number of your login' }]);
  }
  return { userId: principal.id, name: user.name, identityNumber, level, authenticatedAt: principal.login!.at };
}

const notOpen = (p: repo.ProposalRow) =>
  conflict(`the proposal is ${p.status === 'open' ? 'closed for signatures' : p.status}: only an open proposal can be signed`, [{ field: 'proposalId', code: 'notOpen', message: `the proposal is ${p.status === 'open' ? 'past its closing date' : p.status}` }]);

/** After signatures were added (count already updated in `p`): at the threshold, the case is filed. */
async function afterSigned(tx: Tx, ctx: AppContext, c: ProposalCtx, p: repo.ProposalRow, staged: StagedFile[]): Promise<repo.ProposalRow> {
  let row = p;
  if (p.status === 'open' && reaches(p.signature_count, p.threshold)) {
    const { changes, caseNumber } = await reach(tx, ctx, c, p, staged);
    row = { ...p, ...changes, updated_at: c.at };
    await repo.updateProposal(tx, p.id, { ...changes, signature_count: p.signature_count, updated_at: c.at });
    await notify(tx, ctx, c, row, 'reached', caseNumber);
  } else {
    await repo.updateProposal(tx, p.id, { signature_count: p.signature_count, updated_at: c.at });
  }
  await proposalChanged(tx, c, p.id);
  return row;
}

export interface NewProposal { title: string; body: string; notifyEmail?: string | undefined }

export async function createProposal(tx: Tx, ctx: AppContext, c: ProposalCtx, principal: Principal, input: NewProposal, staged: StagedFile[]): Promise<repo.ProposalRow> {
  const signer = await signerOf(tx, principal, c.tenant.country, undefined);
  const errors: FieldError[] = [];
  const title = input.title.trim();
  const body = input.body.trim();
  if (title.length < 3) errors.push({ field: 'title', code: 'tooShort', message: 'at least 3 characters' });
  if (body.length < 10) errors.push({ field: 'body', code: 'tooShort', message: 'at least 10 characters' });
  const email = checkEmail(errors, input.notifyEmail);
  if (errors.length) throw invalid(errors);
  const settings = await repo.selectSettings(tx);
  const threshold = thresholdFor(c.tenant.country, settings && { inhabitants: settings.inhabitants, proposalThreshold: settings.proposal_threshold });
  if (!settings || threshold === null || !settings.proposal_body_id)
    throw conflict('the municipality takes no citizen proposals yet: the secretariat must first set the threshold rule and the deciding body (PUT …/participation/settings)', [{ field: 'settings', code: 'notConfigured', message: 'participation settings are missing' }]);
  const row: repo.ProposalRow = {
    id: newId(), tenant_id: c.tenant.id, title, body, author_user_id: signer.userId, author_name: signer.name, language: c.tenant.language, status: 'open',
    threshold, signature_count: 1, closes_at: new Date(c.at.getTime() + settings.signing_days * DAY_MS), reached_at: null, body_id: null, case_file_id: null,
    registry_entry_id: null, decision_due_on: null, agenda_item_id: null, decision_text: null, decided_at: null, created_at: c.at, updated_at: c.at,
  };
  await repo.insertProposal(tx, row);
  await repo.insertSignatures(tx, [signatureRow(c, row.id, signer, email)]);
  await scheduleJob(tx, { type: LAPSE_JOB, tenantId: c.tenant.id, runAt: row.closes_at, payload: { proposalId: row.id }, key: `${LAPSE_JOB}:${row.id}` });
  return afterSigned(tx, ctx, c, row, staged);
}

const signatureRow = (c: ProposalCtx, proposalId: string, s: Signer, email: string | null): repo.SignatureRow => ({
  id: newId(), tenant_id: c.tenant.id, proposal_id: proposalId, identity_number: s.identityNumber, name: s.name, source: 'eid', user_id: s.userId, level: s.level,
  authenticated_at: s.authenticatedAt, registered_by: null, notify_email: email, language: c.tenant.language, signed_at: c.at,
});

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

export async function signProposal(tx: Tx, ctx: AppContext, c: ProposalCtx, principal: Principal, proposalId: string, input: { notifyEmail?: string | undefined; identityNumber?: string | undefined }, staged: StagedFile[]): Promise<repo.ProposalRow> {
  const signer = await signerOf(tx, principal, c.tenant.country, undefined);
  // The row lock orders concurrent signers of one proposal: the second sees the first's signature.
  const p = await proposalOrThrow(tx, proposalId, { forUpdate: true });
  if ((await repo.selectSignedNumbers(tx, p.id, [signer.identityNumber])).length)
    throw conflict('you have signed this proposal already: one signature per person', [{ field: 'proposalId', code: 'alreadySigned', message: 'signed already' }]);
  // Someone who has not signed, naming another's number: signing for someone else.
  if (input.identityNumber !== undefined) await signerOf(tx, principal, c.tenant.country, input.identityNumber);
  const errors: FieldError[] = [];
  const email = checkEmail(errors, input.notifyEmail);
  if (errors.length) throw invalid(errors);
  if (!signable(p, c.at)) throw notOpen(p);
  try {
    await repo.insertSignatures(tx, [signatureRow(c, p.id, signer, email)]);
  } catch (error) {
    // Only reachable if the lock were bypassed; the constraint still makes it a 409, not a 500.
    if (isUniqueViolation(error)) throw conflict('you have signed this proposal already: one signature per person', [{ field: 'proposalId', code: 'alreadySigned', message: 'signed already' }]);
    throw error;
  }
  return afterSigned(tx, ctx, c, { ...p, signature_count: p.signature_count + 1 }, staged);
}

export interface PaperSignature { name: string; identityNumber: string }

/** Paper lists the secretariat collected: each number checked, none already signed or twice in the batch. */
export async function registerPaperSignatures(tx: Tx, ctx: AppContext, c: ProposalCtx & { userId: string | null }, proposalId: string, signatures: PaperSignature[], staged: StagedFile[]): Promise<repo.ProposalRow> {
  // The list's registrar is recorded as a person (registered_by references users): an API token
  // may read and set, but cannot answer for a paper list.
  if (!c.userId) throw new ProblemError('unprocessable', 'paper signatures are registered by a person of the secretariat, logged in, who answers for them: not with an API token');
  const p = await proposalOrThrow(tx, proposalId, { forUpdate: true });
  const errors: FieldError[] = [];
  const numbers = signatures.map((s, i) => {
    if (!s.name.trim()) errors.push({ field: `signatures.${i}.name`, code: 'required', message: 'the name as written on the list' });
    const parsed = parseIdentityNumber(s.identityNumber, c.tenant.country, { today: c.at });
    if (!parsed.ok) errors.push({ field: `signatures.${i}.identityNumber`, code: parsed.code, message: parsed.reason });
    else if (parsed.kind === 'organisation-number') errors.push({ field: `signatures.${i}.identityNumber`, code: 'wrongKind', message: 'a person’s identity number' });
    return parsed.ok ? parsed.normalised : '';
  });
  if (errors.length) throw invalid(errors);
  const signed = new Set(await repo.selectSignedNumbers(tx, p.id, numbers));
  const seen = new Map<string, number>();
  numbers.forEach((n, i) => {
    if (signed.has(n)) errors.push({ field: `signatures.${i}.identityNumber`, code: 'alreadySigned', message: 'this person has signed the proposal already' });
    else if (seen.has(n)) errors.push({ field: `signatures.${i}.identityNumber`, code: 'duplicate', message: `the same person as signatures.${seen.get(n)}` });
    else seen.set(n, i);
  });
  if (errors.length) throw conflict('some signatures are there already: one signature per person (nothing was registered)', errors);
  if (!signable(p, c.at)) throw notOpen(p);
  await repo.insertSignatures(tx, signatures.map((s, i) => ({
    id: newId(), tenant_id: c.tenant.id, proposal_id: p.id, identity_number: numbers[i]!, name: s.name.trim(), source: 'paper' as const, user_id: null, level: null,
    authenticated_at: null, registered_by: c.userId, notify_email: null, language: c.tenant.language, signed_at: c.at,
  })));
  return afterSigned(tx, ctx, c, { ...p, signature_count: p.signature_count + signatures.length }, staged);
}

export async function mySignature(tx: Tx, principal: Principal, proposalId: string, country: 'NO' | 'SE') {
  const p = await proposalOrThrow(tx, proposalId);
  const user = principal.kind === 'user' ? await repo.selectUser(tx, principal.id) : undefined;
  const parsed = user?.identity_number ? parseIdentityNumber(user.identity_number, country) : undefined;
  const identityNumber = parsed?.ok ? parsed.normalised : user?.identity_number ?? null;
  const s = principal.kind === 'user' ? await repo.selectSignatureOf(tx, p.id, { userId: principal.id, identityNumber }) : undefined;
  return { proposalId: p.id, signed: Boolean(s), signedAt: s?.signed_at.toISOString() ?? null, source: s?.source ?? null, notifyEmail: s?.notify_email ?? null, mine: principal.kind === 'user' && p.author_user_id === principal.id };
}

export interface SettingsInput { inhabitants?: number | null; proposalThreshold?: number | null; signingDays?: number; proposalBodyId?: string | null }

export async function updateSettings(tx: Tx, c: ProposalCtx, input: SettingsInput): Promise<repo.SettingsRow> {
  const current = await repo.selectSettings(tx);
  const row: repo.SettingsRow = {
    tenant_id: c.tenant.id,
    inhabitants: input.inhabitants !== undefined ? input.inhabitants : current?.inhabitants ?? null,
    proposal_threshold: input.proposalThreshold !== undefined ? input.proposalThreshold : current?.proposal_threshold ?? null,
    signing_days: input.signingDays ?? current?.signing_days ?? 180,
    proposal_body_id: input.proposalBodyId !== undefined ? input.proposalBodyId : current?.proposal_body_id ?? null,
    updated_at: c.at,
  };
  const errors: FieldError[] = [];
  if (row.proposal_body_id && !(await listBodies(tx)).some((b) => b.id === row.proposal_body_id))
    errors.push({ field: 'proposalBodyId', code: 'notFound', message: 'no such political body in this municipality' });
  if (c.tenant.country === 'SE' && input.proposalThreshold === null)
    errors.push({ field: 'proposalThreshold', code: 'required', message: 'a Swedish municipality sets its own number of signatures for a medborgarförslag' });
  if (errors.length) throw invalid(errors);
  await repo.upsertSettings(tx, row);
  return row;
}

export { thresholdFor };
