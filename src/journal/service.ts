// SPDX-License-Identifier: EUPL-1.2
// The public journal's interface for routes, pages, feeds and alerts: search one municipality's
// journal or all of them, read one entry, and the publication policy. Search functions expect a
// transaction opened by withPublic: they read the public projection and nothing else.
import { createHash } from 'node:crypto';
import type { Tx } from '../platform/db/transaction.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { isUuid } from '../platform/ids.ts';
import { isDate } from '../common/calendar/dates.ts';
import { countEntries, documentsOf, findEntry, findTenantBySlug, searchEntries, type Position, type PublicEntryRow, type SearchFilters } from './search-repository.ts';

export { getPublicationPolicy, setPublicationPolicy, type PublicationPolicy, type PolicyInput } from './policy.ts';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** Matches counted at most (PUBLIC_JOURNAL_COUNT_LIMIT): beyond it `total` is a lower bound. */
export const DEFAULT_COUNT_LIMIT = 10_000;

/** A search as the public asks it: the repository's filters without the municipality, plus paging. */
export type SearchInput = Omit<SearchFilters, 'tenantId'> & { cursor?: string | undefined; limit?: number | undefined };

export interface PublicJournalEntry {
  id: string;
  tenant: { slug: string; name: string };
  registryNumber: string;
  documentNumber: string;
  caseNumber: string;
  caseTitle: string;
  title: string;
  entryType: string;
  documentDate: string | null;
  journalDate: string;
  responsibleUnit: string | null;
  classCode: string | null;
  correspondents: { name: string; role: string }[];
  publishedAt: string;
}

export interface PublicJournalDocument {
  documentNumber: number;
  relation: string;
  title: string;
  publishedInFull: boolean;
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
}

export interface SearchResult {
  items: PublicJournalEntry[];
  /** How many entries match in all (every page); when totalIsLowerBound, more than this many. */
  total: number;
  /** True when more than `total` entries match: the count stopped at the limit (docs/decisions/0007). */
  totalIsLowerBound: boolean;
  /** The next page's cursor, or null on the last page. */
  nextCursor: string | null;
}

/** The projection's jsonb, read defensively: names and roles only. */
function correspondentsOf(value: unknown): { name: string; role: string }[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: { name?: unknown; role?: unknown }) => (item && typeof item.name === 'string' ? [{ name: item.name, role: String(item.role ?? '') }] : []));
}

const present = (r: PublicEntryRow): PublicJournalEntry => ({
  id: r.id,
  tenant: { slug: r.tenant_slug, name: r.tenant_name },
  registryNumber: r.registry_number,
  documentNumber: r.document_number,
  caseNumber: r.case_number,
  caseTitle: r.case_public_title,
  title: r.public_title,
  entryType: r.entry_type,
  documentDate: r.document_day,
  journalDate: r.journal_day,
  responsibleUnit: r.responsible_unit,
  classCode: r.class_code,
  correspondents: correspondentsOf(r.correspondents),
  publishedAt: (r.visible_from ?? r.published_at).toISOString(),
});

/** A cursor is bound to the filters it was made for: the same search, the next page. */
function fingerprint(filters: SearchFilters): string {
  const canonical = JSON.stringify(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '').sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

const encodeCursor = (p: Position, filters: SearchFilters) => Buffer.from(JSON.stringify([p.journalDate, p.entryYear, p.entrySequence, p.id, fingerprint(filters)])).toString('base64url');

function decodeCursor(cursor: string, filters: SearchFilters): Position {
  const refuse = () => invalid([{ field: 'cursor', code: 'invalidCursor', message: 'is not a cursor from a previous page of this search; start again without it' }]);
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw refuse();
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(value) || value.length !== 5) throw refuse();
  const [journalDate, entryYear, entrySequence, id, print] = value as unknown[];
  if (typeof journalDate !== 'string' || !isDate(journalDate)) throw refuse();
  if (!Number.isInteger(entryYear) || (entryYear as number) < 1000 || (entryYear as number) > 9999) throw refuse();
  if (!Number.isInteger(entrySequence) || (entrySequence as number) < 0 || (entrySequence as number) > 2_147_483_647) throw refuse();
  if (typeof id !== 'string' || !isUuid(id) || print !== fingerprint(filters)) throw refuse();
  return { journalDate, entryYear: entryYear as number, entrySequence: entrySequence as number, id };
}

