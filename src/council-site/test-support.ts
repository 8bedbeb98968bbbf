// SPDX-License-Identifier: EUPL-1.2
// Test factory: public_council_* rows for one tenant, written as radhus_app in the tenant's
// transaction, the way the council projection writes them. Until council-core's projection lands the
// pages' tests seed through this; afterwards they may keep it for shapes the projection never writes
// (a closed item's decision, a secret vote's ballots) to prove the pages still show none of them.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { PublicCouncilTables, PublicProposal, PublicVote } from '../council/tables.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import type { Database } from '../platform/db/database.ts';

type T = PublicCouncilTables;
const actor = { kind: 'cli' as const, id: 'test', name: 'council-site test' };
const at = new Date('2026-01-01T00:00:00Z');

export interface ItemSeed {
  itemNumber: string;
  title: string;
  late?: boolean;
  closed?: string;
  decision?: string;
  caseNumber?: string;
  presentationEntryId?: string;
  proposals?: PublicProposal[];
  votes?: PublicVote[];
  disqualifications?: { personId: string; reason: string }[];
  reservations?: { personId: string | null; partyId: string | null; text: string | null }[];
  videoOffsetSeconds?: number;
}

export interface MeetingSeed {
  bodyId: string;
  startsAt: string;
  endsAt?: string;
  location?: string;
  status?: T['public_council_meetings']['status'];
  open?: boolean;
  agendaPublishedAt?: string | null;
  liveStreamUrl?: string;
  recordingUrl?: string;
  minutesEntryId?: string;
  minutesPublishedAt?: string;
  items?: ItemSeed[];
  /** A notice on the board: meeting notice or adjusted minutes with the appeal window's last day. */
  notices?: { kind: 'meeting' | 'minutes'; title: string; postedOn: string; appealClosesOn?: string }[];
}

export interface CouncilSeeder {
  party(code: string, name: string): Promise<string>;
  person(givenName: string, familyName: string, partyId: string | null): Promise<string>;
  body(code: string, name: string, kind?: T['public_council_bodies']['kind']): Promise<string>;
  membership(bodyId: string, personId: string, role: T['public_council_memberships']['role'], partyId: string | null, substituteOrder?: number): Promise<string>;
  meeting(seed: MeetingSeed): Promise<{ id: string; itemIds: string[] }>;
}

export function councilSeeder(db: Database, tenantId: string): CouncilSeeder {
  const run = <R>(work: (tx: Tx) => Promise<R>) => withTenant(db, { tenantId, actor }, work);
  const insert = (tx: Tx, table: keyof T, values: Record<string, unknown>) => tx.insertInto(table).values(values).execute();
  let termId: string | undefined;
  const term = async (tx: Tx) => {
    if (!termId) {
      termId = randomUUID();
      await insert(tx, 'public_council_terms', { id: termId, tenant_id: tenantId, name: '2023–2027', starts_on: '2023-10-01', ends_on: '2027-09-30', updated_at: at });
    }
    return termId;
  };
  return {
    party: (code, name) => run(async (tx) => { const id = randomUUID(); await insert(tx, 'public_council_parties', { id, tenant_id: tenantId, code, name, updated_at: at }); return id; }),
    person: (given, family, partyId) => run(async (tx) => { const id = randomUUID(); await insert(tx, 'public_council_persons', { id, tenant_id: tenantId, given_name: given, family_name: family, party_id: partyId, created_at: at, updated_at: at }); return id; }),
    body: (code, name, kind = 'council') => run(async (tx) => { const id = randomUUID(); await insert(tx, 'public_council_bodies', { id, tenant_id: tenantId, code, kind, name, short_name: null, created_at: at, updated_at: at }); return id; }),
    membership: (bodyId, personId, role, partyId, order) =>
      run(async (tx) => {
        const id = randomUUID();
        await insert(tx, 'public_council_memberships', { id, tenant_id: tenantId, body_id: bodyId, term_id: await term(tx), person_id: personId, role, party_id: partyId, substitute_order: order ?? null, starts_on: '2023-10-01', ends_on: null, updated_at: at });
        return id;
      }),
    meeting: (seed) =>
      run(async (tx) => {
        const id = randomUUID();
        const published = seed.agendaPublishedAt === undefined ? new Date(new Date(seed.startsAt).getTime() - 7 * 86400_000) : seed.agendaPublishedAt && new Date(seed.agendaPublishedAt);
        await insert(tx, 'public_council_meetings', {
          id, tenant_id: tenantId, body_id: seed.bodyId, starts_at: new Date(seed.startsAt), ends_at: seed.endsAt ? new Date(seed.endsAt) : null,
          location: seed.location ?? null, status: seed.status ?? 'summoned', open: seed.open ?? true, agenda_published_at: published,
          live_stream_url: seed.liveStreamUrl ?? null, recording_url: seed.recordingUrl ?? null, minutes_status: seed.minutesEntryId ? 'approved' : 'none',
          minutes_entry_id: seed.minutesEntryId ?? null, minutes_published_at: seed.minutesPublishedAt ? new Date(seed.minutesPublishedAt) : null,
          notice_posted_on: seed.notices?.find((n) => n.kind === 'minutes')?.postedOn ?? null,
          appeal_closes_on: seed.notices?.find((n) => n.kind === 'minutes')?.appealClosesOn ?? null,
          created_at: at, updated_at: new Date(published ?? at),
        });
        const itemIds: string[] = [];
        for (const [index, item] of (seed.items ?? []).entries()) {
          const itemId = randomUUID();
          itemIds.push(itemId);
          const words = [item.title, item.decision ?? '', ...(item.proposals ?? []).map((p) => p.text)].join(' ');
          await insert(tx, 'public_council_agenda_items', {
            id: itemId, tenant_id: tenantId, meeting_id: id, position: index + 1, item_number: item.itemNumber, public_title: item.title,
            case_file_id: null, case_number: item.caseNumber ?? null, presentation_entry_id: item.presentationEntryId ?? null,
            late: item.late ?? false, closed: item.closed !== undefined, closed_legal_basis: item.closed ?? null,
            decision_text: item.decision ?? null, decided_at: item.decision ? new Date(seed.startsAt) : null,
            proposals: JSON.stringify(item.proposals ?? []), votes: JSON.stringify(item.votes ?? []),
            disqualifications: JSON.stringify(item.disqualifications ?? []), reservations: JSON.stringify(item.reservations ?? []),
            video_offset_seconds: item.videoOffsetSeconds ?? null, transcript_sha256: null,
            search: sql`to_tsvector('simple', ${words})`, created_at: new Date(seed.startsAt), updated_at: new Date(seed.startsAt),
          });
        }
        for (const notice of seed.notices ?? []) {
          await insert(tx, 'public_council_notices', { id: randomUUID(), tenant_id: tenantId, kind: notice.kind, meeting_id: id, title: notice.title, posted_on: notice.postedOn, appeal_closes_on: notice.appealClosesOn ?? null, removed_on: null, updated_at: at });
        }
        return { id, itemIds };
      }),
  };
}
