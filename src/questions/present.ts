// SPDX-License-Identifier: EUPL-1.2
// A question as the API shows it, the same shape for the public, the asker and the politician:
// whom it was asked (the person with their party, or the party), the answer and who gave it, and
// the age in days while it is unanswered. Never the asker's login.
import type { Tx } from '../platform/db/transaction.ts';
import { notFound } from '../platform/http/problem.ts';
import * as cursor from '../platform/http/keyset-cursor.ts';
import type { QuestionStatus } from './tables.ts';
import * as repo from './repository.ts';
import { ageInDays } from './service.ts';

export interface Names {
  persons: Map<string, { id: string; given_name: string; family_name: string; party_id: string | null }>;
  parties: Map<string, { id: string; code: string; name: string }>;
}

type Shown = Pick<repo.PublicQuestionRow, 'id' | 'asker_name' | 'person_id' | 'party_id' | 'text' | 'status' | 'rejected_reason' | 'answer_text' | 'answered_by_person_id' | 'asked_at' | 'answered_at'>;

const nameOf = (p: { given_name: string; family_name: string }) => `${p.given_name} ${p.family_name}`;

export function presentQuestion(q: Shown, names: Names, now: Date) {
  const party = (id: string | null | undefined) => {
    const p = id ? names.parties.get(id) : undefined;
    return p ? { id: p.id, code: p.code, name: p.name } : null;
  };
  const person = q.person_id ? names.persons.get(q.person_id) : undefined;
  const to = q.person_id
    ? { kind: 'person' as const, id: q.person_id, name: person ? nameOf(person) : '', party: party(person?.party_id) }
    : { kind: 'party' as const, id: q.party_id!, name: names.parties.get(q.party_id!)?.name ?? '', party: party(q.party_id) };
  const by = q.answered_by_person_id ? names.persons.get(q.answered_by_person_id) : undefined;
  return {
    id: q.id, askerName: q.asker_name, to, text: q.text, status: q.status, rejectedReason: q.rejected_reason,
    answer: q.answer_text !== null && q.answered_at ? { text: q.answer_text, by: by ? { id: by.id, name: nameOf(by) } : null, answeredAt: q.answered_at.toISOString() } : null,
    askedAt: q.asked_at.toISOString(), ageInDays: q.status === 'open' ? ageInDays(q.asked_at, now) : null,
  };
}
export type QuestionView = ReturnType<typeof presentQuestion>;

/** The public roster (radhus_public) as names. */
export async function publicNames(tx: Tx, tenantId: string): Promise<Names> {
  const [persons, parties] = [await repo.selectPublicPersons(tx, tenantId), await repo.selectPublicParties(tx, tenantId)];
  return { persons: new Map(persons.map((p) => [p.id, p])), parties: new Map(parties.map((p) => [p.id, p])) };
}

export interface PublicListFilter { personId?: string | undefined; partyId?: string | undefined; status?: QuestionStatus | undefined; cursor?: string | undefined; limit?: number | undefined }

/** The values the cursor is bound to: a cursor of another filter is refused. */
const filterParts = (f: PublicListFilter) => [f.personId ?? '', f.partyId ?? '', f.status ?? ''];

/** Public list (newest first), read under withPublic. */
export async function listPublicQuestions(tx: Tx, tenantId: string, f: PublicListFilter, now: Date) {
  const limit = f.limit ?? 50;
  const names = await publicNames(tx, tenantId);
  // A filter naming nobody of this municipality is a 404 (as listMeetings' body), not an empty list.
  if (f.personId && !names.persons.has(f.personId)) throw notFound(`the politician "${f.personId}"`);
  if (f.partyId && !names.parties.has(f.partyId)) throw notFound(`the party "${f.partyId}"`);
  const rows = await repo.selectPublicQuestions(tx, tenantId, { personId: f.personId, partyId: f.partyId, status: f.status, after: f.cursor ? cursor.decode(f.cursor, filterParts(f)) : undefined, limit });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map((q) => presentQuestion(q, names, now)), nextCursor: rows.length > limit && last ? cursor.encode(last.asked_at, last.id, filterParts(f)) : null };
}

export async function getPublicQuestion(tx: Tx, tenantId: string, id: string, now: Date) {
  const q = await repo.selectPublicQuestion(tx, tenantId, id);
  if (!q) throw notFound(`the question "${id}"`);
  return presentQuestion(q, await publicNames(tx, tenantId), now);
}

export async function publicRecipients(tx: Tx, tenantId: string) {
  const names = await publicNames(tx, tenantId);
  const party = (id: string | null) => (id && names.parties.get(id) ? { id, code: names.parties.get(id)!.code, name: names.parties.get(id)!.name } : null);
  return {
    persons: [...names.persons.values()].map((p) => ({ id: p.id, name: nameOf(p), party: party(p.party_id) })),
    parties: [...names.parties.values()].map((p) => ({ id: p.id, code: p.code, name: p.name })),
  };
}
