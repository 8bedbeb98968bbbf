// SPDX-License-Identifier: EUPL-1.2
// The council's public pages and feeds under `/{municipality}/politikk`: the calendar (per month, by
// body), bodies, meetings, politicians, search, the notice board, iCalendar and Atom. No login;
// every read runs under withPublic and reaches only the public_council_* projection.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createElement, type ReactElement } from 'react';
import type { AppContext } from '../platform/context.ts';
import { withPublic, type Tx } from '../platform/db/transaction.ts';
import type { App } from '../platform/http/app.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { findMunicipality, pageLanguage, publicPageFrame, refuseHostileAddress, sendPage, todayIn, type PublicMunicipality } from '../site/service.ts';
import { councilAtom } from './atom.ts';
import { icalendar } from './ical.ts';
import { formatDateTime, zoneOf, type CouncilFrame } from './pages/common.tsx';
import { MeetingPage } from './pages/MeetingPage.tsx';
import { BodyPage, CalendarPage, NoticeBoardPage, PersonPage, SearchPage, type Names } from './pages/Pages.tsx';
import * as repo from './repository.ts';
import { councilTranslator } from './texts.ts';

const SLUG = /^[a-z][a-z0-9-]{1,39}$/;
const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const LIMITS: Record<string, number> = { month: 7, body: 40, q: 200, lang: 5 };
export const SEARCH_LIMIT = 50;
export const FEED_SIZE = 50;
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

/** The instant a local calendar day begins in a zone (the offset read back from Intl, DST included). */
export function localMidnight(year: number, month: number, zone: string): Date {
  const guess = new Date(Date.UTC(year, month - 1, 1));
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(guess).map((p) => [p.type, p.value]));
  const asLocal = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return new Date(guess.getTime() - (asLocal - guess.getTime()));
}

