// SPDX-License-Identifier: EUPL-1.2
// Comments on a consultation (issue 11 §2): from a logged-in person, filed at once as that person;
// from anyone else, kept unconfirmed and filed when the link mailed to the given address is used
// (the link carries a secret; only its sha256 is stored). Filing is an incoming registry entry in the
// consultation's case, sender the author (and the organisation), the comment as a text document;
// screening is the officer's later decision in the archive. After the deadline, or once the case is
// closed, nothing is written, at submission and at confirmation alike; an unconfirmed comment
// expires at the deadline (expiry.ts).
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { isLanguage, type Language } from '../common/languages.ts';
import type { AppContext } from '../platform/context.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import type { StagedFile } from '../platform/files/store.ts';
import type { TenantRef } from '../platform/http/auth.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { isUuid, newId } from '../platform/ids.ts';
import { unstorableText } from '../platform/http/validation.ts';
import { isMailAddress, sendMail } from '../platform/mail/send.ts';
import { addDocument, caseFileTakesEntries, createRegistryEntry, dateIn, formatNumber } from '../archive/service.ts';
import { consultationChanged, isOpen, publishCommentDocument } from './consultations.ts';
import { scheduleExpiry } from './expiry.ts';
import { confirmCommentMail } from './mail.ts';
import * as repo from './repository.ts';

/** What filing needs of the municipality (the public pages know no more). */
export type Municipality = Pick<TenantRef, 'id' | 'slug' | 'name' | 'country' | 'language'>;

export interface CommentInput {
  authorName?: string | undefined;
  organisation?: string | undefined;
  email?: string | undefined;
  text: string;
  language?: string | undefined;
}

/** The logged-in commenter (a session), or undefined for a comment confirmed by e-mail. */
export interface Commenter {
  userId: string;
  name: string;
}

export type SubmitResult = { status: 'filed'; commentId: string; registryNumber: string } | { status: 'unconfirmed'; commentId: string };

