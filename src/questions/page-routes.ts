// SPDX-License-Identifier: EUPL-1.2
// The public question pages under `/{municipality}/deltakelse/sporsmal`: the list and one question.
// No login; every read runs under withPublic and reaches only public_council_questions and the
// public roster. A bad filter is a 400 naming the field, an unknown question a 404 (the site's
// error page in the visitor's language).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createElement, type ReactElement } from 'react';
import type { AppContext } from '../platform/context.ts';
import { withPublic } from '../platform/db/transaction.ts';
import type { App } from '../platform/http/app.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { findMunicipality, pageLanguage, publicPageFrame, refuseHostileAddress, sendPage, type PublicMunicipality } from '../site/service.ts';
import type { QuestionStatus } from './tables.ts';
import { getPublicQuestion, listPublicQuestions, publicNames } from './present.ts';
import { QuestionListPage, QuestionPage, questionsPath, type QuestionFrame } from './pages/QuestionPages.tsx';
import { questionTranslator } from './texts.ts';

const SLUG = /^[a-z][a-z0-9-]{1,39}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TO = /^(person|parti):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const STATUS: Record<string, QuestionStatus> = { answered: 'answered', unanswered: 'open', rejected: 'rejected' };
const LIMITS: Record<string, number> = { status: 20, til: 50, cursor: 300, lang: 5 };
export const PAGE_SIZE = 30;

const open = { schema: { hide: true }, config: { authentication: false, access: 'public' as const } };

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

export async function questionPageRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db } = ctx;
  const secureCookies = ctx.config.publicUrl.startsWith('https:');

  async function municipalityOf(request: FastifyRequest): Promise<PublicMunicipality> {
    refuseHostileAddress(request);
    const slug = (request.params as { municipality: string }).municipality;
    const found = SLUG.test(slug) ? await withPublic(db, (tx) => findMunicipality(tx, slug)) : undefined;
    if (!found) throw notFound(`the municipality "${slug}"`);
    return found;
  }

  async function show(request: FastifyRequest, reply: FastifyReply, municipality: PublicMunicipality, path: string, page: (qf: QuestionFrame) => ReactElement) {
    const { language, remember } = pageLanguage(request, municipality.language);
    const qf: QuestionFrame = { frame: await publicPageFrame(path, language), tq: questionTranslator(language), municipality };
    return sendPage(request, reply, page(qf), { remember, secureCookies });
  }

  app.get('/:municipality/deltakelse/sporsmal', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const values = queryValues(request);
    const errors: FieldError[] = [];
    if (values.status !== undefined && !STATUS[values.status]) errors.push({ field: 'status', code: 'notAllowed', message: 'must be answered, unanswered or rejected' });
    const to = values.til === undefined ? undefined : TO.exec(values.til);
    if (values.til !== undefined && !to) errors.push({ field: 'til', code: 'invalid', message: 'must be person:<id> or parti:<id>' });
    if (errors.length) throw invalid(errors);
    const filter = {
      status: values.status ? STATUS[values.status] : undefined,
      personId: to?.[1]?.toLowerCase() === 'person' ? to[2]!.toLowerCase() : undefined,
      partyId: to?.[1]?.toLowerCase() === 'parti' ? to[2]!.toLowerCase() : undefined,
      cursor: values.cursor,
      limit: PAGE_SIZE,
    };
    const data = await withPublic(db, async (tx) => ({ list: await listPublicQuestions(tx, municipality.id, filter, ctx.clock.now()), names: await publicNames(tx, municipality.id) }));
    const persons = [...data.names.persons.values()].map((p) => {
      const party = p.party_id ? data.names.parties.get(p.party_id) : undefined;
      return { value: `person:${p.id}`, label: `${p.given_name} ${p.family_name}${party ? ` (${party.code})` : ''}` };
    });
    const parties = [...data.names.parties.values()].map((p) => ({ value: `parti:${p.id}`, label: p.name }));
    const path = questionsPath(municipality);
    const keep = new URLSearchParams({ ...(values.status ? { status: values.status } : {}), ...(values.til ? { til: values.til } : {}) });
    const nextHref = data.list.nextCursor ? `${path}?${new URLSearchParams([...keep, ['cursor', data.list.nextCursor]]).toString()}` : undefined;
    return show(request, reply, municipality, path, (qf) =>
      createElement(QuestionListPage, { qf, items: data.list.items, status: values.status, to: values.til, persons, parties, nextHref }));
  });

  app.get('/:municipality/deltakelse/sporsmal/:questionId', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    queryValues(request);
    const id = (request.params as { questionId: string }).questionId;
    if (!UUID.test(id)) throw notFound(`the question "${id}"`);
    const q = await withPublic(db, (tx) => getPublicQuestion(tx, municipality.id, id.toLowerCase(), ctx.clock.now()));
    return show(request, reply, municipality, `${questionsPath(municipality)}/${id}`, (qf) => createElement(QuestionPage, { qf, q }));
  });
}
