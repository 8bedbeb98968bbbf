// SPDX-License-Identifier: EUPL-1.2
// The record of a meeting as the secretariat keeps it during the meeting: proposals, declared
// disqualifications (inhabilitet / jäv), votes with their counts and, where recorded, each member's
// vote with the party they sat for (kommuneloven § 11-4), the decision and Swedish reservations.
// A refused request writes nothing: every rule is checked before the first insert. Once the minutes
// are approved the record is closed (409 here; the triggers of migration 0024 refuse it too).
import type { Tx } from '../platform/db/transaction.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { dateIn } from '../archive/service.ts';
import type { ProposalKind, VoteMethod } from './tables.ts';
import {
  insertDisqualification, insertProposal, insertReservation, insertVote, lockMeeting, partiesInBody, selectAttendance,
  selectBallotsOfVotes, selectDisqualifications, selectItem, selectVotesOfItem, selectParty, selectPersons, selectProposalsOfItem, updateItem, type ItemRow, type MeetingRow,
} from './decisions-repository.ts';

export interface RecordCtx { tenantId: string; at: Date }

import { meetingChanged } from './meetings.ts';
export { meetingChanged };

export const minutesClosed = (meeting: MeetingRow): boolean => meeting.minutes_status === 'approved' || meeting.minutes_status === 'adjusted';

export const closedRecord = () =>
  conflict('the minutes of this meeting are approved: its record can no longer be changed', [{ field: 'meetingId', code: 'minutesApproved', message: 'the minutes are approved' }]);

/** The item and its meeting (locked), refusing once the minutes are approved. */
export async function itemForRecord(tx: Tx, itemId: string, options: { afterMinutes?: boolean } = {}): Promise<{ item: ItemRow; meeting: MeetingRow }> {
  const found = await selectItem(tx, itemId);
  if (!found) throw notFound(`agenda item ${itemId}`);
  const meeting = await lockMeeting(tx, found.meeting_id);
  if (!meeting) throw notFound(`agenda item ${itemId}`);
  if (!options.afterMinutes && minutesClosed(meeting)) throw closedRecord();
  const item = (await selectItem(tx, itemId))!;
  return { item, meeting };
}

async function checkPersons(tx: Tx, fields: { field: string; id: string | undefined }[], errors: FieldError[]): Promise<void> {
  const ids = fields.flatMap((f) => (f.id ? [f.id] : []));
  const known = new Set((await selectPersons(tx, ids)).map((p) => p.id));
  for (const f of fields) if (f.id && !known.has(f.id)) errors.push({ field: f.field, code: 'notFound', message: 'no such person in this municipality' });
}

async function checkParty(tx: Tx, field: string, id: string | undefined, errors: FieldError[]): Promise<void> {
  if (id && !(await selectParty(tx, id))) errors.push({ field, code: 'notFound', message: 'no such party in this municipality' });
}

const trimmed = (field: string, value: string | undefined, max: number, errors: FieldError[], required = true): string | null => {
  const text = value?.trim() ?? '';
  if (!text && required) errors.push({ field, code: 'required', message: 'must not be empty' });
  else if (text.length > max) errors.push({ field, code: 'tooLong', message: `at most ${max} characters` });
  return text || null;
};

export interface ProposalInput { kind: ProposalKind; text: string; proposerPersonId?: string; partyId?: string }

export async function addProposal(tx: Tx, c: RecordCtx, itemId: string, input: ProposalInput) {
  const { item, meeting } = await itemForRecord(tx, itemId);
  const errors: FieldError[] = [];
  const text = trimmed('text', input.text, 20_000, errors);
  await checkPersons(tx, [{ field: 'proposerPersonId', id: input.proposerPersonId }], errors);
  await checkParty(tx, 'partyId', input.partyId, errors);
  if (errors.length) throw invalid(errors);
  const id = newId();
  const position = await insertProposal(tx, {
    id, tenant_id: c.tenantId, agenda_item_id: item.id, kind: input.kind, text: text!, proposer_person_id: input.proposerPersonId ?? null, party_id: input.partyId ?? null, created_at: c.at,
  });
  await meetingChanged(tx, c, meeting.id);
  return { id, position, kind: input.kind, text: text!, proposerPersonId: input.proposerPersonId ?? null, partyId: input.partyId ?? null };
}