const systemActor = { kind: 'system' as const, id: 'consultations', name: 'consultation comments' };
const zoneOf = (country: 'NO' | 'SE') => (country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo');
export const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

const words = {
  NO: { entry: 'Høringsuttalelse', consultation: 'Høring', author: 'Avsender', organisation: 'Organisasjon', received: 'Mottatt' },
  SE: { entry: 'Remissvar', consultation: 'Remiss', author: 'Avsändare', organisation: 'Organisation', received: 'Inkommet' },
};

function checkComment(input: CommentInput, commenter: Commenter | undefined): FieldError[] {
  const errors: FieldError[] = [];
  // The page's form has no schema in front of it: text that cannot be stored is refused here too.
  for (const field of ['text', 'authorName', 'organisation', 'email'] as const) {
    const message = input[field] === undefined ? undefined : unstorableText(input[field]);
    if (message) errors.push({ field, code: 'invalidCharacters', message });
  }
  if (errors.length) return errors;
  const text = input.text.trim();
  if (!text) errors.push({ field: 'text', code: 'required', message: 'the comment must not be empty' });
  else if (text.length > 50_000) errors.push({ field: 'text', code: 'tooLong', message: 'must be at most 50000 characters' });
  if (!commenter) {
    if (!input.authorName?.trim()) errors.push({ field: 'authorName', code: 'required', message: 'without login, give the name to file the comment under' });
    if (!input.email?.trim()) errors.push({ field: 'email', code: 'required', message: 'without login, give an e-mail address: the comment is filed when you confirm it from there' });
  }
  if (input.authorName && input.authorName.trim().length > 200) errors.push({ field: 'authorName', code: 'tooLong', message: 'must be at most 200 characters' });
  if (input.organisation && input.organisation.trim().length > 200) errors.push({ field: 'organisation', code: 'tooLong', message: 'must be at most 200 characters' });
  if (input.email?.trim() && !isMailAddress(input.email.trim())) errors.push({ field: 'email', code: 'invalidEmail', message: 'must be one e-mail address, e.g. kari@example.no' });
  return errors;
}

/** The deadline's refusal: a comment sent, or confirmed, too late. */
const tooLate = (row: repo.ConsultationRow) =>
  conflict(`the consultation closed at ${row.deadline.toISOString()}: comments are no longer received`, [{ field: 'consultationId', code: 'notOpen', message: 'the deadline has passed' }]);

/**
 * The consultation, locked, if it takes comments: before its deadline, and while its case takes
 * registry entries (a case closed or void before the deadline ends the consultation too, and the
 * commenter is told so rather than that the deadline passed).
 */
async function openConsultation(tx: Tx, id: string, now: Date): Promise<repo.ConsultationRow> {
  const row = isUuid(id) ? await repo.selectConsultation(tx, id, { forUpdate: true }) : undefined;
  if (!row) throw notFound(`consultation ${id}`);
  if (!isOpen(row, now)) throw tooLate(row);
  if (!(await caseFileTakesEntries(tx, row.case_file_id)))
    throw conflict('the case of this consultation is closed: comments can no longer be filed in it', [{ field: 'consultationId', code: 'caseClosed', message: 'the case of the consultation is closed' }]);
  return row;
}

/** Files a comment in the consultation's case and marks it filed; the staged document is committed by the caller. */
async function fileComment(tx: Tx, ctx: AppContext, tenant: Municipality, consultation: repo.ConsultationRow, comment: repo.CommentRow, actor: string, staged: StagedFile[]): Promise<string> {
  const at = ctx.clock.now();
  const w = words[tenant.country];
  const c = { tenantId: tenant.id, actor, at };
  const correspondents = [
    { name: comment.author_name, kind: 'person' as const, role: 'sender' as const, ...(comment.email ? { email: comment.email } : {}) },
    ...(comment.organisation ? [{ name: comment.organisation, kind: 'organisation' as const, role: 'sender' as const }] : []),
  ];
  const title = `${w.entry}: ${consultation.title}`.slice(0, 1000);
  const registered = await createRegistryEntry(tx, { ...c, country: tenant.country, isSystem: false }, consultation.case_file_id, {
    type: 'incoming', title, receivedDate: dateIn(at, zoneOf(tenant.country)), correspondents, description: `${w.consultation}: ${consultation.title}`.slice(0, 10000),
  });
  const header = [
    `${w.consultation}: ${consultation.title}`,
    `${w.author}: ${comment.author_name}`,
    ...(comment.organisation ? [`${w.organisation}: ${comment.organisation}`] : []),
    `${w.received}: ${at.toISOString()}`,
  ];
  const file = await ctx.files.stage(Readable.from([Buffer.from(`${header.join('\n')}\n\n${comment.text}\n`)]));
  staged.push(file);
  await addDocument(tx, c, registered.entry.id, { title, relation: 'main', documentType: 'letter' }, { ...file, fileName: 'uttalelse.txt', mimeType: 'text/plain' });
  // A comment filed after the list was published joins it, as the officer decided for the others.
  if (consultation.comments_published_at) await publishCommentDocument(tx, c, registered.entry.id);
  await repo.markFiled(tx, comment.id, registered.entry.id, at);
  await consultationChanged(tx, c, consultation.id);
  return formatNumber(registered.entry.entry_year, registered.entry.entry_sequence);
}

/** Runs work that may stage files: committed with the transaction's work, discarded if it fails. */
async function withFiles<T>(work: (staged: StagedFile[]) => Promise<T>): Promise<T> {
  const staged: StagedFile[] = [];
  try {
    return await work(staged);
  } finally {
    for (const file of staged) await file.discard();
  }
}

export async function submitComment(ctx: AppContext, tenant: Municipality, consultationId: string, input: CommentInput, commenter: Commenter | undefined, links: { publicUrl: string }): Promise<SubmitResult> {
  const errors = checkComment(input, commenter);
  if (errors.length) throw invalid(errors);
  const language: Language = isLanguage(input.language) ? input.language : tenant.language;
  const now = ctx.clock.now();
  const actor = commenter ? { kind: 'user' as const, id: commenter.userId, name: commenter.name } : systemActor;
  return withFiles((staged) =>
    withTenant(ctx.db, { tenantId: tenant.id, actor }, async (tx) => {
      const consultation = await openConsultation(tx, consultationId, now);
      const token = commenter ? undefined : randomBytes(24).toString('base64url');
      const row: repo.CommentRow = {
        id: newId(), tenant_id: tenant.id, consultation_id: consultation.id, author_name: (commenter?.name ?? input.authorName ?? '').trim(), organisation: input.organisation?.trim() || null,
        email: input.email?.trim() || null, user_id: commenter?.userId ?? null, text: input.text.trim(), language, status: 'unconfirmed', confirm_hash: token ? hashOf(token) : null,
        registry_entry_id: null, submitted_at: now, filed_at: null,
      };
      await repo.insertComment(tx, row);
      if (commenter) {
        const registryNumber = await fileComment(tx, ctx, tenant, consultation, row, `user:${commenter.userId}:${commenter.name}`, staged);
        for (const file of staged) await file.commit();
        return { status: 'filed', commentId: row.id, registryNumber };
      }
      const url = `${links.publicUrl}/${tenant.slug}/deltakelse/horinger/bekreft?token=${token}`;
      const deadline = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language === 'sv' ? 'sv-SE' : 'nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: zoneOf(tenant.country) }).format(consultation.deadline);
      await sendMail(tx, { to: row.email!, template: confirmCommentMail, language, tenantId: tenant.id, at: now, key: `consultation-comment:${row.id}`, params: { municipality: tenant.name, consultation: consultation.title, deadline, url } });
      // Unconfirmed at the deadline, it expires.
      await scheduleExpiry(tx, consultation);
      return { status: 'unconfirmed', commentId: row.id };
    }),
  );
}

/** Files the comment behind a confirmation link; a second confirmation answers the same. */
export async function confirmComment(ctx: AppContext, tenant: Municipality, token: string): Promise<{ commentId: string; consultationId: string; registryNumber: string | null }> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw invalid([{ field: 'token', code: 'invalid', message: 'is not the token of a confirmation link' }]);
  const now = ctx.clock.now();
  return withFiles((staged) =>
    withTenant(ctx.db, { tenantId: tenant.id, actor: systemActor }, async (tx) => {
      const comment = await repo.selectCommentByHash(tx, hashOf(token));
      if (!comment) throw notFound('a comment with this confirmation link');
      if (comment.status === 'filed') return { commentId: comment.id, consultationId: comment.consultation_id, registryNumber: null };
      // Expired: its deadline passed unconfirmed (a deadline moved later since does not revive it).
      if (comment.status === 'expired') throw conflict('the deadline passed before this comment was confirmed', [{ field: 'token', code: 'notOpen', message: 'the deadline passed before the comment was confirmed' }]);
      const consultation = await openConsultation(tx, comment.consultation_id, now);
      const registryNumber = await fileComment(tx, ctx, tenant, consultation, comment, `system:consultations:${comment.author_name} (e-mail confirmed)`, staged);
      for (const file of staged) await file.commit();
      return { commentId: comment.id, consultationId: comment.consultation_id, registryNumber };
    }),
  );
}

/** A comment received by other means (demo data, a letter typed in): filed at once in the caller's transaction. */
export async function addFiledComment(tx: Tx, ctx: AppContext, tenant: Municipality, consultationId: string, input: { authorName: string; organisation?: string; email: string; text: string }, actor: string, staged: StagedFile[]): Promise<string> {
  const errors = checkComment(input, undefined);
  if (errors.length) throw invalid(errors);
  const now = ctx.clock.now();
  const consultation = await openConsultation(tx, consultationId, now);
  const row: repo.CommentRow = {
    id: newId(), tenant_id: tenant.id, consultation_id: consultation.id, author_name: input.authorName.trim(), organisation: input.organisation?.trim() || null, email: input.email.trim(),
    user_id: null, text: input.text.trim(), language: tenant.language, status: 'unconfirmed', confirm_hash: null, registry_entry_id: null, submitted_at: now, filed_at: null,
  };
  await repo.insertComment(tx, row);
  return fileComment(tx, ctx, tenant, consultation, row, actor, staged);
}
