// SPDX-License-Identifier: EUPL-1.2
// Row types of the council tables (migrations/0022_council.sql), for Kysely. council_* is the
// secretariat's working data; public_council_* its public projection (read under radhus_public).
export type BodyKind = 'council' | 'executive' | 'committee' | 'other';
export type MembershipRole = 'leader' | 'deputy' | 'member' | 'substitute';
export type MeetingStatus = 'planned' | 'summoned' | 'held' | 'cancelled';
export type MinutesStatus = 'none' | 'draft' | 'approved' | 'adjusted';
export type VoteMethod = 'show-of-hands' | 'roll-call' | 'secret' | 'acclamation';
export type ProposalKind = 'recommendation' | 'proposal' | 'amendment';

interface Stamped { created_at: Date; updated_at: Date }

export interface CouncilTermsTable extends Stamped { id: string; tenant_id: string; name: string; starts_on: string; ends_on: string }
export interface CouncilPartiesTable extends Stamped { id: string; tenant_id: string; code: string; name: string }
export interface CouncilPersonsTable extends Stamped {
  id: string; tenant_id: string; given_name: string; family_name: string;
  party_id: string | null; user_id: string | null; email: string | null;
}
export interface CouncilBodiesTable extends Stamped {
  id: string; tenant_id: string; code: string; kind: BodyKind; name: string; short_name: string | null;
  publish_days_before: number; adjusters_required: number; unit_id: string | null;
}
export interface CouncilMembershipsTable extends Stamped {
  id: string; tenant_id: string; body_id: string; term_id: string; person_id: string; role: MembershipRole;
  party_id: string | null; substitute_order: number | null; starts_on: string; ends_on: string | null;
}
export interface CouncilMeetingsTable extends Stamped {
  id: string; tenant_id: string; body_id: string; term_id: string | null;
  starts_at: Date; ends_at: Date | null; location: string | null; status: MeetingStatus; open: boolean;
  summoned_at: Date | null; agenda_public_from: Date | null;
  live_stream_url: string | null; recording_url: string | null;
  minutes_status: MinutesStatus; minutes_entry_id: string | null;
  minutes_approved_at: Date | null; minutes_approved_by: string | null; minutes_adjusted_at: Date | null;
  notice_posted_on: string | null; appeal_closes_on: string | null;
  // The item under discussion now (migration 0028), set by the secretariat during the meeting.
  current_item_id: string | null;
}
export interface CouncilAgendaItemsTable extends Stamped {
  id: string; tenant_id: string; meeting_id: string; position: number; item_number: string;
  title: string; public_title: string; case_file_id: string | null; presentation_entry_id: string | null;
  late: boolean; closed: boolean; closed_legal_basis: string | null;
  decision_text: string | null; decided_at: Date | null;
  video_offset_seconds: number | null; transcript_sha256: string | null;
}
export interface CouncilAttendanceTable {
  tenant_id: string; meeting_id: string; person_id: string; status: 'present' | 'absent';
  substitute_for: string | null; reported_at: Date | null;
}
export interface CouncilDisqualificationsTable { tenant_id: string; agenda_item_id: string; person_id: string; reason: string }
export interface CouncilProposalsTable {
  id: string; tenant_id: string; agenda_item_id: string; position: number; kind: ProposalKind; text: string;
  proposer_person_id: string | null; party_id: string | null; created_at: Date;
}
export interface CouncilVotesTable {
  id: string; tenant_id: string; agenda_item_id: string; position: number; subject: string;
  method: VoteMethod; outcome: string | null; created_at: Date;
}
export interface CouncilVoteCountsTable { tenant_id: string; vote_id: string; option: string; label: string; count: number; proposal_id: string | null }
export interface CouncilBallotsTable { tenant_id: string; vote_id: string; person_id: string; option: string; party_id: string | null }
export interface CouncilReservationsTable {
  id: string; tenant_id: string; agenda_item_id: string; person_id: string | null; party_id: string | null; text: string | null; created_at: Date;
}
export interface CouncilAdjustersTable { tenant_id: string; meeting_id: string; person_id: string; signed_at: Date | null }

export interface CouncilTables {
  council_terms: CouncilTermsTable;
  council_parties: CouncilPartiesTable;
  council_persons: CouncilPersonsTable;
  council_bodies: CouncilBodiesTable;
  council_memberships: CouncilMembershipsTable;
  council_meetings: CouncilMeetingsTable;
  council_agenda_items: CouncilAgendaItemsTable;
  council_attendance: CouncilAttendanceTable;
  council_disqualifications: CouncilDisqualificationsTable;
  council_proposals: CouncilProposalsTable;
  council_votes: CouncilVotesTable;
  council_vote_counts: CouncilVoteCountsTable;
  council_ballots: CouncilBallotsTable;
  council_reservations: CouncilReservationsTable;
  council_adjusters: CouncilAdjustersTable;
}

// --- public projection -------------------------------------------------------------------------
export interface PublicVote {
  position: number; subject: string; method: VoteMethod; outcome: string | null;
  counts: { option: string; label: string; count: number }[];
  /** How each party's members voted: one row per party and option. */
  parties: { partyId: string | null; option: string; count: number }[];
  /** Each member's vote where recorded; never for a secret vote. */
  ballots: { personId: string; partyId: string | null; option: string }[];
}
export interface PublicProposal { position: number; kind: ProposalKind; text: string; proposerPersonId: string | null; partyId: string | null }

export interface PublicCouncilTables {
  public_council_terms: { id: string; tenant_id: string; name: string; starts_on: string; ends_on: string; updated_at: Date };
  public_council_parties: { id: string; tenant_id: string; code: string; name: string; updated_at: Date };
  public_council_persons: { id: string; tenant_id: string; given_name: string; family_name: string; party_id: string | null; created_at: Date; updated_at: Date };
  public_council_bodies: { id: string; tenant_id: string; code: string; kind: BodyKind; name: string; short_name: string | null; created_at: Date; updated_at: Date };
  public_council_memberships: {
    id: string; tenant_id: string; body_id: string; term_id: string; person_id: string; role: MembershipRole;
    party_id: string | null; substitute_order: number | null; starts_on: string; ends_on: string | null; updated_at: Date;
  };
  public_council_meetings: {
    id: string; tenant_id: string; body_id: string; starts_at: Date; ends_at: Date | null; location: string | null;
    status: MeetingStatus; open: boolean; agenda_published_at: Date | null;
    live_stream_url: string | null; recording_url: string | null; minutes_status: MinutesStatus;
    minutes_entry_id: string | null; minutes_published_at: Date | null;
    notice_posted_on: string | null; appeal_closes_on: string | null; created_at: Date; updated_at: Date;
  };
  public_council_agenda_items: {
    id: string; tenant_id: string; meeting_id: string; position: number; item_number: string; public_title: string;
    case_file_id: string | null; case_number: string | null; presentation_entry_id: string | null;
    late: boolean; closed: boolean; closed_legal_basis: string | null;
    decision_text: string | null; decided_at: Date | null;
    proposals: PublicProposal[]; votes: PublicVote[];
    disqualifications: { personId: string; reason: string }[];
    reservations: { personId: string | null; partyId: string | null; text: string | null }[];
    video_offset_seconds: number | null; transcript_sha256: string | null;
    search: string; created_at: Date; updated_at: Date;
  };
  public_council_notices: {
    id: string; tenant_id: string; kind: 'meeting' | 'minutes'; meeting_id: string; title: string;
    posted_on: string; appeal_closes_on: string | null; removed_on: string | null; updated_at: Date;
  };
}
