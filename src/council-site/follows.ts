// SPDX-License-Identifier: EUPL-1.2
// Following the council (issue 10 §3): a body, a case, a politician or a keyword, by e-mail and by
// a per-follow Atom feed. Subscribing mails a confirmation link only. The consumer of
// `council.meeting.changed` schedules the `council-site.follow` job, which reads the public
// projection under withPublic (so it sees what the projection made public, never a council table)
// and mails each active follow the meeting's agenda and its minutes once each: the row in
// council_follow_mails is claimed in the transaction that schedules the mail. A meeting whose agenda
// is not public yet is looked at again hourly until it starts (the projection publishes it on time).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Language } from '../common/languages.ts';
import type { AppContext } from '../platform/context.ts';
import { withPublic, withTenant, type Tx } from '../platform/db/transaction.ts';
import type { EventConsumer } from '../platform/events/types.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { isUuid, newId } from '../platform/ids.ts';
import { scheduleJob } from '../platform/jobs/store.ts';
import type { JobHandler } from '../platform/jobs/types.ts';
import { isMailAddress, sendMail } from '../platform/mail/send.ts';
import type { PublicMunicipality } from '../site/service.ts';
import { confirmFollowMail, followNewsMail } from './follows-mail.ts';
import { activeFollows, claimFollowMail, FOLLOW_KINDS, insertFollow, selectFollow, setFollowStatus, type FollowKind, type FollowRow } from './follows-repository.ts';
import * as repo from './repository.ts';
import { councilTranslator } from './texts.ts';

export const FOLLOW_JOB = 'council-site.follow';
const RETRY_MS = 60 * 60 * 1000;
const actor = { kind: 'system' as const, id: 'council-site', name: 'council follows' };
const inTenant = <T>(ctx: AppContext, tenantId: string, work: (tx: Tx) => Promise<T>) => withTenant(ctx.db, { tenantId, actor }, work);
const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;
const CASE_NUMBER = /^\d{4}\/\d{1,9}$/;

const followPath = (slug: string, id: string) => `/${slug}/politikk/folg/${id}`;
export const linkOf = (ctx: AppContext, slug: string, f: Pick<FollowRow, 'id' | 'secret'>, action: 'bekreft' | 'avslutt' | 'atom') => `${ctx.config.publicUrl}${followPath(slug, f.id)}/${action}?key=${f.secret}`;

/** What is followed, in words: the body's or politician's name, the case number, or the keyword. */
async function describe(tx: Tx, tenantId: string, kind: FollowKind, target: string): Promise<string | undefined> {
  if (kind === 'body') return CODE.test(target) ? (await repo.findBody(tx, tenantId, target))?.name : undefined;
  if (kind === 'person') {
    const person = isUuid(target) ? await repo.findPerson(tx, tenantId, target) : undefined;
    return person && `${person.given_name} ${person.family_name}`;
  }
  if (kind === 'case') return CASE_NUMBER.test(target) ? target : undefined;
  return target.length <= 200 ? `«${target}»` : undefined;
}

export async function subscribe(ctx: AppContext, municipality: PublicMunicipality, input: { email: string; language: Language; kind: string; target: string }): Promise<void> {
  const errors: FieldError[] = [];
  const email = input.email.trim();
  const target = input.target.trim();
  if (!isMailAddress(email)) errors.push({ field: 'email', code: 'invalidEmail', message: 'must be one e-mail address, e.g. kari@example.no' });
  if (!(FOLLOW_KINDS as readonly string[]).includes(input.kind)) errors.push({ field: 'kind', code: 'invalid', message: `must be one of ${FOLLOW_KINDS.join(', ')}` });
  if (!target) errors.push({ field: 'target', code: 'required', message: 'names what to follow' });
  if (errors.length) throw invalid(errors);
  const kind = input.kind as FollowKind;
  const what = await withPublic(ctx.db, (tx) => describe(tx, municipality.id, kind, target));
  if (!what) throw invalid([{ field: 'target', code: 'notFound', message: `no ${kind} "${target}" in this municipality` }]);
  const now = ctx.clock.now();
  const row: FollowRow = { id: newId(), tenant_id: municipality.id, email, language: input.language, kind, target, secret: randomBytes(24).toString('base64url'), status: 'unconfirmed', created_at: now, confirmed_at: null, cancelled_at: null };
  await inTenant(ctx, municipality.id, async (tx) => {
    await insertFollow(tx, row);
    await sendMail(tx, { to: email, template: confirmFollowMail, language: row.language, tenantId: municipality.id, at: now, params: { municipality: municipality.name, what, url: linkOf(ctx, municipality.slug, row, 'bekreft') } });
  });
}

/** The follow behind a link, or 404 (unknown id, another municipality's, or the wrong key alike). */
export async function followOf(ctx: AppContext, municipality: PublicMunicipality, id: string, key: string): Promise<FollowRow> {
  const follow = isUuid(id) ? await inTenant(ctx, municipality.id, (tx) => selectFollow(tx, id)) : undefined;
  const a = Buffer.from(follow?.secret ?? '');
  const b = Buffer.from(key);
  if (!follow || a.length !== b.length || !timingSafeEqual(a, b)) throw notFound(`follow ${id} with this link`);
  return follow;
}

