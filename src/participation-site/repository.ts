// SPDX-License-Identifier: EUPL-1.2
// What the participation pages read: only the public projections (public_citizen_proposals,
// public_consultations, public_council_questions and the council's public_council_* names), always
// inside withPublic, as radhus_public. No signer, identity number or e-mail is in any of them.
import { sql } from 'kysely';
import type { PublicCouncilTables } from '../council/tables.ts';
import type { PublicConsultationsTable } from '../consultations/tables.ts';
import { tables, type Tx } from '../platform/db/transaction.ts';
import type { PublicCitizenProposalsTable } from '../proposals/tables.ts';
import type { PublicCouncilQuestionsTable } from '../questions/tables.ts';

interface Tables extends Pick<PublicCouncilTables, 'public_council_meetings' | 'public_council_agenda_items' | 'public_council_bodies' | 'public_council_persons' | 'public_council_parties'> {
  public_citizen_proposals: PublicCitizenProposalsTable;
  public_consultations: PublicConsultationsTable;
  public_council_questions: PublicCouncilQuestionsTable;
}

const db = (tx: Tx) => tables<Tables>(tx);

export type Proposal = Omit<PublicCitizenProposalsTable, 'search'>;
export type Consultation = Pick<PublicConsultationsTable, 'id' | 'title' | 'deadline'>;
export type Question = Pick<PublicCouncilQuestionsTable, 'id' | 'asker_name' | 'person_id' | 'party_id' | 'text' | 'status' | 'asked_at' | 'answered_at'>;

/** The filters of the list page, each a set of statuses: "reached" includes those already on an agenda. */
export const STATUS_FILTERS = { open: ['open'], reached: ['reached', 'on-agenda'], decided: ['decided'] } as const;
export type StatusFilter = keyof typeof STATUS_FILTERS;

// Every column but the search vector; the due date as text (a `date` read through pg becomes a
// local-midnight Date, which can shift the day).
const PROPOSAL_COLUMNS = [
  'id', 'tenant_id', 'title', 'body', 'author_name', 'status', 'threshold', 'signature_count', 'closes_at', 'reached_at', 'body_id',
  'case_file_id', 'case_number', 'meeting_id', 'agenda_item_id', 'decision_text', 'decided_at', 'created_at', 'updated_at',
] as const;
const DUE = sql<string | null>`to_char(decision_due_on, 'YYYY-MM-DD')`.as('decision_due_on');

export interface ProposalQuery {
  status?: StatusFilter | undefined;
  q?: string | undefined;
  now: Date;
  offset: number;
  limit: number;
}

/** A page of proposals, newest first, or best match first when searching (websearch syntax over the 'simple' vector). */
export async function listProposals(tx: Tx, tenantId: string, query: ProposalQuery): Promise<Proposal[]> {
  let select = db(tx).selectFrom('public_citizen_proposals').select(PROPOSAL_COLUMNS).select(DUE).where('tenant_id', '=', tenantId);
  if (query.status) select = select.where('status', 'in', [...STATUS_FILTERS[query.status]]);
  // "Open" means signable now: an open row past its signing period (the lapse job may lag) is not.
  if (query.status === 'open') select = select.where('closes_at', '>', query.now);
  if (query.q) {
    const words = sql`websearch_to_tsquery('simple', ${query.q})`;
    select = select.where(sql<boolean>`search @@ ${words}`).orderBy(sql`ts_rank(search, ${words})`, 'desc');
  }
  return select.orderBy('created_at', 'desc').orderBy('id').offset(query.offset).limit(query.limit).execute();
}