/** Trims, and refuses what no search can mean; every failing field is named. */
function filtersOf(input: SearchInput, tenantId: string | undefined): SearchFilters {
  const errors: FieldError[] = [];
  for (const field of ['fromDate', 'toDate'] as const) {
    const v = input[field];
    if (v !== undefined && !isDate(v)) errors.push({ field, code: 'invalidDate', message: 'must be a real date written YYYY-MM-DD' });
  }
  if (input.fromDate && input.toDate && isDate(input.fromDate) && isDate(input.toDate) && input.fromDate > input.toDate)
    errors.push({ field: 'toDate', code: 'invalid', message: 'must not be before fromDate' });
  if (errors.length) throw invalid(errors);
  const text = (v: string | undefined) => v?.trim() || undefined;
  return {
    tenantId,
    q: text(input.q),
    fromDate: input.fromDate,
    toDate: input.toDate,
    entryType: input.entryType,
    unit: text(input.unit),
    caseNumber: text(input.caseNumber),
    correspondent: text(input.correspondent),
    gnr: input.gnr,
    bnr: input.bnr,
  };
}

export interface SearchOptions {
  /** Count at most this many matches (default DEFAULT_COUNT_LIMIT); 0: no count wanted (feeds, exports), total is then 0 and a lower bound. */
  countLimit?: number | undefined;
}

/** One municipality's public journal (tenantId), or every municipality's (undefined). `now` decides the 12-month rule and what is due. */
export async function searchPublicJournal(tx: Tx, tenantId: string | undefined, input: SearchInput, now: Date, options: SearchOptions = {}): Promise<SearchResult> {
  const filters = filtersOf(input, tenantId);
  const after = input.cursor !== undefined ? decodeCursor(input.cursor, filters) : undefined;
  const limit = Math.min(Math.max(input.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const rows = await searchEntries(tx, filters, now, { after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const cap = Math.max(options.countLimit ?? DEFAULT_COUNT_LIMIT, 0);
  // A page shorter than the limit on the first page is every match: no count query needed.
  const counted = input.cursor === undefined && rows.length <= limit ? rows.length : cap === 0 ? 1 : await countEntries(tx, filters, now, cap);
  return {
    items: page.map(present),
    total: Math.min(counted, cap),
    totalIsLowerBound: counted > cap,
    nextCursor: rows.length > limit && last ? encodeCursor({ journalDate: last.journal_day, entryYear: last.entry_year, entrySequence: last.entry_sequence, id: last.id }, filters) : null,
  };
}

export async function findPublicMunicipality(tx: Tx, slug: string): Promise<{ id: string; slug: string; name: string }> {
  const tenant = await findTenantBySlug(tx, slug);
  if (!tenant) throw notFound(`the municipality "${slug}"`);
  return tenant;
}

/** One entry of a municipality's public journal with its documents; 404 when it is not (or not yet) public. */
export async function getPublicJournalEntry(tx: Tx, tenantId: string, entryId: string, now: Date): Promise<PublicJournalEntry & { documents: PublicJournalDocument[] }> {
  const row = isUuid(entryId) ? await findEntry(tx, tenantId, entryId, now) : undefined;
  if (!row) throw notFound(`registry entry ${entryId} in the public journal`);
  const documents = (await documentsOf(tx, row.id)).map((d) => ({
    documentNumber: d.document_number,
    relation: d.relation,
    title: d.public_title,
    publishedInFull: d.published_in_full,
    fileName: d.file_name,
    mimeType: d.mime_type,
    size: d.size === null ? null : Number(d.size),
  }));
  return { ...present(row), documents };
}
