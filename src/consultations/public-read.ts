// SPDX-License-Identifier: EUPL-1.2
// Consultations as the public sees them, read only from public_consultations,
// public_consultation_comments and the public journal (public_registry_entries, public_documents)
// under radhus_public: shared by the public API and the public pages.
import type { Tx } from '../platform/db/transaction.ts';
import { notFound, ProblemError } from '../platform/http/problem.ts';
import { isUuid } from '../platform/ids.ts';
import { getPublicJournalEntry } from '../journal/service.ts';
import * as repo from './repository.ts';

export interface PublicDocument { entryId: string; title: string; journalUrl: string; files: { title: string; fileName: string | null }[] }
export interface PublicComment { id: string; sender: string | null; organisation: string | null; text: string | null; registryEntryId: string | null; receivedAt: string }
export interface PublicSummary {
  id: string; caseNumber: string | null; title: string; description: string; opensAt: string; deadline: string; status: 'open' | 'closed';
  /** When the case was closed, which ended the consultation (if before its deadline); null while the case is open. */
  caseClosedAt: string | null;
  commentCount: number; commentsPublishedAt: string | null;
}
export type PublicConsultation = PublicSummary & { documents: PublicDocument[]; comments: PublicComment[] };

const summary = (r: repo.PublicConsultationRow, now: Date): PublicSummary => ({
  id: r.id, caseNumber: r.case_number, title: r.title, description: r.description, opensAt: r.opens_at.toISOString(), deadline: r.deadline.toISOString(),
  status: r.deadline.getTime() > now.getTime() && !r.case_closed_at ? 'open' : 'closed', caseClosedAt: r.case_closed_at?.toISOString() ?? null, commentCount: r.comment_count, commentsPublishedAt: r.comments_published_at?.toISOString() ?? null,
});

export async function listPublicConsultations(tx: Tx, tenantId: string, status: 'open' | 'closed' | undefined, now: Date): Promise<PublicSummary[]> {
  return (await repo.listPublicConsultations(tx, tenantId, { status, now, limit: 200 })).map((r) => summary(r, now));
}

export async function getPublicConsultation(tx: Tx, tenant: { id: string; slug: string }, id: string, now: Date): Promise<PublicConsultation> {
  const row = isUuid(id) ? await repo.findPublicConsultation(tx, tenant.id, id) : undefined;
  if (!row) throw notFound(`consultation ${id}`);
  const documents: PublicDocument[] = [];
  for (const entryId of row.document_entry_ids) {
    // An entry the public journal does not show (screened, not yet due) is left out, not named.
    const entry = await getPublicJournalEntry(tx, tenant.id, entryId, now).catch((error: unknown) => {
      if (error instanceof ProblemError) return undefined;
      throw error;
    });
    if (entry) documents.push({ entryId, title: entry.title, journalUrl: `/${tenant.slug}/postliste/${entryId}`, files: entry.documents.map((d) => ({ title: d.title, fileName: d.fileName })) });
  }
  const comments = row.comments_published_at
    ? (await repo.listPublicComments(tx, tenant.id, row.id)).map((c) => ({ id: c.id, sender: c.sender, organisation: c.organisation, text: c.text, registryEntryId: c.registry_entry_id, receivedAt: c.received_at.toISOString() }))
    : [];
  return { ...summary(row, now), documents, comments };
}
