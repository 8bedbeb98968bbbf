// SPDX-License-Identifier: EUPL-1.2
// The pages of /dev/mailbox, rendered on the server as plain HTML (pure, so the browser tests can
// check them with axe without a mail in a running server's folder).
import type { Language } from '../common/languages.ts';
import type { StoredMail } from '../platform/mail/transport.ts';
import { mailTexts, type MailTextKey } from './texts.ts';

const escape = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(lang: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – Rådhus</title>
<style>body{font-family:Inter,Arial,sans-serif;margin:0;padding:1rem;line-height:1.5;color:#1e1e1e;background:#fff}main{max-width:60rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #c3c6c9;vertical-align:top}
pre{white-space:pre-wrap;background:#f4f5f6;padding:1rem}iframe{width:100%;height:28rem;border:1px solid #c3c6c9}a{color:#0062ba}
dt{font-weight:600}dd{margin:0 0 .5rem}</style></head>
<body><main id="main">${body}</main></body></html>`;
}

const texts = (lang: Language) => (key: MailTextKey) => escape(mailTexts[lang][key]);

export function mailboxListPage(lang: Language, mails: readonly StoredMail[]): string {
  const t = texts(lang);
  const row = (m: StoredMail) =>
    `<tr><td>${escape(m.sentAt.replace('T', ' ').slice(0, 19))}</td><td>${escape(m.to)}</td>` +
    `<td><a href="/dev/mailbox/${encodeURIComponent(m.id)}?lang=${lang}">${escape(m.subject)}</a></td><td>${escape(m.language)}</td></tr>`;
  const list = mails.length
    ? `<table aria-labelledby="mailbox-title"><thead><tr><th scope="col">${t('mailbox.sent')}</th><th scope="col">${t('mailbox.to')}</th>` +
      `<th scope="col">${t('mailbox.subject')}</th><th scope="col">${t('mailbox.language')}</th></tr></thead><tbody>${mails.map(row).join('')}</tbody></table>`
    : `<p>${t('mailbox.empty')}</p>`;
  return page(lang, mailTexts[lang]['mailbox.title'], `<h1 id="mailbox-title">${t('mailbox.title')}</h1><p>${t('mailbox.intro')}</p>${list}`);
}

export function mailboxMessagePage(lang: Language, mail: StoredMail | undefined): string {
  const t = texts(lang);
  const back = `<p><a href="/dev/mailbox?lang=${lang}">${t('mailbox.back')}</a></p>`;
  if (!mail) return page(lang, mailTexts[lang]['mailbox.title'], `<h1>${t('mailbox.title')}</h1><p>${t('mailbox.notFound')}</p>${back}`);
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
}
