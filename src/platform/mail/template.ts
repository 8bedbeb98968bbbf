// SPDX-License-Identifier: EUPL-1.2
// Mail templates: each module writes its messages as structured content in all four languages
// (the type makes a missing language a compile error); this file turns that content into the
// plain-text part and a simple, accessible HTML part, escaping every value, so no module writes
// HTML by hand and a name in a parameter can never inject markup.
import type { Language } from '../../common/languages.ts';

export interface MailContent {
  subject: string;
  /** Paragraphs of plain text, in order. */
  paragraphs: string[];
  /** One link the reader is asked to follow, shown as a link in HTML and written out in text. */
  action?: { label: string; url: string };
  /** e.g. "Med vennlig hilsen / Balsfjord kommune" (lines separated by \n). */
  signature?: string;
}

export interface MailTemplate<P> {
  /** Unique, e.g. 'mail.test' or 'journal.access-request-decided'; kept with the message. */
  name: string;
  render: Record<Language, (params: P) => MailContent>;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escape = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Only web links become links: a parameter that smuggles in javascript: stays plain text. */
const isWebUrl = (url: string): boolean => /^https?:\/\/[^\s]+$/i.test(url);

export function renderMail<P>(template: MailTemplate<P>, language: Language, params: P): RenderedMail {
  const content = template.render[language](params);
  const subject = content.subject.replace(/[\r\n]+/g, ' ').trim();
  const text = [
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}:\n${content.action.url}`] : []),
    ...(content.signature ? [content.signature] : []),
  ].join('\n\n');
  const paragraph = (p: string) => `<p style="margin:0 0 1em">${escape(p).replace(/\n/g, '<br>')}</p>`;
  const action = content.action
    ? isWebUrl(content.action.url)
      ? `<p style="margin:0 0 1em"><a href="${escape(content.action.url)}" style="color:#0062ba">${escape(content.action.label)}</a></p>`
      : paragraph(`${content.action.label}: ${content.action.url}`)
    : '';
  const html = [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(subject)}</title></head>`,
    '<body style="margin:0;padding:16px;background:#ffffff;color:#1e1e1e;font-family:Inter,Arial,sans-serif;font-size:16px;line-height:1.5">',
    '<main style="max-width:40em">',
    ...content.paragraphs.map(paragraph),
    action,
    content.signature ? paragraph(content.signature) : '',
    '</main></body></html>',
  ]
    .filter(Boolean)
    .join('\n');
  return { subject, text: `${text}\n`, html };
}
