// SPDX-License-Identifier: EUPL-1.2
// A comment sent without login waits for its e-mail confirmation until the consultation's deadline;
// then it is marked `expired` (it can never be filed, and the officer's count of unconfirmed
// comments no longer holds it). A job per consultation and deadline, scheduled when such a comment
// is sent; the deadline is read again when it runs: a deadline moved later schedules the job anew.
import type { AppContext } from '../platform/context.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import { scheduleJob } from '../platform/jobs/store.ts';
import type { JobHandler } from '../platform/jobs/types.ts';
import { consultationChanged } from './consultations.ts';
import * as repo from './repository.ts';

export const EXPIRY_JOB = 'consultations.expire-unconfirmed';

const actor = { kind: 'system' as const, id: 'consultations', name: 'unconfirmed comments expiring' };

/** Once per consultation and deadline (the key): each unconfirmed comment's sending may call it. */
export async function scheduleExpiry(tx: Tx, consultation: Pick<repo.ConsultationRow, 'id' | 'tenant_id' | 'deadline'>): Promise<void> {
  await scheduleJob(tx, {
    type: EXPIRY_JOB, tenantId: consultation.tenant_id, runAt: consultation.deadline, payload: { consultationId: consultation.id },
    key: `${EXPIRY_JOB}:${consultation.id}:${consultation.deadline.toISOString()}`,
  });
}

export async function expireComments(ctx: AppContext, tenantId: string, consultationId: string): Promise<number> {
  return withTenant(ctx.db, { tenantId, actor }, async (tx) => {
    const consultation = await repo.selectConsultation(tx, consultationId);
    const at = ctx.clock.now();
    if (!consultation) return 0;
    if (consultation.deadline.getTime() > at.getTime()) {
      await scheduleExpiry(tx, consultation);
      return 0;
    }
    const expired = await repo.expireUnconfirmed(tx, consultation.id, at);
    if (expired) await consultationChanged(tx, { tenantId, actor: `system:${actor.id}`, at }, consultation.id);
    return expired;
  });
}

export const expiryJob: JobHandler = {
  type: EXPIRY_JOB,
  async run(job, ctx) {
    await expireComments(ctx, job.tenantId!, String(job.payload.consultationId));
  },
};
