// SPDX-License-Identifier: EUPL-1.2
// What the public pages read. Every function runs in a transaction opened by withPublic
// (platform/db/transaction.ts): as radhus_public, which can read public_tenants and the public
// projection tables and nothing else, so no query here can reach an archive table.
import { sql } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import type { Language } from '../common/languages.ts';

interface PublicTables {
  public_tenants: { id: string; slug: string; official_number: string; name: string; country: 'NO' | 'SE'; language: Language };
  public_registry_entries: {
    id: string;
    tenant_id: string;
    entry_year: number;
    entry_sequence: number;
    document_number: string;
    entry_type: string;
    case_public_title: string;
    public_title: string;
    journal_date: string;
    correspondents: unknown;
  };
}

export interface PublicMunicipality {
  id: string;
  slug: string;
  name: string;
  country: 'NO' | 'SE';
  language: Language;
}

export interface PublicCorrespondent {
  name: string;
  role: string;
}

export interface PublicJournalEntry {
  id: string;
  documentNumber: string;
  entryType: string;
  caseTitle: string;
  title: string;
  /** 'YYYY-MM-DD' */
  journalDate: string;
  correspondents: PublicCorrespondent[];
}

const db = (tx: Tx) => tables<PublicTables>(tx);

export async function listMunicipalities(tx: Tx): Promise<PublicMunicipality[]> {
  return db(tx).selectFrom('public_tenants').select(['id', 'slug', 'name', 'country', 'language']).orderBy('name').execute();
}

export async function findMunicipality(tx: Tx, slug: string): Promise<PublicMunicipality | undefined> {
  return db(tx).selectFrom('public_tenants').select(['id', 'slug', 'name', 'country', 'language']).where('slug', '=', slug).executeTakeFirst();
}

/** The newest published registry entries of a municipality, in the order of the projection's index. */
export async function latestJournalEntries(tx: Tx, tenantId: string, limit: number): Promise<PublicJournalEntry[]> {
  const rows = await db(tx)
    .selectFrom('public_registry_entries')
    .select(['id', 'document_number', 'entry_type', 'case_public_title', 'public_title', 'correspondents'])
    // As text: a `date` read through pg becomes a Date at local midnight, which can shift the day.
    .select(sql<string>`to_char(journal_date, 'YYYY-MM-DD')`.as('journal_day'))
    .where('tenant_id', '=', tenantId)
    .orderBy('journal_date', 'desc')
    .orderBy('entry_year', 'desc')
    .orderBy('entry_sequence', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    documentNumber: row.document_number,
    entryType: row.entry_type,
    caseTitle: row.case_public_title,
    title: row.public_title,
    journalDate: row.journal_day,
    correspondents: correspondentsOf(row.correspondents),
  }));
}

/** The projection's jsonb, read defensively: a page shows names, never fails on an odd row. */
function correspondentsOf(value: unknown): PublicCorrespondent[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) =>
    item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string'
      ? [{ name: (item as { name: string }).name, role: String((item as { role?: unknown }).role ?? '') }]
      : [],
  );
}

/** A municipality as the creator of its archive (arkivskaper): its official number names it in Noark exports. */
export async function findArchiveCreator(tx: Tx, slug: string): Promise<(PublicMunicipality & { officialNumber: string }) | undefined> {
  const row = await db(tx).selectFrom('public_tenants').select(['id', 'slug', 'name', 'country', 'language', 'official_number']).where('slug', '=', slug).executeTakeFirst();
  return row && { id: row.id, slug: row.slug, name: row.name, country: row.country, language: row.language, officialNumber: row.official_number };
}

/** Entries of a municipality's public journal per month of journal date ('YYYY-MM'), the ones visible at `now`. */
export async function publishedPerMonth(tx: Tx, tenantId: string, now: Date): Promise<{ month: string; count: number }[]> {
  return (
    await sql<{ month: string; count: number }>`select to_char(journal_date, 'YYYY-MM') as month, count(*)::int as count
      from public_registry_entries where tenant_id = ${tenantId}::uuid and (visible_from is null or visible_from <= ${now})
      group by 1 order by 1`.execute(tx)
  ).rows;
}

export interface AccessRequestMonth {
  month: string;
  received: number;
  answered: number;
  answered_in_time: number;
  median_seconds: number | null;
}

/** Access requests per month of receipt, from the public aggregate that a trigger keeps (migration 0015). */
export async function accessRequestsPerMonth(tx: Tx, tenantId: string): Promise<AccessRequestMonth[]> {
  return (
    await sql<AccessRequestMonth>`select month, received, answered, answered_in_time, median_seconds
      from public_access_request_statistics where tenant_id = ${tenantId}::uuid order by month`.execute(tx)
  ).rows;
}
