// SPDX-License-Identifier: EUPL-1.2
// The participation pages under `/{municipality}/deltakelse`: the hub, the list of citizen
// proposals (by status, search, paging), one proposal, and the Atom feed of new proposals. No
// login; every read runs under withPublic and reaches only public_* projections.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createElement, type ReactElement } from 'react';
import type { AppContext } from '../platform/context.ts';
import { withPublic } from '../platform/db/transaction.ts';
import type { App } from '../platform/http/app.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { findMunicipality, pageLanguage, publicPageFrame, refuseHostileAddress, sendPage, type PublicMunicipality } from '../site/service.ts';
import { proposalsAtom } from './atom.ts';
import type { ParticipationFrame } from './pages/common.tsx';
import { HubPage } from './pages/HubPage.tsx';
import { ProposalListPage, ProposalPage } from './pages/ProposalPages.tsx';
import * as repo from './repository.ts';
import { participationTranslator } from './texts.ts';

const SLUG = /^[a-z][a-z0-9-]{1,39}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE = /^[1-9]\d{0,2}$/;
const LIMITS: Record<string, number> = { status: 10, q: 200, page: 3, lang: 5 };
export const PAGE_SIZE = 20;
export const FEED_SIZE = 50;
const HUB_SIZE = 5;
const FEED_CACHE = 'public, max-age=300';

const open = { schema: { hide: true }, config: { authentication: false, access: 'public' as const } };

/** One value per field, none over-long: a 400 naming the field, never a 500. */
function queryValues(request: FastifyRequest): Record<string, string | undefined> {
  const errors: FieldError[] = [];
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    if (typeof value !== 'string') errors.push({ field: name, code: 'invalid', message: 'must be given once' });
    else if (value.length > (LIMITS[name] ?? 200)) errors.push({ field: name, code: 'tooLong', message: `must be at most ${LIMITS[name] ?? 200} characters` });
    else out[name] = value.trim() || undefined;
  }
  if (errors.length) throw invalid(errors);
  return out;
}

const isFilter = (value: string): value is repo.StatusFilter => Object.hasOwn(repo.STATUS_FILTERS, value);

export async function participationSiteRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db } = ctx;
  const secureCookies = ctx.config.publicUrl.startsWith('https:');

  async function municipalityOf(request: FastifyRequest): Promise<PublicMunicipality> {
    refuseHostileAddress(request);
    const slug = (request.params as { municipality: string }).municipality;
    const found = SLUG.test(slug) ? await withPublic(db, (tx) => findMunicipality(tx, slug)) : undefined;
    if (!found) throw notFound(`the municipality "${slug}"`);
    return found;
  }

  async function show(request: FastifyRequest, reply: FastifyReply, municipality: PublicMunicipality, path: string, now: Date, page: (pf: ParticipationFrame) => ReactElement) {
    const { language, remember } = pageLanguage(request, municipality.language);
    const pf: ParticipationFrame = { frame: await publicPageFrame(path, language), tp: participationTranslator(language), municipality, now };
    return sendPage(request, reply, page(pf), { remember, secureCookies });
  }

  app.get('/:municipality/deltakelse', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    queryValues(request);
    const now = ctx.clock.now();
    const data = await withPublic(db, async (tx) => {
      const [counts, leading, consultations, questions] = await Promise.all([
        repo.proposalCounts(tx, municipality.id, now),
        repo.leadingOpenProposals(tx, municipality.id, now, HUB_SIZE),
        repo.openConsultations(tx, municipality.id, now, HUB_SIZE),
        repo.recentQuestions(tx, municipality.id, HUB_SIZE),
      ]);
      return { counts, leading, consultations, questions, addressees: await repo.addresseeNames(tx, municipality.id, questions.list) };
    });
    return show(request, reply, municipality, `/${municipality.slug}/deltakelse`, now, (pf) => createElement(HubPage, { pf, data }));
  });

  app.get('/:municipality/deltakelse/forslag', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const values = queryValues(request);
    const errors: FieldError[] = [];
    if (values.status !== undefined && !isFilter(values.status)) errors.push({ field: 'status', code: 'invalid', message: 'must be open, reached or decided' });
    if (values.page !== undefined && !PAGE.test(values.page)) errors.push({ field: 'page', code: 'invalid', message: 'must be a page number from 1 to 999' });
    if (errors.length) throw invalid(errors);
    const status = values.status as repo.StatusFilter | undefined;
    const page = Number(values.page ?? '1');
    // One more than a page: whether a next page exists without counting them all.
    const rows = await withPublic(db, (tx) => repo.listProposals(tx, municipality.id, { status, q: values.q, now: ctx.clock.now(), offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE + 1 }));
    return show(request, reply, municipality, `/${municipality.slug}/deltakelse/forslag`, ctx.clock.now(), (pf) =>
      createElement(ProposalListPage, { pf, proposals: rows.slice(0, PAGE_SIZE), status, q: values.q, page, hasNext: rows.length > PAGE_SIZE }),
    );
  });

  app.get('/:municipality/deltakelse/forslag/atom', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    queryValues(request);
    const proposals = await withPublic(db, (tx) => repo.latestProposals(tx, municipality.id, ctx.clock.now(), FEED_SIZE));
    const { language } = pageLanguage(request, municipality.language);
    const xml = proposalsAtom(ctx.config.publicUrl, municipality, language, proposals, ctx.clock.now());
    return reply.header('cache-control', FEED_CACHE).type('application/atom+xml; charset=utf-8').send(xml);
  });

  app.get('/:municipality/deltakelse/forslag/:proposalId', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    queryValues(request);
    const id = (request.params as { proposalId: string }).proposalId;
    const data = UUID.test(id)
      ? await withPublic(db, async (tx) => {
          const proposal = await repo.findProposal(tx, municipality.id, id);
          if (!proposal) return undefined;
          const [bodyName, place] = await Promise.all([
            proposal.body_id ? repo.bodyName(tx, municipality.id, proposal.body_id) : undefined,
            proposal.meeting_id && proposal.agenda_item_id ? repo.agendaPlace(tx, municipality.id, proposal.meeting_id, proposal.agenda_item_id) : undefined,
          ]);
          return { proposal, bodyName, place };
        })
      : undefined;
    if (!data) throw notFound(`the proposal "${id}"`);
    return show(request, reply, municipality, `/${municipality.slug}/deltakelse/forslag/${id}`, ctx.clock.now(), (pf) => createElement(ProposalPage, { pf, ...data }));
  });
}
