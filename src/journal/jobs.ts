// SPDX-License-Identifier: EUPL-1.2
// `journal.publish-due`: an entry whose publication delay or accessibleAfter has passed (or whose
// document's file may now be public) is projected again, in its municipality, at the time the
// projection scheduled. Idempotent: projecting twice writes the same rows.
import type { JobHandler } from '../platform/jobs/types.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { projectEntry, PUBLISH_DUE_JOB } from './projection.ts';

export const publishDueJob: JobHandler = {
  type: PUBLISH_DUE_JOB,
  async run(job, ctx) {
    const entryId = job.payload.entryId;
    if (!job.tenantId || typeof entryId !== 'string') throw new Error(`job ${job.id}: no municipality or entry`);
    await withTenant(ctx.db, { tenantId: job.tenantId, actor: { kind: 'system', id: 'journal', name: 'public journal' } }, (tx) => projectEntry(tx, entryId, ctx));
  },
};
