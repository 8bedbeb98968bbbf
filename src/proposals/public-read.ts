// SPDX-License-Identifier: EUPL-1.2
// Proposals as the public sees them, read only from public_citizen_proposals under radhus_public
// (which reads every municipality's rows: the municipality is always a filter here). Shared by the
// API and the participation pages. No identity number, e-mail or login ever reaches this table.
import type { Tx } from '../platform/db/transaction.ts';
import { notFound } from '../platform/http/problem.ts';
import * as cursor from '../platform/http/keyset-cursor.ts';
import { isUuid } from '../platform/ids.ts';
import * as repo from './repository.ts';
import { progressPercent } from './rules.ts';
import type { ProposalStatus } from './tables.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface ProposalFilter { status?: ProposalStatus | undefined; q?: string | undefined; cursor?: string | undefined; limit?: number | undefined }

/** The values the cursor is bound to: a cursor of another filter is refused. */
const filterParts = (f: ProposalFilter) => [f.status ?? '', f.q ?? ''];

export const presentPublic = (p: repo.PublicProposalRow, slug: string) => ({
  id: p.id, title: p.title, body: p.body, authorName: p.author_name, status: p.status, threshold: p.threshold, signatureCount: p.signature_count,
  progressPercent: progressPercent(p.signature_count, p.threshold), closesAt: p.closes_at.toISOString(), reachedAt: iso(p.reached_at),
  bodyId: p.body_id, caseFileId: p.case_file_id, caseNumber: p.case_number,
  caseUrl: p.case_number ? `/${slug}/postliste/sak/${p.case_number.replace('/', '-')}` : null,
  decisionDueOn: p.decision_due_on, meetingId: p.meeting_id, agendaItemId: p.agenda_item_id, decisionText: p.decision_text, decidedAt: iso(p.decided_at),
  createdAt: p.created_at.toISOString(), updatedAt: p.updated_at.toISOString(),
});
export type PublicProposal = ReturnType<typeof presentPublic>;

export async function listPublicProposals(tx: Tx, tenant: { id: string; slug: string }, f: ProposalFilter): Promise<{ items: PublicProposal[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(f.limit ?? 20, 1), 100);
  const after = f.cursor ? cursor.decode(f.cursor, filterParts(f)) : undefined;
  const q = f.q?.trim() || undefined;
  const rows = await repo.selectPublicProposals(tx, { tenantId: tenant.id, status: f.status, q, after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map((p) => presentPublic(p, tenant.slug)), nextCursor: rows.length > limit && last ? cursor.encode(last.created_at, last.id, filterParts(f)) : null };
}

export async function getPublicProposal(tx: Tx, tenant: { id: string; slug: string }, id: string): Promise<PublicProposal> {
  const p = isUuid(id) ? await repo.selectPublicProposal(tx, tenant.id, id) : undefined;
  if (!p) throw notFound(`proposal ${id}`);
  return presentPublic(p, tenant.slug);
}

/** How many proposals of each status the municipality shows (for the participation hub). */
export const countPublicProposals = (tx: Tx, tenantId: string) => repo.countPublicByStatus(tx, tenantId);
