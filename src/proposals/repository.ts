// SPDX-License-Identifier: EUPL-1.2
// SQL of citizen proposals: settings, proposals, signatures, notices, the public projection, and the
// narrow reads of the council's agenda items and meetings that the council consumer needs (read
// only: the council module writes them).
import { sql } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import type { Language } from '../common/languages.ts';
import type { CouncilTables } from '../council/tables.ts';
import type { CitizenProposalsTable, CitizenProposalSignaturesTable, NoticeStep, ParticipationSettingsTable, ProposalStatus, ProposalTables, PublicCitizenProposalsTable } from './tables.ts';

export type ProposalRow = CitizenProposalsTable;
export type SignatureRow = CitizenProposalSignaturesTable;
export type SettingsRow = ParticipationSettingsTable;
export type PublicProposalRow = PublicCitizenProposalsTable;

const db = (tx: Tx) => tables<ProposalTables>(tx);
const council = (tx: Tx) => tables<CouncilTables>(tx);
const dateText = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const proposal = (r: ProposalRow): ProposalRow => ({ ...r, decision_due_on: dateText(r.decision_due_on) });
const publicRow = (r: PublicProposalRow): PublicProposalRow => ({ ...r, decision_due_on: dateText(r.decision_due_on) });

export const selectSettings = (tx: Tx) => db(tx).selectFrom('participation_settings').selectAll().executeTakeFirst();
export async function upsertSettings(tx: Tx, row: SettingsRow): Promise<void> {
  await db(tx).insertInto('participation_settings').values(row)
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ inhabitants: row.inhabitants, proposal_threshold: row.proposal_threshold, signing_days: row.signing_days, proposal_body_id: row.proposal_body_id, updated_at: row.updated_at }))
    .execute();
}

