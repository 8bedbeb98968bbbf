// SPDX-License-Identifier: EUPL-1.2
// The reminder job: on the working day before the deadline, the members of the responsible unit
// are told of a request still unanswered (scheduled when the request is received; idempotent by
// key). A request decided by then is left alone.
import type { JobHandler } from '../platform/jobs/types.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { sendMail } from '../platform/mail/send.ts';
import { writeEvent } from '../platform/outbox.ts';
import { listStaff } from '../identity/service.ts';
import { listUnitMembers } from '../units/service.ts';
import { reminderMail } from './mail.ts';
import { publicTenants, REMIND_JOB } from './requests.ts';
import { selectEntriesOf, selectRequest, updateRequest } from './repository.ts';

export const reminderJob: JobHandler = {
  type: REMIND_JOB,
  async run(job, ctx) {
    const requestId = String(job.payload.requestId ?? '');
    if (!job.tenantId) throw new Error(`${REMIND_JOB} job ${job.id} has no municipality`);
    const tenant = (await publicTenants(ctx, [job.tenantId])).get(job.tenantId);
    if (!tenant) throw new Error(`the municipality ${job.tenantId} of ${REMIND_JOB} job ${job.id} is gone`);
    const at = ctx.clock.now();
    await withTenant(ctx.db, { tenantId: job.tenantId, actor: { kind: 'system', id: 'access-requests', name: 'Rådhus' } }, async (tx) => {
      const request = await selectRequest(tx, requestId, { forUpdate: true });
      if (!request || request.status === 'decided' || request.status === 'unconfirmed' || request.reminded_at) return;
      await updateRequest(tx, request.id, { reminded_at: at, updated_at: at });
      await writeEvent(tx, { tenantId: job.tenantId!, type: 'access-request.reminded', aggregateType: 'access-request', aggregateId: request.id, payload: { deadline: request.deadline }, at });
      if (!request.unit_id) return;
      const members = new Set((await listUnitMembers(tx, job.tenantId!, { unitId: request.unit_id })).map((m) => m.userId));
      const entries = (await selectEntriesOf(tx, [request.id])).map((e) => `${e.registry_number} ${e.public_title}`).join('\n');
      for (const person of (await listStaff(tx, job.tenantId!)).filter((s) => members.has(s.id) && s.email)) {
        await sendMail(tx, { to: person.email!, template: reminderMail, language: tenant.language, tenantId: job.tenantId, at, key: `access-remind:${request.id}:${person.id}`,
          params: { municipality: tenant.name, entries, deadline: request.deadline ?? '', url: `${ctx.config.publicUrl}/app/${tenant.slug}/access-requests` } });
      }
    });
  },
};
