// SPDX-License-Identifier: EUPL-1.2
// The demo's writes of what the decisions' side records in a live meeting (decision text, votes with
// counts and ballots, video offsets). The secretariat records these through the council-decisions
// services; the demo writes them here so that it does not depend on that slice (the lead reconciles).
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';

export async function insertDemoVote(tx: Tx, v: {
  tenantId: string; itemId: string; position: number; subject: string; method: 'roll-call' | 'show-of-hands'; outcome: string; at: Date;
  counts: { option: string; label: string; count: number }[]; ballots: { personId: string; partyId: string | null; option: string }[];
}): Promise<void> {
  const id = newId();
  await sql`insert into council_votes (id, tenant_id, agenda_item_id, position, subject, method, outcome, created_at)
    values (${id}, ${v.tenantId}, ${v.itemId}, ${v.position}, ${v.subject}, ${v.method}, ${v.outcome}, ${v.at})`.execute(tx);
  for (const c of v.counts)
    await sql`insert into council_vote_counts (tenant_id, vote_id, option, label, count) values (${v.tenantId}, ${id}, ${c.option}, ${c.label}, ${c.count})`.execute(tx);
  for (const b of v.ballots)
    await sql`insert into council_ballots (tenant_id, vote_id, person_id, option, party_id) values (${v.tenantId}, ${id}, ${b.personId}, ${b.option}, ${b.partyId})`.execute(tx);
}

export async function insertDemoProposal(tx: Tx, p: { tenantId: string; itemId: string; position: number; kind: 'recommendation' | 'proposal'; text: string; partyId: string | null; at: Date }): Promise<void> {
  await sql`insert into council_proposals (id, tenant_id, agenda_item_id, position, kind, text, party_id, created_at)
    values (${newId()}, ${p.tenantId}, ${p.itemId}, ${p.position}, ${p.kind}, ${p.text}, ${p.partyId}, ${p.at})`.execute(tx);
}

export async function setDemoDecision(tx: Tx, itemId: string, text: string, at: Date, videoOffsetSeconds: number): Promise<void> {
  await sql`update council_agenda_items set decision_text = ${text}, decided_at = ${at}, video_offset_seconds = ${videoOffsetSeconds}, updated_at = ${at} where id = ${itemId}`.execute(tx);
}