export const insertProposal = async (tx: Tx, row: ProposalRow) => void (await db(tx).insertInto('citizen_proposals').values(row).execute());
export async function selectProposal(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<ProposalRow | undefined> {
  let q = db(tx).selectFrom('citizen_proposals').selectAll().where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && proposal(r);
}
export const updateProposal = async (tx: Tx, id: string, changes: Partial<ProposalRow>) => void (await db(tx).updateTable('citizen_proposals').set(changes).where('id', '=', id).execute());
export async function selectProposals(tx: Tx, f: { status?: ProposalStatus | undefined; authorUserId?: string | undefined; limit: number }): Promise<ProposalRow[]> {
  let q = db(tx).selectFrom('citizen_proposals').selectAll();
  if (f.status) q = q.where('status', '=', f.status);
  if (f.authorUserId) q = q.where('author_user_id', '=', f.authorUserId);
  return (await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute()).map(proposal);
}
export const selectProposalIdsOfCase = async (tx: Tx, caseFileId: string) =>
  (await db(tx).selectFrom('citizen_proposals').select('id').where('case_file_id', '=', caseFileId).execute()).map((r) => r.id);
export const selectProposalIds = async (tx: Tx) => (await db(tx).selectFrom('citizen_proposals').select('id').execute()).map((r) => r.id);

export const insertSignatures = async (tx: Tx, rows: SignatureRow[]) => void (rows.length && (await db(tx).insertInto('citizen_proposal_signatures').values(rows).execute()));
/** The signatures among these identity numbers already on the proposal. */
export const selectSignedNumbers = async (tx: Tx, proposalId: string, numbers: string[]) =>
  numbers.length ? (await db(tx).selectFrom('citizen_proposal_signatures').select('identity_number').where('proposal_id', '=', proposalId).where('identity_number', 'in', numbers).execute()).map((r) => r.identity_number) : [];
export const selectSignatureOf = (tx: Tx, proposalId: string, who: { userId: string; identityNumber: string | null }) =>
  db(tx).selectFrom('citizen_proposal_signatures').select(['signed_at', 'source', 'notify_email'])
    .where('proposal_id', '=', proposalId)
    .where((eb) => (who.identityNumber ? eb.or([eb('user_id', '=', who.userId), eb('identity_number', '=', who.identityNumber)]) : eb('user_id', '=', who.userId)))
    .executeTakeFirst();
/**
 * Claims this step's notice for every address that asked and was not told it yet, in one statement
 * (the signature that reaches the threshold holds the proposal's lock: no insert per signer).
 * One address once, compared without case, with the address as first written and the language of
 * its first signature; returns exactly the addresses claimed now (the notices' key says once).
 */
export async function claimNotices(tx: Tx, c: { tenant_id: string; proposal_id: string; step: NoticeStep; sent_at: Date }): Promise<{ email: string; language: Language }[]> {
  const r = await sql<{ email: string; language: Language }>`
    with asked as (
      select distinct on (lower(notify_email)) lower(notify_email) as key, notify_email as email, language
      from citizen_proposal_signatures
      where proposal_id = ${c.proposal_id}::uuid and notify_email is not null
      order by lower(notify_email), signed_at, identity_number),
    claimed as (
      insert into citizen_proposal_notices (tenant_id, proposal_id, step, email, sent_at)
      select ${c.tenant_id}::uuid, ${c.proposal_id}::uuid, ${c.step}, key, ${c.sent_at}::timestamptz from asked
      on conflict do nothing
      returning email)
    select asked.email, asked.language from asked join claimed on claimed.email = asked.key order by asked.key`.execute(tx);
  return r.rows;
}

export const selectUser = async (tx: Tx, userId: string) =>
  (await sql<{ name: string; identity_number: string | null; email: string | null }>`select name, identity_number, email from users where id = ${userId}::uuid`.execute(tx)).rows[0];

// The council's side, read only.
export const selectMeeting = (tx: Tx, id: string) => council(tx).selectFrom('council_meetings').select(['id', 'agenda_public_from', 'status', 'open', 'starts_at']).where('id', '=', id).executeTakeFirst();
export const selectItemsOfMeeting = (tx: Tx, meetingId: string) =>
  council(tx).selectFrom('council_agenda_items').select(['id', 'meeting_id', 'case_file_id', 'closed', 'decision_text', 'decided_at']).where('meeting_id', '=', meetingId).where('case_file_id', 'is not', null).execute();
export const selectItem = (tx: Tx, id: string) => council(tx).selectFrom('council_agenda_items').select(['id', 'meeting_id']).where('id', '=', id).executeTakeFirst();

// The public projection. The search vector is 'simple' (no language's stemming: a proposal is in
// any of four), the title weighing most, as the participation pages rank their matches.
export async function upsertPublic(tx: Tx, row: Omit<PublicProposalRow, 'search'>): Promise<void> {
  const { id: _id, ...rest } = row;
  await db(tx).insertInto('public_citizen_proposals').values({ ...row, search: sql`setweight(to_tsvector('simple', ${row.title}), 'A') || setweight(to_tsvector('simple', ${row.body}), 'B') || setweight(to_tsvector('simple', ${row.author_name}), 'C')` as never })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...rest, search: sql`excluded.search` as never })).execute();
}
export const deletePublic = async (tx: Tx, id: string) => void (await db(tx).deleteFrom('public_citizen_proposals').where('id', '=', id).execute());
export const deleteAllPublic = async (tx: Tx) => void (await db(tx).deleteFrom('public_citizen_proposals').execute());

/** The public list, newest first, keyset-paged; runs as radhus_public, so the municipality is a filter here. */
export async function selectPublicProposals(tx: Tx, f: { tenantId: string; status?: ProposalStatus | undefined; q?: string | undefined; after?: { at: Date; id: string } | undefined; limit: number }): Promise<PublicProposalRow[]> {
  let q = db(tx).selectFrom('public_citizen_proposals').selectAll().where('tenant_id', '=', f.tenantId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.q) q = q.where(sql<boolean>`search @@ plainto_tsquery('simple', ${f.q})`);
  if (f.after) q = q.where((eb) => eb.or([eb('created_at', '<', f.after!.at), eb.and([eb('created_at', '=', f.after!.at), eb('id', '<', f.after!.id)])]));
  return (await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute()).map(publicRow);
}
export async function selectPublicProposal(tx: Tx, tenantId: string, id: string): Promise<PublicProposalRow | undefined> {
  const r = await db(tx).selectFrom('public_citizen_proposals').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return r && publicRow(r);
}
export async function countPublicByStatus(tx: Tx, tenantId: string): Promise<Record<string, number>> {
  const rows = await db(tx).selectFrom('public_citizen_proposals').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).where('tenant_id', '=', tenantId).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
