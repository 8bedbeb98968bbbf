// SPDX-License-Identifier: EUPL-1.2
// Screening changed after the fact (issue 7 §1): added, changed or lifted on a case file, an entry,
// a party or a document whatever its state — archived and closed included, since a screening period
// ends (`until`) or a decision is reconsidered long after the case is closed. Each change writes the
// change log, recomputes the public title and tells the projection (outbox); nothing else about the
// record changes, and the freeze triggers (0010, with the columns 0012 lets through) hold the
// database to that. A screening with `until` is lifted by the job `archive.screening-expiry`.
import { sql } from 'kysely';
import { tables, withTenant, type Tx } from '../platform/db/transaction.ts';
import { isUuid } from '../platform/ids.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { writeEvent } from '../platform/outbox.ts';
import { scheduleJob } from '../platform/jobs/store.ts';
import type { JobHandler } from '../platform/jobs/types.ts';
import { normaliseScreening, publicTitle, validateScreening, type ScreeningInput } from '../common/screening.ts';
import { isDate } from '../common/calendar/dates.ts';
import { logChanges, type ArchiveCtx } from './change-log.ts';
import { formatNumber } from './numbering.ts';
import type { ArchiveTables, Screening } from './tables.ts';

export const SCREENING_EXPIRY_JOB = 'archive.screening-expiry';
export type ScreeningTarget = 'case-file' | 'registry-entry' | 'correspondent' | 'document';

/** A party's own screening: shown as ***** in public, with its own access code. */
export interface PartyScreening {
  accessCode: string;
  legalBasis: string;
  until: string | null;
}
export interface PartyScreeningInput {
  accessCode?: string | undefined;
  legalBasis: string;
  until?: string | null | undefined;
}

const db = (tx: Tx) => tables<ArchiveTables>(tx);
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export function validatePartyScreening(input: PartyScreeningInput, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.legalBasis.trim()) errors.push({ field: `${prefix}.legalBasis`, code: 'required', message: 'name the legal basis' });
  if (input.until && !isDate(input.until)) errors.push({ field: `${prefix}.until`, code: 'invalidDate', message: 'must be a real date YYYY-MM-DD' });
  return errors;
}

export const normalisePartyScreening = (input: PartyScreeningInput): PartyScreening => ({
  accessCode: input.accessCode?.trim() || 'U',
  legalBasis: input.legalBasis.trim(),
  until: input.until ?? null,
});

/** Lifts the screening on its `until` day (00:00 UTC), unless it has been changed by then. */
export async function scheduleScreeningExpiry(tx: Tx, tenantId: string, target: ScreeningTarget, id: string, screening: { until?: string | null } | null): Promise<void> {
  if (!screening?.until || !isDate(screening.until)) return;
  await scheduleJob(tx, {
    type: SCREENING_EXPIRY_JOB,
    tenantId,
    runAt: new Date(`${screening.until}T00:00:00Z`),
    payload: { target, id, until: screening.until },
    key: `screening-expiry:${target}:${id}:${screening.until}`,
  });
}

export interface ScreeningChange {
  id: string;
  publicTitle: string | null;
  screening: object | null;
  publishedInFull?: boolean;
}

async function entryEvent(tx: Tx, c: ArchiveCtx, entryId: string, fields: string[]): Promise<void> {
  const entry = await db(tx).selectFrom('registry_entries').select(['entry_year', 'entry_sequence']).where('id', '=', entryId).executeTakeFirstOrThrow();
  await writeEvent(tx, { tenantId: c.tenantId, type: 'registry-entry.updated', aggregateType: 'registry-entry', aggregateId: entryId, payload: { registryNumber: formatNumber(entry.entry_year, entry.entry_sequence), fields }, at: c.at });
}

/** A case file's or an entry's screening, in any state of the record. */
export async function changeScreening(tx: Tx, c: ArchiveCtx, target: 'case-file' | 'registry-entry', id: string, input: ScreeningInput | null): Promise<ScreeningChange> {
  const table = target === 'case-file' ? 'case_files' : 'registry_entries';
  const before = isUuid(id) ? await db(tx).selectFrom(table).select(['id', 'title', 'public_title', 'screening']).where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
  if (!before) throw notFound(`${target} ${id}`);
  if (input) {
    const errors = validateScreening(input, before.title);
    if (errors.length) throw invalid(errors);
  }
  const screening: Screening | null = input && normaliseScreening(input);
  const after = { screening, public_title: publicTitle(before.title, screening) };
  const changed = await logChanges(tx, c, target, id, before as unknown as Record<string, unknown>, after);
  if (!changed.length) return { id, publicTitle: before.public_title, screening: before.screening };
  const set = { screening: json(screening), public_title: after.public_title, updated_at: c.at, ...(target === 'registry-entry' ? { assessed_at: c.at } : {}) };
  await sql`update ${sql.table(table)} set screening = ${set.screening}::jsonb, public_title = ${set.public_title}, updated_at = ${set.updated_at}
    ${target === 'registry-entry' ? sql`, assessed_at = ${c.at}` : sql``} where id = ${id}`.execute(tx);
  if (target === 'case-file')
    await writeEvent(tx, { tenantId: c.tenantId, type: 'case-file.updated', aggregateType: 'case-file', aggregateId: id, payload: { fields: changed }, at: c.at });
  else await entryEvent(tx, c, id, changed);
  await scheduleScreeningExpiry(tx, c.tenantId, target, id, screening);
  return { id, publicTitle: after.public_title, screening };
}