export async function findProposal(tx: Tx, tenantId: string, id: string): Promise<Proposal | undefined> {
  return db(tx).selectFrom('public_citizen_proposals').select(PROPOSAL_COLUMNS).select(DUE).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Proposals per status, for the hub; an open one past its signing period counts as lapsed (as the list shows it). */
export async function proposalCounts(tx: Tx, tenantId: string, now: Date): Promise<Record<string, number>> {
  const status = sql<string>`case when status = 'open' and closes_at <= ${now} then 'lapsed' else status end`;
  const rows = await db(tx).selectFrom('public_citizen_proposals').select([status.as('s'), sql<string>`count(*)`.as('n')]).where('tenant_id', '=', tenantId).groupBy(sql`1`).execute();
  return Object.fromEntries(rows.map((r) => [r.s, Number(r.n)]));
}

/** Open proposals still inside their signing period, the nearest to their threshold first. */
export async function leadingOpenProposals(tx: Tx, tenantId: string, now: Date, limit: number): Promise<Proposal[]> {
  return db(tx)
    .selectFrom('public_citizen_proposals')
    .select(PROPOSAL_COLUMNS)
    .select(DUE)
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'open')
    .where('closes_at', '>', now)
    .orderBy(sql`signature_count::float8 / threshold`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** The newest proposals: the Atom feed. */
export async function latestProposals(tx: Tx, tenantId: string, now: Date, limit: number): Promise<Proposal[]> {
  return listProposals(tx, tenantId, { now, offset: 0, limit });
}

/** Consultations open now (opened, deadline not passed), the nearest deadline first, and how many there are. */
export async function openConsultations(tx: Tx, tenantId: string, now: Date, limit: number): Promise<{ count: number; list: Consultation[] }> {
  const base = db(tx).selectFrom('public_consultations').where('tenant_id', '=', tenantId).where('opens_at', '<=', now).where('deadline', '>', now);
  const [count, list] = await Promise.all([
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirst(),
    base.select(['id', 'title', 'deadline']).orderBy('deadline').orderBy('id').limit(limit).execute(),
  ]);
  return { count: Number(count?.n ?? 0), list };
}

/** Questions as the public sees them (asked or answered; withdrawn and rejected ones not on the hub), newest first, with counts. */
export async function recentQuestions(tx: Tx, tenantId: string, limit: number): Promise<{ open: number; answered: number; list: Question[] }> {
  const [counts, list] = await Promise.all([
    db(tx).selectFrom('public_council_questions').select(['status', sql<string>`count(*)`.as('n')]).where('tenant_id', '=', tenantId).groupBy('status').execute(),
    db(tx)
      .selectFrom('public_council_questions')
      .select(['id', 'asker_name', 'person_id', 'party_id', 'text', 'status', 'asked_at', 'answered_at'])
      .where('tenant_id', '=', tenantId)
      .where('status', 'in', ['open', 'answered'])
      .orderBy('asked_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute(),
  ]);
  const of = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  return { open: of('open'), answered: of('answered'), list };
}

/** Who the questions are addressed to: politicians' and parties' names by id. */
export async function addresseeNames(tx: Tx, tenantId: string, questions: Question[]): Promise<Map<string, string>> {
  const personIds = [...new Set(questions.flatMap((q) => (q.person_id ? [q.person_id] : [])))];
  const partyIds = [...new Set(questions.flatMap((q) => (q.party_id ? [q.party_id] : [])))];
  const [persons, parties] = await Promise.all([
    personIds.length ? db(tx).selectFrom('public_council_persons').select(['id', 'given_name', 'family_name']).where('tenant_id', '=', tenantId).where('id', 'in', personIds).execute() : [],
    partyIds.length ? db(tx).selectFrom('public_council_parties').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', partyIds).execute() : [],
  ]);
  return new Map([...persons.map((p) => [p.id, `${p.given_name} ${p.family_name}`] as const), ...parties.map((p) => [p.id, p.name] as const)]);
}

export interface AgendaPlace {
  meetingId: string;
  startsAt: Date;
  bodyName: string;
  position: number;
  itemNumber: string;
  title: string;
}

/** The meeting and item a proposal is on, only once that meeting's agenda is public. */
export async function agendaPlace(tx: Tx, tenantId: string, meetingId: string, itemId: string): Promise<AgendaPlace | undefined> {
  const row = await db(tx)
    .selectFrom('public_council_agenda_items as i')
    .innerJoin('public_council_meetings as m', 'm.id', 'i.meeting_id')
    .innerJoin('public_council_bodies as b', 'b.id', 'm.body_id')
    .select(['m.id as meetingId', 'm.starts_at as startsAt', 'b.name as bodyName', 'i.position', 'i.item_number as itemNumber', 'i.public_title as title'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.id', '=', itemId)
    .where('m.id', '=', meetingId)
    .where('m.agenda_published_at', 'is not', null)
    .executeTakeFirst();
  return row;
}

export async function bodyName(tx: Tx, tenantId: string, bodyId: string): Promise<string | undefined> {
  return (await db(tx).selectFrom('public_council_bodies').select('name').where('tenant_id', '=', tenantId).where('id', '=', bodyId).executeTakeFirst())?.name;
}
