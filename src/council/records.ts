// SPDX-License-Identifier: EUPL-1.2
// Everything recorded on agenda items (proposals, votes with counts and ballots, disqualifications,
// reservations), read once for a meeting's items and shaped as the public projection stores it.
// The secretariat sees the same shape with secret ballots left in (`forPublic: false`).
import type { Tx } from '../platform/db/transaction.ts';
import type { PublicProposal, PublicVote } from './tables.ts';
import * as repo from './meetings-repository.ts';

export interface ItemRecords {
  proposals: (PublicProposal & { id: string })[];
  votes: (PublicVote & { id: string })[];
  disqualifications: { personId: string; reason: string }[];
  reservations: { personId: string | null; partyId: string | null; text: string | null }[];
}

export async function recordsOf(tx: Tx, itemIds: string[], options: { forPublic: boolean }): Promise<Map<string, ItemRecords>> {
  const [proposals, votes, disqualifications, reservations] = await Promise.all([
    repo.selectProposals(tx, itemIds), repo.selectVotes(tx, itemIds), repo.selectDisqualifications(tx, itemIds), repo.selectReservations(tx, itemIds),
  ]);
  const voteIds = votes.map((v) => v.id);
  const [counts, ballots] = [await repo.selectVoteCounts(tx, voteIds), await repo.selectBallots(tx, voteIds)];
  const result = new Map<string, ItemRecords>(itemIds.map((id) => [id, { proposals: [], votes: [], disqualifications: [], reservations: [] }]));
  for (const p of proposals)
    result.get(p.agenda_item_id)!.proposals.push({ id: p.id, position: p.position, kind: p.kind, text: p.text, proposerPersonId: p.proposer_person_id, partyId: p.party_id });
  for (const v of votes) {
    const mine = ballots.filter((b) => b.vote_id === v.id);
    // A secret ballot's individual votes are never shown, and nor is the split per party they add up to.
    const hidden = options.forPublic && v.method === 'secret';
    const parties = new Map<string, { partyId: string | null; option: string; count: number }>();
    if (!hidden)
      for (const b of mine) {
        const key = `${b.party_id ?? ''}|${b.option}`;
        const row = parties.get(key) ?? { partyId: b.party_id, option: b.option, count: 0 };
        row.count += 1;
        parties.set(key, row);
      }
    result.get(v.agenda_item_id)!.votes.push({
      id: v.id, position: v.position, subject: v.subject, method: v.method, outcome: v.outcome,
      counts: counts.filter((c) => c.vote_id === v.id).map((c) => ({ option: c.option, label: c.label, count: c.count })),
      parties: [...parties.values()],
      ballots: hidden ? [] : mine.map((b) => ({ personId: b.person_id, partyId: b.party_id, option: b.option })),
    });
  }
  for (const d of disqualifications) result.get(d.agenda_item_id)!.disqualifications.push({ personId: d.person_id, reason: d.reason });
  for (const r of reservations) result.get(r.agenda_item_id)!.reservations.push({ personId: r.person_id, partyId: r.party_id, text: r.text });
  return result;
}