export async function setStatus(ctx: AppContext, municipality: PublicMunicipality, follow: FollowRow, status: 'active' | 'cancelled'): Promise<void> {
  if (follow.status === 'cancelled' || follow.status === status) return;
  await inTenant(ctx, municipality.id, (tx) => setFollowStatus(tx, follow.id, status, ctx.clock.now()));
}

/** Whether a meeting concerns a follow: its body, a case on its open items, the politician's part in it, the words. */
export async function concerns(tx: Tx, follow: Pick<FollowRow, 'kind' | 'target'>, meeting: repo.Meeting, items: repo.Item[], body: repo.Body | undefined): Promise<boolean> {
  const open = items.filter((i) => !i.closed);
  switch (follow.kind) {
    case 'body':
      return body?.code === follow.target;
    case 'case':
      return open.some((i) => i.case_number === follow.target);
    case 'person':
      return (
        open.some((i) => i.proposals.some((p) => p.proposerPersonId === follow.target) || i.votes.some((v) => v.method !== 'secret' && v.ballots.some((b) => b.personId === follow.target))) ||
        (isUuid(follow.target) && (await repo.isMemberOf(tx, follow.target, meeting.body_id)))
      );
    case 'keyword':
      return repo.meetingMatches(tx, meeting.id, follow.target);
  }
}

export const followConsumer: EventConsumer = {
  name: 'council-site-follows',
  types: ['council.meeting.changed'],
  async handle(tx, event, ctx) {
    const meetingId = event.payload.meetingId;
    if (typeof meetingId !== 'string' || !isUuid(meetingId)) return;
    // A job, not mail from here: it runs after this dispatch round, when the projection has the change.
    await scheduleJob(tx, { type: FOLLOW_JOB, tenantId: event.tenantId, runAt: ctx.clock.now(), key: `council-follow:${meetingId}:${event.id}`, payload: { meetingId } });
  },
};

export const followJob: JobHandler = {
  type: FOLLOW_JOB,
  async run(job, ctx) {
    const meetingId = job.payload.meetingId;
    if (!job.tenantId || typeof meetingId !== 'string') throw new Error(`job ${job.id}: no municipality or meeting`);
    const tenantId = job.tenantId;
    const now = ctx.clock.now();
    const follows = await inTenant(ctx, tenantId, (tx) => activeFollows(tx));
    if (follows.length === 0) return;
    const found = await withPublic(ctx.db, async (tx) => {
      const meeting = await repo.findMeeting(tx, tenantId, meetingId);
      const municipality = (await tx.selectFrom('public_tenants').select(['id', 'slug', 'name']).where('id', '=', tenantId).executeTakeFirst()) as { slug: string; name: string } | undefined;
      if (!meeting || !municipality) return undefined;
      const items = meeting.agenda_published_at ? await repo.listItems(tx, tenantId, [meeting.id]) : [];
      const body = (await repo.listBodies(tx, tenantId)).find((b) => b.id === meeting.body_id);
      const matching: { f: FollowRow; what: string }[] = [];
      for (const f of follows) if (await concerns(tx, f, meeting, items, body)) matching.push({ f, what: (await describe(tx, tenantId, f.kind, f.target)) ?? f.target });
      return { meeting, municipality, body, matching };
    });
    if (!found) return;
    const { meeting, municipality, body, matching } = found;
    const stages = [...(meeting.agenda_published_at ? (['agenda'] as const) : []), ...(meeting.minutes_published_at ? (['minutes'] as const) : [])];
    await inTenant(ctx, tenantId, async (tx) => {
      for (const { f, what } of matching) {
        const tc = councilTranslator(f.language);
        const title = `${body?.name ?? ''} ${meeting.starts_at.toISOString().slice(0, 10)}`;
        for (const stage of stages) {
          if (!(await claimFollowMail(tx, tenantId, f.id, meeting.id, stage, now))) continue;
          const news = tc(stage === 'agenda' ? 'politics.agendaPublished' : 'politics.minutesPublished', { title });
          await sendMail(tx, {
            to: f.email, template: followNewsMail, language: f.language, tenantId, at: now, key: `council-follow:${f.id}:${meeting.id}:${stage}`,
            params: { municipality: municipality.name, what, news, url: `${ctx.config.publicUrl}/${municipality.slug}/politikk/mote/${meeting.id}`, cancelUrl: linkOf(ctx, municipality.slug, f, 'avslutt') },
          });
        }
      }
      // The agenda is not public yet: look again later, until the meeting starts.
      if (!meeting.agenda_published_at && meeting.starts_at > now) {
        const runAt = new Date(now.getTime() + RETRY_MS);
        await scheduleJob(tx, { type: FOLLOW_JOB, tenantId, runAt, key: `council-follow:${meeting.id}:${runAt.toISOString()}`, payload: { meetingId: meeting.id } });
      }
    });
  },
};
