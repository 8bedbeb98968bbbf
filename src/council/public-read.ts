// SPDX-License-Identifier: EUPL-1.2
// The council as the public sees it, read only from public_council_* and public_documents under
// radhus_public: the meeting plan, a meeting with its agenda and papers, an item's decision with
// the votes per party and per member. Shared by the own API, the council site and OParl.
import type { Tx } from '../platform/db/transaction.ts';
import { notFound, ProblemError } from '../platform/http/problem.ts';
import { getPublicJournalEntry, type PublicJournalDocument } from '../journal/service.ts';
import * as cursor from '../platform/http/keyset-cursor.ts';
import { isUuid } from '../platform/ids.ts';
import * as pub from './public-repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const dateText = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

export interface MeetingFilter { bodyId?: string | undefined; from?: Date | undefined; to?: Date | undefined; cursor?: string | undefined; limit?: number | undefined }

/** The values the cursor is bound to: a cursor of another filter is refused. */
const filterParts = (f: MeetingFilter) => [f.bodyId ?? '', iso(f.from ?? null), iso(f.to ?? null)];

async function bodiesOf(tx: Tx, tenantId: string) {
  return new Map((await pub.selectPublicBodies(tx, tenantId)).map((b) => [b.id, { id: b.id, code: b.code, kind: b.kind, name: b.name, shortName: b.short_name }]));
}

const meetingSummary = (m: pub.PublicMeetingRow, body: { id: string; code: string; kind: string; name: string; shortName: string | null } | undefined) => ({
  id: m.id, body: body ?? null, startsAt: m.starts_at.toISOString(), endsAt: iso(m.ends_at), location: m.location, status: m.status, open: m.open,
  agendaPublishedAt: iso(m.agenda_published_at), minutesPublishedAt: iso(m.minutes_published_at), liveStreamUrl: m.live_stream_url, recordingUrl: m.recording_url,
  updatedAt: m.updated_at.toISOString(),
});

export async function listPublicMeetings(tx: Tx, tenantId: string, f: MeetingFilter) {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  const after = f.cursor ? cursor.decode(f.cursor, filterParts(f)) : undefined;
  const bodies = await bodiesOf(tx, tenantId);
  if (f.bodyId && !bodies.has(f.bodyId)) throw notFound(`body ${f.bodyId}`);
  const rows = await pub.selectPublicMeetings(tx, { tenantId, bodyId: f.bodyId, from: f.from, to: f.to, after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map((m) => meetingSummary(m, bodies.get(m.body_id))), nextCursor: rows.length > limit && last ? cursor.encode(last.starts_at, last.id, filterParts(f)) : null };
}


/** The entry's documents as the public journal shows them now (none while the entry is not yet visible there). */
async function journalDocuments(tx: Tx, tenantId: string, entryId: string, now: Date): Promise<PublicJournalDocument[]> {
  try {
    return (await getPublicJournalEntry(tx, tenantId, entryId, now)).documents;
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'notFound') return [];
    throw error;
  }
}

export async function getPublicMeeting(tx: Tx, tenant: { id: string; slug: string }, meetingId: string, now: Date) {
  const m = isUuid(meetingId) ? await pub.selectPublicMeeting(tx, tenant.id, meetingId) : undefined;
  if (!m) throw notFound(`meeting ${meetingId}`);
  const bodies = await bodiesOf(tx, tenant.id);
  const items = await pub.selectPublicItems(tx, m.id);
  const entryIds = [...items.map((i) => i.presentation_entry_id).filter((id): id is string => id !== null), ...(m.minutes_entry_id ? [m.minutes_entry_id] : [])];
  const documents = new Map<string, PublicJournalDocument[]>();
  for (const id of new Set(entryIds)) documents.set(id, await journalDocuments(tx, tenant.id, id, now));
  const docsOf = (entryId: string | null) => (entryId ? documents.get(entryId) ?? [] : []);
  const entryUrl = (entryId: string | null) => (entryId ? `/api/v1/${tenant.slug}/public-journal/${entryId}` : null);
  const notices = await pub.selectPublicNotices(tx, m.id);
  return {
    ...meetingSummary(m, bodies.get(m.body_id)),
    items: items.map((i) => ({
      id: i.id, position: i.position, itemNumber: i.item_number, title: i.public_title, caseFileId: i.case_file_id, caseNumber: i.case_number,
      late: i.late, closed: i.closed, closedLegalBasis: i.closed_legal_basis, decisionText: i.decision_text, decidedAt: iso(i.decided_at),
      presentationEntryId: i.presentation_entry_id, presentationUrl: entryUrl(i.presentation_entry_id), documents: docsOf(i.presentation_entry_id),
      videoOffsetSeconds: i.video_offset_seconds, hasTranscript: i.transcript_sha256 !== null,
    })),
    minutes: m.minutes_entry_id ? { entryId: m.minutes_entry_id, url: entryUrl(m.minutes_entry_id), publishedAt: iso(m.minutes_published_at), documents: docsOf(m.minutes_entry_id) } : null,
    notices: notices.map((n) => ({ kind: n.kind, title: n.title, postedOn: dateText(n.posted_on)!, appealClosesOn: dateText(n.appeal_closes_on), removedOn: dateText(n.removed_on) })),
    noticePostedOn: dateText(m.notice_posted_on), appealClosesOn: dateText(m.appeal_closes_on),
  };
}

export async function getPublicDecision(tx: Tx, tenantId: string, itemId: string) {
  const i = isUuid(itemId) ? await pub.selectPublicItem(tx, tenantId, itemId) : undefined;
  if (!i) throw notFound(`agenda item ${itemId}`);
  const partyRows = await pub.selectPublicParties(tx, tenantId);
  const parties = new Map(partyRows.map((p) => [p.id, { id: p.id, code: p.code, name: p.name }]));
  const personIds = new Set<string>();
  for (const v of i.votes) for (const b of v.ballots) personIds.add(b.personId);
  for (const p of i.proposals) if (p.proposerPersonId) personIds.add(p.proposerPersonId);
  for (const d of i.disqualifications) personIds.add(d.personId);
  for (const r of i.reservations) if (r.personId) personIds.add(r.personId);
  const persons = new Map((await pub.selectPublicPersons(tx, tenantId, [...personIds])).map((p) => [p.id, { id: p.id, name: `${p.given_name} ${p.family_name}` }]));
  const party = (id: string | null) => (id ? parties.get(id) ?? null : null);
  const person = (id: string | null) => (id ? persons.get(id) ?? null : null);
  return {
    itemId: i.id, meetingId: i.meeting_id, itemNumber: i.item_number, title: i.public_title, caseNumber: i.case_number, closed: i.closed, closedLegalBasis: i.closed_legal_basis,
    decisionText: i.decision_text, decidedAt: iso(i.decided_at),
    proposals: i.proposals.map((p) => ({ position: p.position, kind: p.kind, text: p.text, proposer: person(p.proposerPersonId), party: party(p.partyId) })),
    votes: i.votes.map((v) => ({
      position: v.position, subject: v.subject, method: v.method, outcome: v.outcome, counts: v.counts,
      parties: v.parties.map((p) => ({ party: party(p.partyId), option: p.option, count: p.count })),
      // The projection never stores a secret vote's ballots; checked here again all the same.
      members: v.method === 'secret' ? [] : v.ballots.map((b) => ({ person: person(b.personId), party: party(b.partyId), option: b.option })),
    })),
    disqualifications: i.disqualifications.map((d) => ({ person: person(d.personId), reason: d.reason })),
    reservations: i.reservations.map((r) => ({ person: person(r.personId), party: party(r.partyId), text: r.text })),
  };
}
