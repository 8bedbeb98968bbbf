// SPDX-License-Identifier: EUPL-1.2
// The public journal's search, read under withPublic (radhus_public): only the public_* tables, so
// no query here can reach a screened value. Full text in each municipality's own configuration
// (norwegian, swedish, english: the row says which built its vectors), exact phrases with
// websearch_to_tsquery, newest first with a stable keyset (journal date, registry number, id).
// Personal names are matched only while names_searchable_until is ahead of `now`, by this query
// itself: no cron has to run for the 12-month rule to hold.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';

export interface SearchFilters {
  /** One municipality, or every one (the national search). */
  tenantId?: string | undefined;
  q?: string | undefined;
  fromDate?: string | undefined;
  toDate?: string | undefined;
  entryType?: string | undefined;
  unit?: string | undefined;
  caseNumber?: string | undefined;
  correspondent?: string | undefined;
  gnr?: number | undefined;
  bnr?: number | undefined;
}

/** Where a page ended: the last row's sort key. */
export interface Position {
  journalDate: string;
  entryYear: number;
  entrySequence: number;
  id: string;
}

export interface PublicEntryRow {
  id: string;
  tenant_slug: string;
  tenant_name: string;
  registry_number: string;
  document_number: string;
  case_file_id: string;
  case_number: string;
  case_public_title: string;
  public_title: string;
  entry_type: string;
  entry_year: number;
  entry_sequence: number;
  document_day: string | null;
  journal_day: string;
  responsible_unit: string | null;
  class_code: string | null;
  correspondents: unknown;
  visible_from: Date | null;
  published_at: Date;
}

export interface PublicDocumentRow {
  document_number: number;
  relation: string;
  public_title: string;
  published_in_full: boolean;
  file_name: string | null;
  mime_type: string | null;
  size: string | number | null;
}

const languages = ['norwegian', 'swedish', 'english'] as const;

/**
 * `column @@ query(language, text)` for each language a row can be in (one branch per language, so
 * each can use the GIN index), and the personal-name column only while it may be searched.
 */
function textMatch(kind: 'websearch' | 'phrase', text: string, publicColumn: string, namesColumn: string, now: Date): RawBuilder<unknown> {
  const query = (language: string) => (kind === 'websearch' ? sql`websearch_to_tsquery(${sql.lit(language)}::regconfig, ${text})` : sql`phraseto_tsquery(${sql.lit(language)}::regconfig, ${text})`);
  return sql`(${sql.join(
    languages.map(
      (l) => sql`(e.search_language = ${sql.lit(l)} and (e.${sql.ref(publicColumn)} @@ ${query(l)}
        or (e.names_searchable_until > ${now} and e.${sql.ref(namesColumn)} @@ ${query(l)})))`,
    ),
    sql` or `,
  )})`;
}

/**
 * The conditions of a search. `dateIndex: false` writes the date range so that no index can take it
 * (`journal_date + 0`): for one municipality's count with words, where the planner otherwise ANDs
 * the words' bitmap with a bitmap of every entry in the range from the national date index (182 000
 * rows for 400 days at a million entries: 110 ms of a 137 ms count), when checking the date on the
 * words' few thousand matches costs a tenth of that (BENCHMARKS.md). Not for the national count,
 * whose words match tens of thousands of entries: there the date bitmap is the cheaper way. The page
 * keeps the plain form too: its newest-first index scan needs the bound to stop.
 */
function conditions(f: SearchFilters, now: Date, options: { dateIndex: boolean } = { dateIndex: true }): RawBuilder<unknown> {
  const date = options.dateIndex ? sql`e.journal_date` : sql`(e.journal_date + 0)`;
  const where: RawBuilder<unknown>[] = [sql`(e.visible_from is null or e.visible_from <= ${now})`];
  if (f.tenantId) where.push(sql`e.tenant_id = ${f.tenantId}::uuid`);
  if (hasText(f)) where.push(textConditions(f, now));
  if (f.fromDate) where.push(sql`${date} >= ${f.fromDate}::date`);
  if (f.toDate) where.push(sql`${date} <= ${f.toDate}::date`);
  if (f.entryType) where.push(sql`e.entry_type = ${f.entryType}`);
  if (f.unit) where.push(sql`lower(e.responsible_unit) = lower(${f.unit})`);
  if (f.caseNumber) where.push(sql`e.case_number = ${f.caseNumber}`);
  if (f.gnr !== undefined) where.push(sql`e.gnr = ${f.gnr}`);
  if (f.bnr !== undefined) where.push(sql`e.bnr = ${f.bnr}`);
  return sql.join(where, sql` and `);
}

const hasText = (f: SearchFilters) => Boolean(f.q || f.correspondent);

/** The word and correspondent conditions of a search alone (the rest: `conditions` without them). */
function textConditions(f: SearchFilters, now: Date): RawBuilder<unknown> {
  const where: RawBuilder<unknown>[] = [];
  if (f.q) where.push(textMatch('websearch', f.q, 'search_public', 'search_names', now));
  if (f.correspondent) where.push(textMatch('phrase', f.correspondent, 'org_names', 'person_names', now));
  return sql.join(where, sql` and `);
}

