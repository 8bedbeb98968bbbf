// SPDX-License-Identifier: EUPL-1.2
// What the council pages read: only the public_council_* projection (and public_registry_entries for
// the minutes' and presentations' titles), always inside withPublic, as radhus_public. Closed items
// arrive here already stripped by the projection (no decision, no papers); the pages add nothing.
import { sql } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import type { PublicCouncilTables } from '../council/tables.ts';

const db = (tx: Tx) => tables<PublicCouncilTables>(tx);

export type Body = PublicCouncilTables['public_council_bodies'];
export type Meeting = PublicCouncilTables['public_council_meetings'];
export type Item = PublicCouncilTables['public_council_agenda_items'];
export type Person = PublicCouncilTables['public_council_persons'];
export type Party = PublicCouncilTables['public_council_parties'];
export type Membership = PublicCouncilTables['public_council_memberships'];
export type Notice = PublicCouncilTables['public_council_notices'];

/** Dates as text: a `date` read through pg becomes a local-midnight Date, which can shift the day. */
const DAY = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

const MEMBERSHIP_COLUMNS = ['id', 'tenant_id', 'body_id', 'term_id', 'person_id', 'role', 'party_id', 'substitute_order', 'updated_at'] as const;

export async function listBodies(tx: Tx, tenantId: string): Promise<Body[]> {
  return db(tx).selectFrom('public_council_bodies').selectAll().where('tenant_id', '=', tenantId).orderBy('kind').orderBy('name').execute();
}

export async function findBody(tx: Tx, tenantId: string, code: string): Promise<Body | undefined> {
  return db(tx).selectFrom('public_council_bodies').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
}

export async function listParties(tx: Tx, tenantId: string): Promise<Party[]> {
  return db(tx).selectFrom('public_council_parties').selectAll().where('tenant_id', '=', tenantId).orderBy('code').execute();
}

export async function listPersons(tx: Tx, tenantId: string): Promise<Person[]> {
  return db(tx).selectFrom('public_council_persons').selectAll().where('tenant_id', '=', tenantId).orderBy('family_name').orderBy('given_name').execute();
}

export interface MeetingFilter {
  bodyId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit?: number;
}

export async function listMeetings(tx: Tx, tenantId: string, filter: MeetingFilter): Promise<Meeting[]> {
  let query = db(tx).selectFrom('public_council_meetings').selectAll().where('tenant_id', '=', tenantId);
  if (filter.bodyId) query = query.where('body_id', '=', filter.bodyId);
  if (filter.from) query = query.where('starts_at', '>=', filter.from);
  if (filter.to) query = query.where('starts_at', '<', filter.to);
  return query.orderBy('starts_at').orderBy('id').limit(filter.limit ?? 500).execute();
}

/** A meeting's date fields of the notice board as text (see DAY). */
export async function meetingDays(tx: Tx, meetingId: string): Promise<{ notice_posted_on: string | null; appeal_closes_on: string | null }> {
  const row = await db(tx).selectFrom('public_council_meetings').select([DAY('notice_posted_on').as('notice_posted_on'), DAY('appeal_closes_on').as('appeal_closes_on')]).where('id', '=', meetingId).executeTakeFirst();
  return row ?? { notice_posted_on: null, appeal_closes_on: null };
}

export async function findMeeting(tx: Tx, tenantId: string, meetingId: string): Promise<Meeting | undefined> {
  return db(tx).selectFrom('public_council_meetings').selectAll().where('tenant_id', '=', tenantId).where('id', '=', meetingId).executeTakeFirst();
}

export async function listItems(tx: Tx, tenantId: string, meetingIds: string[]): Promise<Item[]> {
  if (meetingIds.length === 0) return [];
  return db(tx).selectFrom('public_council_agenda_items').selectAll().where('tenant_id', '=', tenantId).where('meeting_id', 'in', meetingIds).orderBy('meeting_id').orderBy('position').execute();
}

