// SPDX-License-Identifier: EUPL-1.2
// Merknad, kryssreferanse and kassasjon: what archivists and case officers add around a case.
import { tables, type Tx } from '../platform/db/transaction.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { conflict, invalid, type FieldError } from '../platform/http/problem.ts';
import { writeEvent } from '../platform/outbox.ts';
import { logCreated, type ArchiveCtx } from './change-log.ts';
import type { ArchiveTables, RetentionDecisionsTable } from './tables.ts';

const db = (tx: Tx) => tables<ArchiveTables>(tx);
type Target = 'case-file' | 'registry-entry';
const tableOf = { 'case-file': 'case_files', 'registry-entry': 'registry_entries' } as const;

async function exists(tx: Tx, type: Target, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  return Boolean(await db(tx).selectFrom(tableOf[type]).select('id').where('id', '=', id).executeTakeFirst());
}

export async function addRemark(tx: Tx, c: ArchiveCtx, target: { type: Target; id: string }, input: { text: string; remarkType?: string | undefined }) {
  const text = input.text.trim();
  if (!text) throw invalid([{ field: 'text', code: 'required', message: 'must not be empty' }]);
  const id = newId();
  await db(tx).insertInto('remarks').values({ id, tenant_id: c.tenantId, target_type: target.type, target_id: target.id, remark_type: input.remarkType ?? 'general', text, created_at: c.at, created_by: c.actor }).execute();
  await logCreated(tx, c, 'remark', id, { target: target.id, text });
  await writeEvent(tx, { tenantId: c.tenantId, type: 'remark.added', aggregateType: target.type, aggregateId: target.id, payload: { remarkId: id }, at: c.at });
  return id;
}

export async function addCrossReference(tx: Tx, c: ArchiveCtx, from: { type: Target; id: string }, to: { type: Target; id: string }) {
  if (!(await exists(tx, to.type, to.id))) throw invalid([{ field: 'toId', code: 'notFound', message: `no such ${to.type} in this municipality` }]);
  if (from.id === to.id) throw invalid([{ field: 'toId', code: 'refersToItself', message: 'cannot refer to itself' }]);
  const clash = await db(tx).selectFrom('cross_references').select('id').where('from_id', '=', from.id).where('to_id', '=', to.id).executeTakeFirst();
  if (clash) throw conflict('this cross reference exists already');
  const id = newId();
  await db(tx).insertInto('cross_references').values({ id, tenant_id: c.tenantId, from_type: from.type, from_id: from.id, to_type: to.type, to_id: to.id, created_at: c.at, created_by: c.actor }).execute();
  await logCreated(tx, c, 'cross-reference', id, { from: from.id, to: to.id });
  return id;
}

export interface RetentionInput {
  decision: RetentionDecisionsTable['decision'];
  authority: string;
  preservationYears?: number | undefined;
  disposalDate?: string | undefined;
}

/** A new decision supersedes the previous one; both stay, as the archive keeps its history. */
export async function decideRetention(tx: Tx, c: ArchiveCtx, target: { type: RetentionDecisionsTable['target_type']; id: string }, input: RetentionInput) {
  const errors: FieldError[] = [];
  if (!input.authority.trim()) errors.push({ field: 'authority', code: 'required', message: 'name the authority, e.g. "Bevarings- og kassasjonsplan for kommunene, pkt. 3.2"' });
  if (input.decision === 'dispose' && input.preservationYears === undefined && !input.disposalDate)
    errors.push({ field: 'preservationYears', code: 'required', message: 'a disposal decision needs preservationYears or disposalDate' });
  if (input.disposalDate && !/^\d{4}-\d{2}-\d{2}$/.test(input.disposalDate)) errors.push({ field: 'disposalDate', code: 'invalidDate', message: 'must be a date YYYY-MM-DD' });
  if (errors.length) throw invalid(errors);
  const id = newId();
  // bevaringstid and kassasjonsdato are always set (Noark 5 kassasjon requires both): a kept record
  // has 0 years and no disposal date in sight; otherwise the date follows from the years and back.
  const { preservationYears, disposalDate } = retentionPeriod(input, c.at);
  await db(tx)
    .insertInto('retention_decisions')
    .values({ id, tenant_id: c.tenantId, target_type: target.type, target_id: target.id, decision: input.decision, authority: input.authority.trim(), preservation_years: preservationYears, disposal_date: disposalDate, created_at: c.at, created_by: c.actor })
    .execute();
  await logCreated(tx, c, 'retention-decision', id, { target: target.id, ...input });
  return id;
}

/** The date that never comes: kassasjonsdato of a record that is kept (bevares). */
export const KEEP_FOREVER = '9999-12-31';

export function retentionPeriod(input: RetentionInput, at: Date): { preservationYears: number; disposalDate: string } {
  if (input.decision === 'keep') return { preservationYears: input.preservationYears ?? 0, disposalDate: input.disposalDate ?? KEEP_FOREVER };
  const today = at.toISOString().slice(0, 10);
  if (input.disposalDate) {
    const years = input.preservationYears ?? Math.max(0, Number(input.disposalDate.slice(0, 4)) - Number(today.slice(0, 4)));
    return { preservationYears: years, disposalDate: input.disposalDate };
  }
  const years = input.preservationYears ?? 0;
  return { preservationYears: years, disposalDate: `${String(Number(today.slice(0, 4)) + years).padStart(4, '0')}${today.slice(4)}`.replace(/-02-29$/, '-02-28') };
}
