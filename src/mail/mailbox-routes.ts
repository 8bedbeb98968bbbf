// SPDX-License-Identifier: EUPL-1.2
// /dev/mailbox: what the demo would have mailed. Registered only when the demo identity provider
// is on. Declared public on purpose: in that mode anyone can log in as anyone through /demo-idp, so
// a role check would protect nothing, and the mail a citizen is sent must be readable by a visitor
// trying the citizen's side. Mailboxes are installation-wide, outside any municipality's roles.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { chooseLanguage, isLanguage, type Language } from '../common/languages.ts';
import { mailboxDir, readMail, readMailbox } from '../platform/mail/transport.ts';
import { mailboxListPage, mailboxMessagePage } from './mailbox-pages.ts';

function languageOf(request: FastifyRequest): Language {
  const asked = (request.query as { lang?: string }).lang;
  const browser = (request.headers['accept-language'] ?? '').split(',').map((tag) => tag.split(';')[0]!.trim()).filter(Boolean);
  return chooseLanguage(isLanguage(asked) ? asked : null, undefined, browser);
}

export function registerMailboxRoutes(app: App, ctx: AppContext): void {
  const dir = mailboxDir(ctx.config.dataDir);
  const config = { access: 'public', authentication: false } as const;
  const querystring = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });

  app.get('/dev/mailbox', { config, schema: { hide: true, querystring } }, async (request, reply) => {
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return mailboxListPage(languageOf(request), await readMailbox(dir));
  });

  app.get(
    '/dev/mailbox/:id',
    { config, schema: { hide: true, querystring, params: Type.Object({ id: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      const mail = await readMail(dir, (request.params as { id: string }).id);
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      return reply.status(mail ? 200 : 404).send(mailboxMessagePage(languageOf(request), mail));
    },
  );
}