export async function findPerson(tx: Tx, tenantId: string, personId: string): Promise<Person | undefined> {
  return db(tx).selectFrom('public_council_persons').selectAll().where('tenant_id', '=', tenantId).where('id', '=', personId).executeTakeFirst();
}

export async function membershipsOfBody(tx: Tx, tenantId: string, bodyId: string): Promise<Membership[]> {
  return db(tx)
    .selectFrom('public_council_memberships')
    .select(MEMBERSHIP_COLUMNS)
    .select([DAY('starts_on').as('starts_on'), DAY('ends_on').as('ends_on')])
    .where('tenant_id', '=', tenantId)
    .where('body_id', '=', bodyId)
    .orderBy('role')
    .orderBy('substitute_order')
    .execute();
}

export async function membershipsOfPerson(tx: Tx, tenantId: string, personId: string): Promise<Membership[]> {
  return db(tx)
    .selectFrom('public_council_memberships')
    .select(MEMBERSHIP_COLUMNS)
    .select([DAY('starts_on').as('starts_on'), DAY('ends_on').as('ends_on')])
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .orderBy('starts_on', 'desc')
    .execute();
}

/** Items where the person proposed something or cast a recorded vote (jsonb containment; never a secret vote's member, the projection holds none). */
export async function itemsOfPerson(tx: Tx, tenantId: string, personId: string, limit: number): Promise<Item[]> {
  return db(tx)
    .selectFrom('public_council_agenda_items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    // A closed item's proposals are not public even if a row carried them.
    .where('closed', '=', false)
    .where((eb) =>
      eb.or([
        sql<boolean>`proposals @> ${JSON.stringify([{ proposerPersonId: personId }])}::jsonb`,
        sql<boolean>`exists (select 1 from jsonb_array_elements(votes) v where v->'ballots' @> ${JSON.stringify([{ personId }])}::jsonb)`,
      ]),
    )
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Full-text search over the projection's `search` vector, best match first; the query in the visitor's words (websearch syntax). */
export async function searchItems(tx: Tx, tenantId: string, q: string, limit: number): Promise<Item[]> {
  const query = sql`websearch_to_tsquery('simple', ${q})`;
  return db(tx)
    .selectFrom('public_council_agenda_items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`search @@ ${query}`)
    .orderBy(sql`ts_rank(search, ${query})`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Notices on the board on `today`: posted, not removed, and (minutes) not past the appeal window. */
export async function boardNotices(tx: Tx, tenantId: string, today: string): Promise<Notice[]> {
  return db(tx)
    .selectFrom('public_council_notices')
    .select(['id', 'tenant_id', 'kind', 'meeting_id', 'title', 'updated_at'])
    .select([DAY('posted_on').as('posted_on'), DAY('appeal_closes_on').as('appeal_closes_on'), DAY('removed_on').as('removed_on')])
    .where('tenant_id', '=', tenantId)
    .where('posted_on', '<=', today)
    .where((eb) => eb.or([eb('removed_on', 'is', null), eb('removed_on', '>', today)]))
    .where((eb) => eb.or([eb('appeal_closes_on', 'is', null), eb('appeal_closes_on', '>=', today)]))
    .orderBy('posted_on', 'desc')
    .execute();
}

/** Meetings whose agenda or minutes were published, newest first: the Atom feed's entries. */
export async function latestPublications(tx: Tx, tenantId: string, bodyId: string | undefined, limit: number): Promise<Meeting[]> {
  let query = db(tx).selectFrom('public_council_meetings').selectAll().where('tenant_id', '=', tenantId).where('agenda_published_at', 'is not', null);
  if (bodyId) query = query.where('body_id', '=', bodyId);
  return query.orderBy(sql`greatest(agenda_published_at, coalesce(minutes_published_at, agenda_published_at))`, 'desc').limit(limit).execute();
}
