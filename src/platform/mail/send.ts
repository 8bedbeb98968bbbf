// SPDX-License-Identifier: EUPL-1.2
// Sending mail never happens in a request: `sendMail` renders the message in the recipient's
// language and stores it as a 'mail.send' job in the caller's transaction, so a mail exists exactly
// when the decision that caused it committed. The job runner hands it to the transport later; when
// the SMTP server is down the handler throws and the job is retried, so nothing is lost.
// The rendered message is kept in the job payload: jobs live in the database next to the data the
// message is about (unlike outbox events, which carry ids only and may travel further).
import type { Tx } from '../db/transaction.ts';
import type { JobHandler, NewJob } from '../jobs/types.ts';
import { scheduleJob, scheduleJobs } from '../jobs/store.ts';
import { newId } from '../ids.ts';
import { invalid, type FieldError } from '../http/problem.ts';
import { isLanguage, type Language } from '../../common/languages.ts';
import { renderMail, type MailTemplate } from './template.ts';
import { transportFor, type OutgoingMail } from './transport.ts';

export const MAIL_JOB = 'mail.send';

export interface MailRequest<P> {
  to: string;
  template: MailTemplate<P>;
  /** The recipient's language (their own choice, else the municipality's). */
  language: Language;
  params: P;
  /** The municipality the mail is sent for, or null for installation mail. */
  tenantId: string | null;
  /** Now, from the injected clock: the job is due at once. */
  at: Date;
  /** The sender; defaults to MAIL_FROM at the time of sending. */
  from?: string;
  /** Idempotency key: a second sendMail with the same key in any transaction sends nothing more. */
  key?: string;
}

/** One address, without display name tricks or header injection. */
export const isMailAddress = (value: string): boolean => /^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\]+$/.test(value) && value.length <= 254;

/** The job that sendMail schedules (separate so that it can be checked without a job store). */
export function mailJob<P>(request: MailRequest<P>): NewJob {
  const to = request.to.trim();
  const errors: FieldError[] = [];
  if (!isMailAddress(to)) errors.push({ field: 'to', code: 'invalidEmail', message: 'must be one e-mail address, e.g. kari@example.no' });
  if (!isLanguage(request.language)) errors.push({ field: 'language', code: 'notAllowed', message: 'must be one of nb, nn, sv, en' });
  if (errors.length) throw invalid(errors);
  const rendered = renderMail(request.template, request.language, request.params);
  // Without `from`, MAIL_FROM applies when it is sent: a changed setting reaches waiting mail too.
  const mail: Omit<OutgoingMail, 'from'> & { from?: string } = {
    id: newId(),
    ...(request.from ? { from: request.from } : {}),
    to,
    ...rendered,
    language: request.language,
    template: request.template.name,
  };
  return { type: MAIL_JOB, tenantId: request.tenantId, runAt: request.at, payload: { mail }, ...(request.key ? { key: request.key } : {}) };
}

export async function sendMail<P>(tx: Tx, request: MailRequest<P>): Promise<void> {
  await scheduleJob(tx, mailJob(request));
}

/**
 * Many mails in one statement (each rendered and checked as sendMail does; one bad request throws
 * before anything is stored). Each key sends once, as with sendMail. Returns how many were scheduled.
 */
export async function sendMails<P>(tx: Tx, requests: readonly MailRequest<P>[]): Promise<number> {
  return scheduleJobs(tx, requests.map((r) => mailJob(r)));
}

function mailOf(payload: Record<string, unknown>, defaultFrom: string): OutgoingMail {
  const mail = payload.mail as Partial<OutgoingMail> | undefined;
  const fields = ['id', 'to', 'subject', 'text', 'html', 'language', 'template'] as const;
  if (!mail || fields.some((f) => typeof mail[f] !== 'string')) throw new Error('a mail.send job without a complete mail in its payload');
  return { ...(mail as OutgoingMail), from: typeof mail.from === 'string' ? mail.from : defaultFrom };
}

export const mailJobHandler: JobHandler = {
  type: MAIL_JOB,
  // With the runner's back-off this keeps trying for well over a day of SMTP outage.
  maxAttempts: 30,
  async run(job, ctx) {
    await transportFor(ctx).send(mailOf(job.payload, ctx.config.mail.from), ctx.clock.now());
  },
};