export async function declareDisqualification(tx: Tx, c: RecordCtx, itemId: string, input: { personId: string; reason: string }) {
  const { item, meeting } = await itemForRecord(tx, itemId);
  const errors: FieldError[] = [];
  const reason = trimmed('reason', input.reason, 2000, errors);
  await checkPersons(tx, [{ field: 'personId', id: input.personId }], errors);
  // Declared before the votes: a member whose vote is recorded on the item cannot be disqualified after it.
  const votes = (await selectVotesOfItem(tx, item.id)).map((v) => v.id);
  if ((await selectBallotsOfVotes(tx, votes)).some((b) => b.person_id === input.personId))
    errors.push({ field: 'personId', code: 'notAllowed', message: 'this member’s vote on the item is recorded: declare the disqualification before the vote' });
  if (errors.length) throw invalid(errors);
  await insertDisqualification(tx, { tenant_id: c.tenantId, agenda_item_id: item.id, person_id: input.personId, reason: reason! });
  await meetingChanged(tx, c, meeting.id);
  return { personId: input.personId, reason: reason! };
}

export interface VoteInput {
  subject: string;
  method: VoteMethod;
  counts: { option: string; label: string; count: number; proposalId?: string }[];
  ballots?: { personId: string; option: string }[];
  outcome: string;
}

/**
 * Who may vote on the item: those recorded present at the meeting, less those declared
 * disqualified on it. The counts must add up to exactly them; each ballot must be one of them, once.
 */
