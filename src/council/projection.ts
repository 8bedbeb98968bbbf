// SPDX-License-Identifier: EUPL-1.2
// The consumer `council-projection`: the council's public face in public_council_*, rebuilt from
// the council tables on each event (the whole meeting, or the municipality's whole roster), so a
// replay rebuilds it and an old event cannot bring back an old value. What is left out here never
// reaches a public page: a politician's e-mail and login; a meeting's items before
// `agenda_public_from` (a timed job re-projects the meeting then); a closed item's decision text,
// papers, proposals and votes; each member's vote and the party split of a secret ballot.
import type { AppContext } from '../platform/context.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import type { EventConsumer } from '../platform/events/types.ts';
import type { JobHandler } from '../platform/jobs/types.ts';
import { newId } from '../platform/ids.ts';
import { publicViewOfCaseFile } from '../archive/service.ts';
import { listTenants } from '../tenants/service.ts';
import * as roster from './roster-repository.ts';
import * as repo from './meetings-repository.ts';
import * as pub from './public-repository.ts';
import { recordsOf } from './records.ts';
import { meetingChanged, PUBLISH_AGENDA_JOB } from './meetings.ts';

const dateOf = (d: Date) => d.toISOString().slice(0, 10);

export async function projectRoster(tx: Tx, at: Date): Promise<void> {
  const [terms, parties, persons, bodies, memberships] = [await roster.selectTerms(tx), await roster.selectParties(tx), await roster.selectPersons(tx), await roster.selectBodies(tx), await roster.selectAllMemberships(tx)];
  await pub.replaceRoster(tx, {
    terms: terms.map((t) => ({ id: t.id, tenant_id: t.tenant_id, name: t.name, starts_on: t.starts_on, ends_on: t.ends_on, updated_at: at })),
    parties: parties.map((p) => ({ id: p.id, tenant_id: p.tenant_id, code: p.code, name: p.name, updated_at: at })),
    // Named columns only: e-mail and user_id stay in council_persons.
    persons: persons.map((p) => ({ id: p.id, tenant_id: p.tenant_id, given_name: p.given_name, family_name: p.family_name, party_id: p.party_id, created_at: p.created_at, updated_at: p.updated_at })),
    bodies: bodies.map((b) => ({ id: b.id, tenant_id: b.tenant_id, code: b.code, kind: b.kind, name: b.name, short_name: b.short_name, created_at: b.created_at, updated_at: b.updated_at })),
    memberships: memberships.map((m) => ({ id: m.id, tenant_id: m.tenant_id, body_id: m.body_id, term_id: m.term_id, person_id: m.person_id, role: m.role, party_id: m.party_id, substitute_order: m.substitute_order, starts_on: m.starts_on, ends_on: m.ends_on, updated_at: at })),
  });
}

