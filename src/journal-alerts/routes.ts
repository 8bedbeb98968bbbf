// SPDX-License-Identifier: EUPL-1.2
// The alert forms and links, without JavaScript: the postliste's and a case page's form posts here;
// the links in the mails confirm and cancel. Each answers by sending the visitor back to the
// postliste with `?alert=` saying what happened (the page shows it).
import type { FastifyRequest } from 'fastify';
import { isLanguage } from '../common/languages.ts';
import type { AppContext } from '../platform/context.ts';
import type { App } from '../platform/http/app.ts';
import { registerAccessForm } from './access-form.ts';
import { ALERT_FIELDS, cancelJournalAlert, confirmJournalAlert, subscribeToJournal } from './service.ts';

const open = { schema: { hide: true }, config: { authentication: false, access: 'public' as const } };
const keyOf = (request: FastifyRequest) => String((request.query as { key?: unknown }).key ?? '').slice(0, 64);

export async function journalAlertRoutes(app: App, ctx: AppContext): Promise<void> {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
    // A repeated field (entries=…&entries=…) becomes a list; a single one stays a string.
    const fields: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(String(body))) {
      const had = fields[k];
      fields[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
    }
    done(null, fields);
  });

  registerAccessForm(app, ctx);

  app.post('/:municipality/postliste/varsel', open, async (request, reply) => {
    const { municipality } = request.params as { municipality: string };
    const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const search = Object.fromEntries(ALERT_FIELDS.map((f) => [f, text(body[f])]));
    const { slug } = await subscribeToJournal(ctx, municipality, { email: text(body.email), language: isLanguage(body.language) ? body.language : 'nb', search });
    return reply.redirect(`/${slug}/postliste?alert=pending`, 303);
  });

  app.get('/varsel/:id/bekreft', open, async (request, reply) => {
    const { slug } = await confirmJournalAlert(ctx, (request.params as { id: string }).id, keyOf(request));
    return reply.header('cache-control', 'no-store').redirect(`/${slug}/postliste?alert=confirmed`, 303);
  });

  app.get('/varsel/:id/avslutt', open, async (request, reply) => {
    const { slug } = await cancelJournalAlert(ctx, (request.params as { id: string }).id, keyOf(request));
    return reply.header('cache-control', 'no-store').redirect(`/${slug}/postliste?alert=cancelled`, 303);
  });
}
