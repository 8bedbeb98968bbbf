// SPDX-License-Identifier: EUPL-1.2
// The follow form (posted from a body's, a politician's, a meeting's and the search page, without
// JavaScript), the links in the mails that confirm and cancel, and each follow's own Atom feed.
import type { FastifyRequest } from 'fastify';
import { isLanguage } from '../common/languages.ts';
import type { AppContext } from '../platform/context.ts';
import { withPublic } from '../platform/db/transaction.ts';
import type { App } from '../platform/http/app.ts';
import { pageLanguage, type PublicMunicipality } from '../site/service.ts';
import { councilAtom } from './atom.ts';
import { concerns, followOf, setStatus, subscribe } from './follows.ts';
import * as repo from './repository.ts';
import { councilTranslator } from './texts.ts';

const open = { schema: { hide: true }, config: { authentication: false, access: 'public' as const } };
const keyOf = (request: FastifyRequest) => String((request.query as { key?: unknown }).key ?? '').slice(0, 64);
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

export function registerFollows(app: App, ctx: AppContext, municipalityOf: (request: FastifyRequest) => Promise<PublicMunicipality>, feedSize: number): void {
  // Each module registers in its own plugin scope, so the form needs its own parser (one value per field).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.post('/:municipality/politikk/folg', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 300) : '');
    await subscribe(ctx, municipality, { email: text(body.email), language: isLanguage(body.language) ? body.language : municipality.language, kind: text(body.kind), target: text(body.target) });
    return reply.redirect(`/${municipality.slug}/politikk?follow=pending`, 303);
  });

  app.get('/:municipality/politikk/folg/:id/bekreft', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    await setStatus(ctx, municipality, await followOf(ctx, municipality, idOf(request), keyOf(request)), 'active');
    return reply.header('cache-control', 'no-store').redirect(`/${municipality.slug}/politikk?follow=confirmed`, 303);
  });

  app.get('/:municipality/politikk/folg/:id/avslutt', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    await setStatus(ctx, municipality, await followOf(ctx, municipality, idOf(request), keyOf(request)), 'cancelled');
    return reply.header('cache-control', 'no-store').redirect(`/${municipality.slug}/politikk?follow=cancelled`, 303);
  });

  // The follow's own feed: what the mails would say, for a feed reader (confirmed follows only).
  app.get('/:municipality/politikk/folg/:id/atom', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const follow = await followOf(ctx, municipality, idOf(request), keyOf(request));
    if (follow.status !== 'active') return reply.status(404).send();
    const now = ctx.clock.now();
    const { language } = pageLanguage(request, municipality.language);
    const data = await withPublic(ctx.db, async (tx) => {
      const bodies = new Map((await repo.listBodies(tx, municipality.id)).map((b) => [b.id, b]));
      const meetings: repo.Meeting[] = [];
      for (const meeting of await repo.latestPublications(tx, municipality.id, undefined, 200)) {
        const items = await repo.listItems(tx, municipality.id, [meeting.id]);
        if (await concerns(tx, follow, meeting, items, bodies.get(meeting.body_id))) meetings.push(meeting);
        if (meetings.length >= feedSize) break;
      }
      return { bodies, meetings };
    });
    const tc = councilTranslator(language);
    const path = `/${municipality.slug}/politikk/folg/${follow.id}/atom`;
    const xml = councilAtom({
      publicUrl: ctx.config.publicUrl, municipality, language, title: tc('politics.feedTitle', { name: municipality.name }),
      selfPath: `${path}?key=${follow.secret}`, pagePath: `/${municipality.slug}/politikk`, meetings: data.meetings, now,
      titleOf: (m) => `${data.bodies.get(m.body_id)?.name ?? ''} ${m.starts_at.toISOString().slice(0, 10)}`,
    });
    return reply.header('cache-control', 'private, max-age=300').type('application/atom+xml; charset=utf-8').send(xml);
  });
}
