// SPDX-License-Identifier: EUPL-1.2
// /dev/mailbox: what the demo would have mailed, as plain server-rendered pages. Registered only
// when the demo identity provider is on. Declared public on purpose: in that mode anyone can log in
// as anyone through /demo-idp, so a role check would protect nothing, and the mail a citizen is
// sent must be readable by a visitor trying the citizen's side without logging in as staff.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { chooseLanguage, isLanguage, type Language } from '../common/languages.ts';
import { mailboxDir, readMail, readMailbox, type StoredMail } from '../platform/mail/transport.ts';
import { mailTexts, type MailTextKey } from './texts.ts';

const escape = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function languageOf(request: FastifyRequest): Language {
  const asked = (request.query as { lang?: string }).lang;
  const browser = (request.headers['accept-language'] ?? '').split(',').map((tag) => tag.split(';')[0]!.trim()).filter(Boolean);
  return chooseLanguage(isLanguage(asked) ? asked : null, undefined, browser);
}

function page(lang: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – Rådhus</title>
<style>body{font-family:Inter,Arial,sans-serif;margin:0;padding:1rem;line-height:1.5;color:#1e1e1e}main{max-width:60rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #c3c6c9;vertical-align:top}
pre{white-space:pre-wrap;background:#f4f5f6;padding:1rem}iframe{width:100%;height:28rem;border:1px solid #c3c6c9}a{color:#0062ba}
dt{font-weight:600}dd{margin:0 0 .5rem}</style></head>
<body><main id="main">${body}</main></body></html>`;
}

export function registerMailboxRoutes(app: App, ctx: AppContext): void {
  const dir = mailboxDir(ctx.config.dataDir);
  const config = { access: 'public', authentication: false } as const;
  const querystring = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });

  app.get('/dev/mailbox', { config, schema: { hide: true, querystring } }, async (request, reply) => {
    const lang = languageOf(request);
    const t = (key: MailTextKey) => escape(mailTexts[lang][key]);
    const mails = await readMailbox(dir);
    const row = (m: StoredMail) =>
      `<tr><td>${escape(m.sentAt.replace('T', ' ').slice(0, 19))}</td><td>${escape(m.to)}</td>` +
      `<td><a href="/dev/mailbox/${encodeURIComponent(m.id)}?lang=${lang}">${escape(m.subject)}</a></td><td>${escape(m.language)}</td></tr>`;
    const list = mails.length
      ? `<table aria-labelledby="mailbox-title"><thead><tr><th scope="col">${t('mailbox.sent')}</th><th scope="col">${t('mailbox.to')}</th>` +
        `<th scope="col">${t('mailbox.subject')}</th><th scope="col">${t('mailbox.language')}</th></tr></thead><tbody>${mails.map(row).join('')}</tbody></table>`
      : `<p>${t('mailbox.empty')}</p>`;
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return page(lang, mailTexts[lang]['mailbox.title'], `<h1 id="mailbox-title">${t('mailbox.title')}</h1><p>${t('mailbox.intro')}</p>${list}`);
  });

  app.get(
    '/dev/mailbox/:id',
    { config, schema: { hide: true, querystring, params: Type.Object({ id: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      const lang = languageOf(request);
      const t = (key: MailTextKey) => escape(mailTexts[lang][key]);
      const back = `<p><a href="/dev/mailbox?lang=${lang}">${t('mailbox.back')}</a></p>`;
      const mail = await readMail(dir, (request.params as { id: string }).id);
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      if (!mail) return reply.status(404).send(page(lang, mailTexts[lang]['mailbox.title'], `<h1>${t('mailbox.title')}</h1><p>${t('mailbox.notFound')}</p>${back}`));
      const field = (key: MailTextKey, value: string) => `<dt>${t(key)}</dt><dd>${escape(value)}</dd>`;
      // The HTML part is shown in a sandboxed frame: no scripts, no access to this page.
      return page(
        lang,
        mail.subject,
        `${back}<h1>${escape(mail.subject)}</h1><dl>${field('mailbox.from', mail.from)}${field('mailbox.to', mail.to)}` +
          `${field('mailbox.sent', mail.sentAt)}${field('mailbox.language', mail.language)}${field('mailbox.template', mail.template)}</dl>` +
          `<h2>${t('mailbox.text')}</h2><pre>${escape(mail.text)}</pre>` +
          `<h2>${t('mailbox.html')}</h2><iframe sandbox title="${t('mailbox.html')}: ${escape(mail.subject)}" srcdoc="${escape(mail.html)}"></iframe>`,
      );
    },
  );
}