export async function recordVote(tx: Tx, c: RecordCtx, itemId: string, input: VoteInput) {
  const { item, meeting } = await itemForRecord(tx, itemId);
  const errors: FieldError[] = [];
  const subject = trimmed('subject', input.subject, 2000, errors);
  const present = new Set((await selectAttendance(tx, meeting.id)).filter((a) => a.status === 'present').map((a) => a.person_id));
  const disqualified = new Set((await selectDisqualifications(tx, item.id)).map((d) => d.person_id));
  const voters = [...present].filter((p) => !disqualified.has(p));

  const options = new Map<string, number>();
  const proposals = new Set((await selectProposalsOfItem(tx, item.id)).map((p) => p.id));
  input.counts.forEach((count, i) => {
    if (options.has(count.option)) errors.push({ field: `counts.${i}.option`, code: 'duplicate', message: `option ${count.option} is counted twice` });
    options.set(count.option, count.count);
    if (!count.label.trim()) errors.push({ field: `counts.${i}.label`, code: 'required', message: 'must not be empty' });
    if (count.proposalId && !proposals.has(count.proposalId)) errors.push({ field: `counts.${i}.proposalId`, code: 'notFound', message: 'not a proposal on this item' });
  });
  const total = input.counts.reduce((sum, count) => sum + count.count, 0);
  if (total !== voters.length)
    errors.push({ field: 'counts', code: 'votesDoNotAddUp', message: `the counts add up to ${total}, but ${voters.length} members present may vote (${present.size} present, ${[...disqualified].filter((p) => present.has(p)).length} of them disqualified)` });
  if (!options.has(input.outcome)) errors.push({ field: 'outcome', code: 'notAllowed', message: 'must be one of the counted options' });

  const ballots = input.ballots ?? [];
  if (ballots.length && input.method === 'secret') errors.push({ field: 'ballots', code: 'notAllowed', message: 'a secret vote records no member’s vote' });
  const seen = new Set<string>();
  const perOption = new Map<string, number>();
  ballots.forEach((ballot, i) => {
    const field = `ballots.${i}.personId`;
    if (seen.has(ballot.personId)) errors.push({ field, code: 'votedTwice', message: 'this member has a vote already' });
    else if (disqualified.has(ballot.personId)) errors.push({ field, code: 'disqualified', message: 'this member is disqualified on the item' });
    else if (!present.has(ballot.personId)) errors.push({ field, code: 'notPresent', message: 'this member is not recorded present' });
    seen.add(ballot.personId);
    if (!options.has(ballot.option)) errors.push({ field: `ballots.${i}.option`, code: 'notAllowed', message: 'must be one of the counted options' });
    perOption.set(ballot.option, (perOption.get(ballot.option) ?? 0) + 1);
  });
  // Members' votes, when recorded, are the whole count: a roll-call (navneopprop) names everyone.
  if (ballots.length && ![...options].every(([option, count]) => (perOption.get(option) ?? 0) === count))
    errors.push({ field: 'ballots', code: 'ballotsDisagree', message: 'the members’ votes per option must match the counts' });
  if (errors.length) throw invalid(errors);

  const voteId = newId();
  const parties = await partiesInBody(tx, meeting.body_id, dateIn(meeting.starts_at), ballots.map((b) => b.personId));
  const position = await insertVote(
    tx,
    { id: voteId, tenant_id: c.tenantId, agenda_item_id: item.id, subject: subject!, method: input.method, outcome: input.outcome, created_at: c.at },
    input.counts.map((count) => ({ tenant_id: c.tenantId, vote_id: voteId, option: count.option, label: count.label.trim(), count: count.count, proposal_id: count.proposalId ?? null })),
    ballots.map((b) => ({ tenant_id: c.tenantId, vote_id: voteId, person_id: b.personId, option: b.option, party_id: parties.get(b.personId) ?? null })),
  );
  await meetingChanged(tx, c, meeting.id);
  return {
    id: voteId, position, subject: subject!, method: input.method, outcome: input.outcome,
    counts: input.counts.map((count) => ({ option: count.option, label: count.label.trim(), count: count.count, proposalId: count.proposalId ?? null })),
    ballots: ballots.map((b) => ({ personId: b.personId, option: b.option, partyId: parties.get(b.personId) ?? null })),
  };
}

export async function recordDecision(tx: Tx, c: RecordCtx, itemId: string, input: { text: string }) {
  const { item, meeting } = await itemForRecord(tx, itemId);
  const errors: FieldError[] = [];
  const text = trimmed('text', input.text, 50_000, errors);
  if (errors.length) throw invalid(errors);
  await updateItem(tx, item.id, { decision_text: text, decided_at: c.at, updated_at: c.at });
  await meetingChanged(tx, c, meeting.id);
  return { itemId: item.id, text: text!, decidedAt: c.at.toISOString() };
}

export async function addReservation(tx: Tx, c: RecordCtx, itemId: string, input: { personId?: string; partyId?: string; text?: string }) {
  const { item, meeting } = await itemForRecord(tx, itemId);
  const errors: FieldError[] = [];
  if (!input.personId && !input.partyId) errors.push({ field: 'personId', code: 'required', message: 'name the member or the party that reserves itself' });
  const text = trimmed('text', input.text, 20_000, errors, false);
  await checkPersons(tx, [{ field: 'personId', id: input.personId }], errors);
  await checkParty(tx, 'partyId', input.partyId, errors);
  if (errors.length) throw invalid(errors);
  const id = newId();
  await insertReservation(tx, { id, tenant_id: c.tenantId, agenda_item_id: item.id, person_id: input.personId ?? null, party_id: input.partyId ?? null, text, created_at: c.at });
  await meetingChanged(tx, c, meeting.id);
  return { id, personId: input.personId ?? null, partyId: input.partyId ?? null, text };
}
