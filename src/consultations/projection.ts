// SPDX-License-Identifier: EUPL-1.2
// The consumer `consultations-projection`: keeps public_consultations and, once the officer has
// published the list, public_consultation_comments equal to what may be public now. A comment is
// shown as the archive's public view of its registry entry lets it out: the sender as the public
// journal shows it (a screened one stays out), the text only while the comment's document is public
// (published in full, no screening applies); a void or wholly screened entry is not listed at all.
// Besides its own event it follows the archive's entry and case events, so a later screening reaches
// the list too. Idempotent: the current state is written each time, so a replay rebuilds.
import type { Tx } from '../platform/db/transaction.ts';
import type { EventConsumer } from '../platform/events/types.ts';
import { isUuid } from '../platform/ids.ts';
import { SCREENED_MARK } from '../common/screening.ts';
import { publicViewOfCaseFile, publicViewOfEntry } from '../archive/service.ts';
import { EVENT } from './consultations.ts';
import * as repo from './repository.ts';

const shown = (name: string | undefined): string | null => (name && name !== SCREENED_MARK ? name : null);

export async function projectConsultation(tx: Tx, id: string, now: Date): Promise<void> {
  const row = isUuid(id) ? await repo.selectConsultation(tx, id) : undefined;
  if (!row) return;
  const comments = (await repo.selectComments(tx, row.id)).filter((c) => c.status === 'filed' && c.registry_entry_id);
  const kase = await publicViewOfCaseFile(tx, row.case_file_id);
  await repo.upsertPublicConsultation(tx, {
    id: row.id, tenant_id: row.tenant_id, case_file_id: row.case_file_id, case_number: kase?.caseFile?.caseNumber ?? null, title: row.title, description: row.description,
    opens_at: row.opens_at, deadline: row.deadline, document_entry_ids: row.document_entry_ids, comments_published_at: row.comments_published_at,
    comment_count: comments.length, case_closed_at: kase?.caseFile?.closedAt ?? null, created_at: row.created_at, updated_at: now,
  });
  const published: repo.PublicCommentRow[] = [];
  if (row.comments_published_at) {
    for (const comment of comments) {
      const entry = (await publicViewOfEntry(tx, comment.registry_entry_id!))?.entries[0];
      if (!entry) continue;
      // The author is the first party of the entry, the organisation (if any) the second.
      const [author, organisation] = entry.correspondents;
      const textPublic = entry.documents.some((d) => d.documentNumber === 1);
      published.push({
        id: comment.id, tenant_id: row.tenant_id, consultation_id: row.id, sender: shown(author?.name), organisation: comment.organisation ? shown(organisation?.name) : null,
        text: textPublic ? comment.text : null, registry_entry_id: entry.id, received_at: comment.filed_at ?? comment.submitted_at, updated_at: now,
      });
    }
  }
  await repo.replacePublicComments(tx, row.id, published);
}

export const consultationsProjection: EventConsumer = {
  name: 'consultations-projection',
  types: [EVENT, 'registry-entry.updated', 'case-file.updated', 'case-file.closed'],
  async handle(tx, event, ctx) {
    const now = ctx.clock.now();
    if (event.type === EVENT) {
      const id = event.payload.consultationId;
      if (typeof id === 'string') await projectConsultation(tx, id, now);
      return;
    }
    // The archive's events: only those of a comment's entry or of a consultation's case matter.
    const ids = event.aggregateType === 'case-file' ? await repo.consultationsOfCase(tx, event.aggregateId) : [await repo.consultationOfEntry(tx, event.aggregateId)].filter((x): x is string => !!x);
    for (const id of ids) await projectConsultation(tx, id, now);
  },
  reset: repo.deleteAllPublic,
};