const shiftMonth = (year: number, month: number, by: number): string => {
  const d = new Date(Date.UTC(year, month - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

async function namesOf(tx: Tx, tenantId: string): Promise<Names> {
  const [bodies, persons, parties] = await Promise.all([repo.listBodies(tx, tenantId), repo.listPersons(tx, tenantId), repo.listParties(tx, tenantId)]);
  return { bodies: new Map(bodies.map((b) => [b.id, b])), persons: new Map(persons.map((p) => [p.id, p])), parties: new Map(parties.map((p) => [p.id, p])) };
}

async function meetingsOf(tx: Tx, tenantId: string, items: repo.Item[]): Promise<Map<string, repo.Meeting>> {
  const ids = [...new Set(items.map((i) => i.meeting_id))];
  const meetings = await Promise.all(ids.map((id) => repo.findMeeting(tx, tenantId, id)));
  return new Map(meetings.flatMap((m) => (m ? [[m.id, m] as const] : [])));
}

export async function councilSiteRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db } = ctx;
  const secureCookies = ctx.config.publicUrl.startsWith('https:');
  const host = new URL(ctx.config.publicUrl).host;

  async function municipalityOf(request: FastifyRequest): Promise<PublicMunicipality> {
    refuseHostileAddress(request);
    const slug = (request.params as { municipality: string }).municipality;
    const found = SLUG.test(slug) ? await withPublic(db, (tx) => findMunicipality(tx, slug)) : undefined;
    if (!found) throw notFound(`the municipality "${slug}"`);
    return found;
  }

  async function show(request: FastifyRequest, reply: FastifyReply, municipality: PublicMunicipality, path: string, page: (cf: CouncilFrame) => ReactElement) {
    const { language, remember } = pageLanguage(request, municipality.language);
    const cf: CouncilFrame = { frame: await publicPageFrame(path, language), tc: councilTranslator(language), municipality };
    return sendPage(request, reply, page(cf), { remember, secureCookies });
  }

  const param = (request: FastifyRequest, name: string): string => (request.params as Record<string, string>)[name] ?? '';

  app.get('/:municipality/politikk', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const values = queryValues(request);
    const now = ctx.clock.now();
    const month = values.month ?? todayIn(municipality.country, now).slice(0, 7);
    const m = MONTH.exec(month);
    if (!m) throw invalid([{ field: 'month', code: 'invalid', message: 'must be a month written YYYY-MM' }]);
    if (values.body !== undefined && !CODE.test(values.body)) throw invalid([{ field: 'body', code: 'invalid', message: 'must be a body code' }]);
    const [year, mon] = [Number(m[1]), Number(m[2])];
    const zone = zoneOf(municipality.country);
    const data = await withPublic(db, async (tx) => {
      const names = await namesOf(tx, municipality.id);
      const body = values.body ? [...names.bodies.values()].find((b) => b.code === values.body) : undefined;
      if (values.body && !body) throw invalid([{ field: 'body', code: 'notFound', message: 'no body has this code' }]);
      const meetings = await repo.listMeetings(tx, municipality.id, { bodyId: body?.id, from: localMidnight(year, mon, zone), to: localMidnight(Number(shiftMonth(year, mon, 1).slice(0, 4)), Number(shiftMonth(year, mon, 1).slice(5)), zone) });
      return { names, meetings };
    });
    return show(request, reply, municipality, `/${municipality.slug}/politikk`, (cf) =>
      createElement(CalendarPage, { cf, month, previous: shiftMonth(year, mon, -1), next: shiftMonth(year, mon, 1), bodyCode: values.body, ...data }),
    );
  });

  app.get('/:municipality/politikk/organ/:body', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    queryValues(request);
    const code = param(request, 'body');
    const data = CODE.test(code)
      ? await withPublic(db, async (tx) => {
          const body = await repo.findBody(tx, municipality.id, code);
          if (!body) return undefined;
          const [names, memberships, meetings] = await Promise.all([namesOf(tx, municipality.id), repo.membershipsOfBody(tx, municipality.id, body.id), repo.listMeetings(tx, municipality.id, { bodyId: body.id, limit: 200 })]);
          return { body, names, memberships, meetings: meetings.reverse() };
        })
      : undefined;
    if (!data) throw notFound(`the body "${code}"`);
    return show(request, reply, municipality, `/${municipality.slug}/politikk/organ/${code}`, (cf) => createElement(BodyPage, { cf, ...data }));
  });

  app.get('/:municipality/politikk/mote/:meetingId', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    queryValues(request);
    const id = param(request, 'meetingId');
    const data = UUID.test(id)
      ? await withPublic(db, async (tx) => {
          const meeting = await repo.findMeeting(tx, municipality.id, id);
          if (!meeting) return undefined;
          // Items before the agenda is public never reach the page, even if a row were there early.
          const items = meeting.agenda_published_at ? await repo.listItems(tx, municipality.id, [meeting.id]) : [];
          return { meeting, items, names: await namesOf(tx, municipality.id) };
        })
      : undefined;
    if (!data) throw notFound(`the meeting "${id}"`);
    return show(request, reply, municipality, `/${municipality.slug}/politikk/mote/${id}`, (cf) => createElement(MeetingPage, { cf, ...data, now: ctx.clock.now() }));
  });

  app.get('/:municipality/politikk/politiker/:personId', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    queryValues(request);
    const id = param(request, 'personId');
    const data = UUID.test(id)
      ? await withPublic(db, async (tx) => {
          const person = await repo.findPerson(tx, municipality.id, id);
          if (!person) return undefined;
          const items = await repo.itemsOfPerson(tx, municipality.id, person.id, 200);
          const [names, memberships, meetings] = await Promise.all([namesOf(tx, municipality.id), repo.membershipsOfPerson(tx, municipality.id, person.id), meetingsOf(tx, municipality.id, items)]);
          return { person, items, names, memberships, meetings };
        })
      : undefined;
    if (!data) throw notFound(`the politician "${id}"`);
    return show(request, reply, municipality, `/${municipality.slug}/politikk/politiker/${id}`, (cf) => createElement(PersonPage, { cf, ...data }));
  });

  app.get('/:municipality/politikk/sok', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const { q } = queryValues(request);
    const data = await withPublic(db, async (tx) => {
      const items = q ? await repo.searchItems(tx, municipality.id, q, SEARCH_LIMIT) : [];
      return { items, names: await namesOf(tx, municipality.id), meetings: await meetingsOf(tx, municipality.id, items) };
    });
    return show(request, reply, municipality, `/${municipality.slug}/politikk/sok`, (cf) => createElement(SearchPage, { cf, q, ...data }));
  });

  app.get('/:municipality/politikk/oppslagstavle', open, async (request, reply) => {
    const municipality = await municipalityOf(request);
    queryValues(request);
    const today = todayIn(municipality.country, ctx.clock.now());
    const notices = await withPublic(db, (tx) => repo.boardNotices(tx, municipality.id, today));
    return show(request, reply, municipality, `/${municipality.slug}/politikk/oppslagstavle`, (cf) => createElement(NoticeBoardPage, { cf, notices }));
  });

  // Feeds: the whole municipality, or one body.
  async function feedData(request: FastifyRequest, municipality: PublicMunicipality, kind: 'ical' | 'atom') {
    queryValues(request);
    const code = (request.params as { body?: string }).body;
    const now = ctx.clock.now();
    const data = await withPublic(db, async (tx) => {
      const names = await namesOf(tx, municipality.id);
      const body = code === undefined ? undefined : CODE.test(code) ? await repo.findBody(tx, municipality.id, code) : undefined;
      if (code !== undefined && !body) return undefined;
      const meetings =
        kind === 'ical'
          ? await repo.listMeetings(tx, municipality.id, { bodyId: body?.id, from: new Date(now.getTime() - 183 * 86400_000) })
          : await repo.latestPublications(tx, municipality.id, body?.id, FEED_SIZE);
      return { names, body, meetings };
    });
    if (!data) throw notFound(`the body "${code}"`);
    const { language } = pageLanguage(request, municipality.language);
    const titleOf = (m: repo.Meeting) => `${data.names.bodies.get(m.body_id)?.name ?? ''} ${formatDateTime(m.starts_at, language, municipality.country)}`;
    const pagePath = `/${municipality.slug}/politikk${data.body ? `/organ/${data.body.code}` : ''}`;
    const name = data.body ? `${data.body.name}, ${municipality.name}` : municipality.name;
    return { ...data, language, titleOf, pagePath, name, now };
  }

  for (const prefix of ['/:municipality/politikk', '/:municipality/politikk/organ/:body']) {
    app.get(`${prefix}/ical`, open, async (request, reply) => {
      const municipality = await municipalityOf(request);
      const d = await feedData(request, municipality, 'ical');
      const tc = councilTranslator(d.language);
      const ics = icalendar({
        name: tc('politics.calendarTitle', { name: d.name }),
        host,
        now: d.now,
        events: d.meetings.map((m) => ({ meeting: m, summary: d.names.bodies.get(m.body_id)?.name ?? '', url: `${ctx.config.publicUrl}/${municipality.slug}/politikk/mote/${m.id}` })),
      });
      return reply.header('cache-control', FEED_CACHE).type('text/calendar; charset=utf-8').send(ics);
    });
    app.get(`${prefix}/atom`, open, async (request, reply) => {
      const municipality = await municipalityOf(request);
      const d = await feedData(request, municipality, 'atom');
      const tc = councilTranslator(d.language);
      const xml = councilAtom({ publicUrl: ctx.config.publicUrl, municipality, language: d.language, title: tc('politics.feedTitle', { name: d.name }), selfPath: `${d.pagePath}/atom`, pagePath: d.pagePath, meetings: d.meetings, titleOf: d.titleOf, now: d.now });
      return reply.header('cache-control', FEED_CACHE).type('application/atom+xml; charset=utf-8').send(xml);
    });
  }
}
