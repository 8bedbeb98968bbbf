// SPDX-License-Identifier: EUPL-1.2
// Where a mail goes: an SMTP server (nodemailer), or — with the demo identity provider on — files in
// DATA_DIR/mailbox/ that /dev/mailbox shows, so a demo never mails real people and needs no server.
// A transport throws when the message was not handed over; the job that called it is then retried.
import { chmod, mkdir, open, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { AppContext } from '../context.ts';
import type { MailConfig } from '../config.ts';
import type { Language } from '../../common/languages.ts';

export interface OutgoingMail {
  /** Stable across retries (the job id): the Message-ID and the mailbox file name come from it. */
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  language: Language;
  template: string;
}

export interface StoredMail extends OutgoingMail {
  /** When it was written to the mailbox (ISO). */
  sentAt: string;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'mailbox' | 'none';
  send(mail: OutgoingMail, at: Date): Promise<void>;
}

/** The Message-ID of a mail: the same on every retry, so a receiver can tell a repeat. */
export const messageIdOf = (mail: Pick<OutgoingMail, 'id' | 'from'>): string => `<${mail.id}@${/@([^>\s]+)>?$/.exec(mail.from)?.[1] ?? 'radhus.invalid'}>`;

export function smtpTransport(smtp: NonNullable<MailConfig['smtp']>): MailTransport {
  // Short timeouts: a hanging server must fail the attempt (and the job retry later), not hold the runner.
  const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };
  const transporter =
    'url' in smtp
      ? nodemailer.createTransport(smtp.url, timeouts as never)
      : nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
          ...timeouts,
        });
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: messageIdOf(mail),
        headers: { 'Content-Language': mail.language },
      });
    },
  };
}

export function mailboxDir(dataDir: string): string {
  return join(dataDir, 'mailbox');
}

/** Mailbox file names are job ids; nothing else is ever opened from a request. */
export const isMailId = (id: string): boolean => /^[A-Za-z0-9-]{1,100}$/.test(id);

export function mailboxTransport(dir: string): MailTransport {
  return {
    kind: 'mailbox',
    async send(mail, at) {
      if (!isMailId(mail.id)) throw new Error(`mail id "${mail.id}" cannot name a mailbox file`);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await chmod(dir, 0o700);
      const stored: StoredMail = { ...mail, sentAt: at.toISOString() };
      // Written whole, then renamed: the mailbox never shows half a message, and a retry replaces it.
      const file = join(dir, `${mail.id}.json`);
      const tmp = `${file}.tmp`;
      const handle = await open(tmp, 'w', 0o600);
      try {
        await handle.writeFile(JSON.stringify(stored, null, 2));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, file);
    },
  };
}

const unconfigured: MailTransport = {
  kind: 'none',
  async send() {
    throw new Error('no SMTP server is configured: set SMTP_URL or SMTP_HOST (docs/operations.md, "Outgoing mail"); the mail is kept and retried');
  },
};

export function createTransport(config: Pick<AppContext['config'], 'demoIdp' | 'dataDir' | 'mail'>): MailTransport {
  if (config.demoIdp) return mailboxTransport(mailboxDir(config.dataDir));
  return config.mail.smtp ? smtpTransport(config.mail.smtp) : unconfigured;
}

const transports = new WeakMap<object, MailTransport>();

/** One transport per running app (nodemailer keeps its settings; no connection is held open). */
export function transportFor(ctx: Pick<AppContext, 'config'>): MailTransport {
  let transport = transports.get(ctx.config);
  if (!transport) {
    transport = createTransport(ctx.config);
    transports.set(ctx.config, transport);
  }
  return transport;
}

/** The mailbox, newest first. */
export async function readMailbox(dir: string): Promise<StoredMail[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const mails = await Promise.all(names.filter((n) => n.endsWith('.json')).map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as StoredMail));
  return mails.sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : a.id < b.id ? 1 : -1));
}

export async function readMail(dir: string, id: string): Promise<StoredMail | undefined> {
  if (!isMailId(id)) return undefined;
  try {
    return JSON.parse(await readFile(join(dir, `${id}.json`), 'utf8')) as StoredMail;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