const entryColumns = sql`e.id, t.slug as tenant_slug, t.name as tenant_name, e.registry_number, e.document_number, e.case_file_id, e.case_number,
  e.case_public_title, e.public_title, e.entry_type, e.entry_year, e.entry_sequence,
  to_char(e.document_date, 'YYYY-MM-DD') as document_day, to_char(e.journal_date, 'YYYY-MM-DD') as journal_day,
  e.responsible_unit, e.class_code, e.correspondents, e.visible_from, e.published_at`;

/**
 * How far a search with several words first looks: this many pages' worth of the newest entries in
 * range. With several words the planner expects far fewer matches than there are (it takes the words
 * as independent), so it fetches and sorts every match to show the newest 20: 13–23 ms for two common
 * words in one municipality of 100 000 entries, growing with the journal. The newest entries read in
 * order, their words checked as they come, find a page of a common search in about 2 ms. Whatever
 * that look finds is exactly the first page (every match it did not look at is older than all it
 * did); when it finds less than a page the search runs as before, having spent a few milliseconds.
 * One word is left to the planner, which guesses it well (a common word is read newest first
 * anyway) and a rare one, such as a name, would only pay for the look.
 */
const LOOK_AHEAD_PAGES = 40;

const severalWords = (f: SearchFilters) => [f.q, f.correspondent].filter(Boolean).join(' ').trim().split(/\s+/).length > 1;

export async function searchEntries(
  tx: Tx,
  f: SearchFilters,
  now: Date,
  page: { after?: Position | undefined; limit: number; /** pages to look ahead; 0: none (tests compare) */ lookAhead?: number },
): Promise<PublicEntryRow[]> {
  const after = page.after
    ? sql`and (e.journal_date, e.entry_year, e.entry_sequence, e.id) < (${page.after.journalDate}::date, ${page.after.entryYear}::int, ${page.after.entrySequence}::int, ${page.after.id}::uuid)`
    : sql``;
  const lookAhead = page.lookAhead ?? LOOK_AHEAD_PAGES;
  if (severalWords(f) && lookAhead > 0) {
    const newest = await sql<PublicEntryRow>`select ${entryColumns}
      from (select e.* from public_registry_entries e where ${conditions({ ...f, q: undefined, correspondent: undefined }, now)} ${after}
            order by e.journal_date desc, e.entry_year desc, e.entry_sequence desc, e.id desc
            limit ${page.limit * lookAhead}) e
      join public_tenants t on t.id = e.tenant_id
      where ${textConditions(f, now)}
      order by e.journal_date desc, e.entry_year desc, e.entry_sequence desc, e.id desc
      limit ${page.limit}`.execute(tx);
    if (newest.rows.length === page.limit) return newest.rows;
  }
  const rows = await sql<PublicEntryRow>`select ${entryColumns}
    from public_registry_entries e join public_tenants t on t.id = e.tenant_id
    where ${conditions(f, now)} ${after}
    order by e.journal_date desc, e.entry_year desc, e.entry_sequence desc, e.id desc
    limit ${page.limit}`.execute(tx);
  return rows.rows;
}

/**
 * How many entries match, counting no further than `cap + 1`: an exact count visits every match
 * (its cost grows with the journal: 150–580 ms for a common word at a million entries), a bounded
 * one stops after cap + 1 rows. A result above `cap` means "more than cap" (docs/decisions/0007).
 */
export async function countEntries(tx: Tx, f: SearchFilters, now: Date, cap: number): Promise<number> {
  const rows = await sql<{ n: number }>`select count(*)::int as n
    from (select 1 from public_registry_entries e where ${conditions(f, now, { dateIndex: !(f.tenantId && (f.q || f.correspondent)) })} limit ${cap + 1}) as matches`.execute(tx);
  return rows.rows[0]!.n;
}

export async function findEntry(tx: Tx, tenantId: string, id: string, now: Date): Promise<PublicEntryRow | undefined> {
  const rows = await sql<PublicEntryRow>`select ${entryColumns}
    from public_registry_entries e join public_tenants t on t.id = e.tenant_id
    where e.id = ${id}::uuid and ${conditions({ tenantId }, now)}`.execute(tx);
  return rows.rows[0];
}

export async function documentsOf(tx: Tx, entryId: string): Promise<PublicDocumentRow[]> {
  return (
    await sql<PublicDocumentRow>`select document_number, relation, public_title, published_in_full, file_name, mime_type, size
      from public_documents where registry_entry_id = ${entryId}::uuid order by document_number`.execute(tx)
  ).rows;
}

export async function findTenantBySlug(tx: Tx, slug: string): Promise<{ id: string; slug: string; name: string } | undefined> {
  return (await sql<{ id: string; slug: string; name: string }>`select id, slug, name from public_tenants where slug = ${slug}`.execute(tx)).rows[0];
}