export async function projectMeeting(tx: Tx, meetingId: string, now: Date, country: 'NO' | 'SE'): Promise<void> {
  const m = await repo.selectMeeting(tx, meetingId);
  if (!m) return pub.deleteMeeting(tx, meetingId);
  const body = (await roster.selectBody(tx, m.body_id))!;
  const published = m.agenda_public_from !== null && m.agenda_public_from <= now;
  // Norway publishes the approved minutes; Sweden the adjusted (justerat) ones.
  const minutesAt = country === 'SE' ? (m.minutes_status === 'adjusted' ? m.minutes_adjusted_at : null) : m.minutes_status === 'approved' || m.minutes_status === 'adjusted' ? m.minutes_approved_at : null;
  const meeting: pub.PublicMeetingRow = {
    id: m.id, tenant_id: m.tenant_id, body_id: m.body_id, starts_at: m.starts_at, ends_at: m.ends_at, location: m.location, status: m.status, open: m.open,
    agenda_published_at: published ? m.agenda_public_from : null, live_stream_url: m.live_stream_url, recording_url: m.recording_url, minutes_status: m.minutes_status,
    minutes_entry_id: minutesAt ? m.minutes_entry_id : null, minutes_published_at: minutesAt, notice_posted_on: m.notice_posted_on, appeal_closes_on: m.appeal_closes_on,
    created_at: m.created_at, updated_at: m.updated_at,
  };
  const items = published ? await repo.selectItems(tx, m.id) : [];
  const records = await recordsOf(tx, items.map((i) => i.id), { forPublic: true });
  const rows: Omit<pub.PublicItemRow, 'search'>[] = [];
  for (const i of items) {
    // A meeting behind closed doors closes all its items to the public.
    const closed = i.closed || !m.open;
    const r = records.get(i.id)!;
    const caseView = i.case_file_id ? await publicViewOfCaseFile(tx, i.case_file_id) : null;
    // The case's public title as the archive screens it now (a later screening reaches the agenda).
    const publicTitle = i.case_file_id ? (caseView?.caseFile?.publicTitle ?? '*****') : i.public_title;
    rows.push({
      id: i.id, tenant_id: i.tenant_id, meeting_id: m.id, position: i.position, item_number: i.item_number, public_title: publicTitle,
      case_file_id: caseView?.caseFile ? i.case_file_id : null, case_number: caseView?.caseFile?.caseNumber ?? null,
      presentation_entry_id: closed ? null : i.presentation_entry_id, late: i.late, closed, closed_legal_basis: closed ? (i.closed_legal_basis ?? 'closed meeting') : null,
      decision_text: closed ? null : i.decision_text, decided_at: i.decided_at,
      proposals: closed ? [] : r.proposals.map(({ id: _id, ...p }) => p),
      votes: closed ? [] : r.votes.map(({ id: _id, ...v }) => v),
      disqualifications: r.disqualifications, reservations: closed ? [] : r.reservations,
      video_offset_seconds: i.video_offset_seconds, transcript_sha256: closed ? null : i.transcript_sha256, created_at: i.created_at, updated_at: i.updated_at,
    });
  }
  const notices: pub.PublicNoticeRow[] = [];
  const label = `${body.name} ${dateOf(m.starts_at)}`;
  if (country === 'SE' && m.summoned_at && m.status !== 'planned')
    notices.push({ id: m.id, tenant_id: m.tenant_id, kind: 'meeting', meeting_id: m.id, title: label, posted_on: dateOf(m.summoned_at), appeal_closes_on: null, removed_on: m.status === 'cancelled' ? dateOf(m.updated_at) : null, updated_at: m.updated_at });
  if (m.notice_posted_on && minutesAt)
    notices.push({ id: m.minutes_entry_id ?? newId(), tenant_id: m.tenant_id, kind: 'minutes', meeting_id: m.id, title: label, posted_on: m.notice_posted_on, appeal_closes_on: m.appeal_closes_on, removed_on: null, updated_at: m.updated_at });
  await pub.replaceMeeting(tx, meeting, rows, notices);
}

async function countryOf(tx: Tx, tenantId: string): Promise<'NO' | 'SE'> {
  return (await listTenants(tx)).find((t) => t.id === tenantId)?.country ?? 'NO';
}

export const councilProjection: EventConsumer = {
  name: 'council-projection',
  // A case's title or screening changes the public title of its agenda items.
  types: ['council.meeting.changed', 'council.roster.changed', 'case-file.updated'],
  async handle(tx, event, ctx) {
    const now = ctx.clock.now();
    if (event.type === 'council.roster.changed') return projectRoster(tx, now);
    if (event.type === 'case-file.updated') {
      const country = await countryOf(tx, event.tenantId);
      for (const meetingId of await repo.selectMeetingIdsOfCase(tx, event.aggregateId)) await projectMeeting(tx, meetingId, now, country);
      return;
    }
    const meetingId = String(event.payload.meetingId ?? event.aggregateId);
    await projectMeeting(tx, meetingId, now, await countryOf(tx, event.tenantId));
  },
  async reset(tx) {
    await pub.resetAll(tx);
  },
};

/** At `agenda_public_from`: tell the projection, which then publishes the agenda. */
export const publishAgendaJob: JobHandler = {
  type: PUBLISH_AGENDA_JOB,
  async run(job, ctx: AppContext) {
    const meetingId = String(job.payload.meetingId);
    await withTenant(ctx.db, { tenantId: job.tenantId!, actor: { kind: 'system', id: 'council', name: 'council agenda publication' } }, (tx) =>
      meetingChanged(tx, { tenantId: job.tenantId!, at: ctx.clock.now() }, meetingId));
  },
};