/** A party's own screening. */
export async function changePartyScreening(tx: Tx, c: ArchiveCtx, id: string, input: PartyScreeningInput | null): Promise<ScreeningChange> {
  const before = isUuid(id) ? await db(tx).selectFrom('correspondents').select(['id', 'registry_entry_id', 'position']).select(sql<object | null>`screening`.as('screening')).where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
  if (!before) throw notFound(`correspondent ${id}`);
  if (input) {
    const errors = validatePartyScreening(input, 'screening');
    if (errors.length) throw invalid(errors);
  }
  const screening = input && normalisePartyScreening(input);
  const changed = await logChanges(tx, c, 'correspondent', id, before as unknown as Record<string, unknown>, { screening });
  if (changed.length) {
    await sql`update correspondents set screening = ${json(screening)}::jsonb where id = ${id}`.execute(tx);
    await entryEvent(tx, c, before.registry_entry_id, [`correspondents.${before.position}.screening`]);
    await scheduleScreeningExpiry(tx, c.tenantId, 'correspondent', id, screening);
  }
  return { id, publicTitle: null, screening: changed.length ? screening : (before.screening as object | null) };
}

/** A document's own screening and whether it is published in full. */
export async function changeDocumentPublication(tx: Tx, c: ArchiveCtx, id: string, input: { screening?: ScreeningInput | null | undefined; publishedInFull?: boolean | undefined }): Promise<ScreeningChange> {
  const before = isUuid(id)
    ? await db(tx).selectFrom('documents').select(['id', 'registry_entry_id', 'document_number', 'title', 'screening']).select(sql<boolean>`published_in_full`.as('published_in_full')).where('id', '=', id).forUpdate().executeTakeFirst()
    : undefined;
  if (!before) throw notFound(`document ${id}`);
  if (input.screening) {
    const errors = validateScreening(input.screening, before.title);
    if (errors.length) throw invalid(errors);
  }
  const screening = input.screening === undefined ? before.screening : input.screening && normaliseScreening(input.screening);
  const after = { screening, published_in_full: input.publishedInFull ?? before.published_in_full };
  const changed = await logChanges(tx, c, 'document', id, before as unknown as Record<string, unknown>, after);
  if (changed.length) {
    await sql`update documents set screening = ${json(screening)}::jsonb, published_in_full = ${after.published_in_full} where id = ${id}`.execute(tx);
    await entryEvent(tx, c, before.registry_entry_id, changed.map((f) => `documents.${before.document_number}.${f}`));
    await scheduleScreeningExpiry(tx, c.tenantId, 'document', id, screening);
  }
  return { id, publicTitle: publicTitle(before.title, screening), screening, publishedInFull: after.published_in_full };
}

/** The screening of a record now, for the expiry job to see whether it is still the one that ends. */
async function currentUntil(tx: Tx, target: ScreeningTarget, id: string): Promise<string | null | undefined> {
  const table = { 'case-file': 'case_files', 'registry-entry': 'registry_entries', correspondent: 'correspondents', document: 'documents' }[target];
  const row = (await sql<{ until: string | null }>`select screening ->> 'until' as until from ${sql.table(table)} where id = ${id}`.execute(tx)).rows[0];
  return row?.until;
}

export const screeningExpiryJob: JobHandler = {
  type: SCREENING_EXPIRY_JOB,
  async run(job, ctx) {
    const { target, id, until } = job.payload as { target: ScreeningTarget; id: string; until: string };
    if (!job.tenantId) throw new Error(`job ${job.id}: no municipality`);
    await withTenant(ctx.db, { tenantId: job.tenantId, actor: { kind: 'system', id: 'screening-expiry', name: 'screening period ended' } }, async (tx) => {
      // Changed or lifted since: that screening's own job (if any) decides.
      if ((await currentUntil(tx, target, id)) !== until) return;
      const c: ArchiveCtx = { tenantId: job.tenantId!, actor: `system:screening-expiry:skjermingen opphørte ${until}`, at: ctx.clock.now() };
      if (target === 'correspondent') await changePartyScreening(tx, c, id, null);
      else if (target === 'document') await changeDocumentPublication(tx, c, id, { screening: null });
      else await changeScreening(tx, c, target, id, null);
    });
  },
};

/** The parties' own screenings given when an entry is registered (the rows are inserted just before). */
export async function recordPartyScreenings(tx: Tx, tenantId: string, parties: readonly { id: string }[], inputs: readonly { screening?: PartyScreeningInput | undefined }[]): Promise<void> {
  for (const [i, input] of inputs.entries()) {
    if (!input.screening || !parties[i]) continue;
    const screening = normalisePartyScreening(input.screening);
    await sql`update correspondents set screening = ${json(screening)}::jsonb where id = ${parties[i]!.id}`.execute(tx);
    await scheduleScreeningExpiry(tx, tenantId, 'correspondent', parties[i]!.id, screening);
  }
}
