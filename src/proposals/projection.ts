// SPDX-License-Identifier: EUPL-1.2
// The proposals' consumers and timed job:
// - `proposals-projection`: proposal.changed (and a case's change: its public number) → the one
//   proposal re-projected whole into public_citizen_proposals, with the case number as the
//   archive's public view shows it; idempotent, so a replay rebuilds the table.
// - `proposals-council`: council.meeting.changed → a proposal whose case is an item of a meeting
//   with a public agenda is on-agenda; once the item is decided, decided (the decision text only
//   when the item is open to the public). Each step is mailed once (notices.ts).
// - `proposals.lapse`: at closes_at an open proposal that did not reach its threshold lapses.
import type { AppContext } from '../platform/context.ts';
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import type { EventConsumer } from '../platform/events/types.ts';
import type { JobHandler } from '../platform/jobs/types.ts';
import type { TenantRef } from '../platform/http/auth.ts';
import { dateIn, publicViewOfCaseFile } from '../archive/service.ts';
import { listTenants } from '../tenants/service.ts';
import { LAPSE_JOB, proposalChanged } from './proposals.ts';
import { notify } from './notices.ts';
import * as repo from './repository.ts';
import { canMove } from './rules.ts';

export async function projectProposal(tx: Tx, id: string): Promise<void> {
  const p = await repo.selectProposal(tx, id);
  if (!p) return repo.deletePublic(tx, id);
  const view = p.case_file_id ? await publicViewOfCaseFile(tx, p.case_file_id) : null;
  const item = p.agenda_item_id ? await repo.selectItem(tx, p.agenda_item_id) : undefined;
  await repo.upsertPublic(tx, {
    id: p.id, tenant_id: p.tenant_id, title: p.title, body: p.body, author_name: p.author_name, status: p.status, threshold: p.threshold,
    signature_count: p.signature_count, closes_at: p.closes_at, reached_at: p.reached_at, body_id: p.body_id,
    // Only a case the public journal may name: its id and number as the archive's public view has them.
    case_file_id: view?.caseFile ? p.case_file_id : null, case_number: view?.caseFile?.caseNumber ?? null,
    decision_due_on: p.decision_due_on, meeting_id: item?.meeting_id ?? null, agenda_item_id: p.agenda_item_id, decision_text: p.decision_text, decided_at: p.decided_at,
    created_at: p.created_at, updated_at: p.updated_at,
  });
}

export const proposalsProjection: EventConsumer = {
  name: 'proposals-projection',
  types: ['proposal.changed', 'case-file.updated'],
  async handle(tx, event) {
    if (event.type === 'case-file.updated') {
      for (const id of await repo.selectProposalIdsOfCase(tx, event.aggregateId)) await projectProposal(tx, id);
      return;
    }
    await projectProposal(tx, String(event.payload.proposalId ?? event.aggregateId));
  },
  async reset(tx) {
    await repo.deleteAllPublic(tx);
  },
};

async function tenantOf(tx: Tx, tenantId: string): Promise<TenantRef | undefined> {
  return (await listTenants(tx)).find((x) => x.id === tenantId);
}

/** What the meeting says about the proposals whose cases are on it. */
export async function followMeeting(tx: Tx, ctx: AppContext, tenant: TenantRef, meetingId: string, at: Date): Promise<void> {
  const m = await repo.selectMeeting(tx, meetingId);
  if (!m || m.status === 'cancelled') return;
  // Only an agenda the public may see moves a proposal: the notice says where to read it.
  if (!m.agenda_public_from || m.agenda_public_from > at) return;
  const c = { tenant, at };
  for (const item of await repo.selectItemsOfMeeting(tx, m.id)) {
    for (const id of await repo.selectProposalIdsOfCase(tx, item.case_file_id!)) {
      const p = (await repo.selectProposal(tx, id, { forUpdate: true }))!;
      const closed = item.closed || !m.open;
      if (item.decided_at && item.decision_text && canMove(p.status, 'decided')) {
        const changes = { status: 'decided' as const, agenda_item_id: item.id, decision_text: closed ? null : item.decision_text, decided_at: item.decided_at, updated_at: at };
        await repo.updateProposal(tx, p.id, changes);
        await proposalChanged(tx, c, p.id);
        await notify(tx, ctx, c, { ...p, ...changes }, 'decided', changes.decision_text ?? '');
      } else if (!item.decided_at && canMove(p.status, 'on-agenda')) {
        const changes = { status: 'on-agenda' as const, agenda_item_id: item.id, updated_at: at };
        await repo.updateProposal(tx, p.id, changes);
        await proposalChanged(tx, c, p.id);
        await notify(tx, ctx, c, { ...p, ...changes }, 'on-agenda', dateIn(m.starts_at));
      }
    }
  }
}

export const proposalsCouncil: EventConsumer = {
  name: 'proposals-council',
  types: ['council.meeting.changed'],
  async handle(tx, event, ctx) {
    const tenant = await tenantOf(tx, event.tenantId);
    if (!tenant) return;
    await followMeeting(tx, ctx, tenant, String(event.payload.meetingId ?? event.aggregateId), ctx.clock.now());
  },
};

/** At closes_at: an open proposal lapses (one that reached its threshold has moved on already). */
export const lapseJob: JobHandler = {
  type: LAPSE_JOB,
  async run(job, ctx) {
    const tenantId = job.tenantId!;
    await withTenant(ctx.db, { tenantId, actor: { kind: 'system', id: 'proposals', name: 'proposal lapsing' } }, async (tx) => {
      const p = await repo.selectProposal(tx, String(job.payload.proposalId), { forUpdate: true });
      const at = ctx.clock.now();
      if (!p || p.status !== 'open' || p.closes_at > at) return;
      const tenant = (await tenantOf(tx, tenantId))!;
      await repo.updateProposal(tx, p.id, { status: 'lapsed', updated_at: at });
      await proposalChanged(tx, { tenant, at }, p.id);
      await notify(tx, ctx, { tenant, at }, { ...p, status: 'lapsed' }, 'lapsed');
    });
  },
};
