// SPDX-License-Identifier: EUPL-1.2
// The consumer `journal-projection`: keeps the public_* tables equal to what the archive says the
// public may see, under the municipality's publication policy. Events only say what changed; the
// current state comes from the archive's public view, so a replay of old events writes today's
// public values and never brings back a title or name that has since been screened.
// An entry not yet due (publication delay, accessibleAfter) is not written at all: a job
// (`journal.publish-due`, jobs.ts) projects it again when it is due.
import type { EventConsumer } from '../platform/events/types.ts';
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/transaction.ts';
import { scheduleJob } from '../platform/jobs/store.ts';
import { caseFilesOfTenant, caseFilesOfUnit, publicViewOfCaseFile, publicViewOfEntry, type PublicCaseView, type PublicEntryView } from '../archive/service.ts';
import { listTenants } from '../tenants/service.ts';
import { workingDayCalendar } from '../calendar/service.ts';
import { deleteAll, deleteCaseFile, deleteEntries, upsertCaseFile, upsertEntry } from './repository.ts';
import { excludedByPolicy, getPublicationPolicy, namesSearchableUntil, propertyOf, visibleFrom, type PublicationPolicy } from './policy.ts';

export const PUBLISH_DUE_JOB = 'journal.publish-due';

interface Rules {
  policy: PublicationPolicy;
  calendar: Awaited<ReturnType<typeof workingDayCalendar>> | null;
  now: Date;
}

async function rulesOf(tx: Tx, tenantId: string, ctx: Pick<AppContext, 'clock'>): Promise<Rules> {
  const policy = await getPublicationPolicy(tx);
  let calendar: Rules['calendar'] = null;
  if (policy.delayWorkingDays > 0) {
    const tenant = (await listTenants(tx)).find((t) => t.id === tenantId);
    calendar = await workingDayCalendar(tx, { country: tenant?.country ?? 'NO' });
  }
  return { policy, calendar, now: ctx.clock.now() };
}

/** Schedules the projection of an entry again at a time still ahead (idempotent by key). */
async function projectAgainAt(tx: Tx, entry: PublicEntryView, at: Date): Promise<void> {
  await scheduleJob(tx, { type: PUBLISH_DUE_JOB, tenantId: entry.tenantId, runAt: at, payload: { entryId: entry.id }, key: `journal-due:${entry.id}:${at.toISOString()}` });
}

async function apply(tx: Tx, view: PublicCaseView | null, ctx: Pick<AppContext, 'clock'>, known?: Rules): Promise<void> {
  if (!view) return;
  if (!view.caseFile) {
    await deleteCaseFile(tx, view.caseFileId);
    return;
  }
  await upsertCaseFile(tx, view.caseFile);
  const rules = known ?? (await rulesOf(tx, view.caseFile.tenantId, ctx));
  const hidden: string[] = [...view.withdrawn];
  for (const entry of view.entries) {
    if (excludedByPolicy(rules.policy, entry.policy)) {
      hidden.push(entry.id);
      continue;
    }
    const from = visibleFrom(entry.publishedAt, entry.accessibleAfter, rules.policy.delayWorkingDays, rules.calendar);
    if (from > rules.now) {
      hidden.push(entry.id);
      await projectAgainAt(tx, entry, from);
      continue;
    }
    // A document published in full waits for its own accessibleAfter; the entry is projected again then.
    const documents = [];
    for (const d of entry.documents) {
      if (d.accessibleAfter && d.accessibleAfter > rules.now) await projectAgainAt(tx, entry, d.accessibleAfter);
      else documents.push(d);
    }
    const { gnr, bnr } = propertyOf(entry.publicTitle, entry.casePublicTitle);
    await upsertEntry(tx, { ...entry, documents }, { visibleFrom: from, namesSearchableUntil: namesSearchableUntil(from), gnr, bnr });
  }
  await deleteEntries(tx, hidden);
}

/** Projects one entry again (the publish-due job). */
export async function projectEntry(tx: Tx, entryId: string, ctx: Pick<AppContext, 'clock'>): Promise<void> {
  await apply(tx, await publicViewOfEntry(tx, entryId), ctx);
}

export const journalProjection: EventConsumer = {
  name: 'journal-projection',
  types: ['case-file.created', 'case-file.updated', 'case-file.closed', 'registry-entry.journalised', 'registry-entry.updated', 'unit.updated', 'publication-policy.updated'],
  async handle(tx, event, ctx) {
    // A unit renamed or hidden (or shown again): every case that shows it is written anew.
    if (event.aggregateType === 'unit') {
      for (const caseFileId of await caseFilesOfUnit(tx, event.aggregateId)) await apply(tx, await publicViewOfCaseFile(tx, caseFileId), ctx);
      return;
    }
    // A new publication policy applies to every entry of the municipality.
    if (event.aggregateType === 'publication-policy') {
      // The policy and calendar once for all of them.
      const rules = await rulesOf(tx, event.tenantId, ctx);
      for (const caseFileId of await caseFilesOfTenant(tx)) await apply(tx, await publicViewOfCaseFile(tx, caseFileId), ctx, rules);
      return;
    }
    const view = event.aggregateType === 'case-file' ? await publicViewOfCaseFile(tx, event.aggregateId) : await publicViewOfEntry(tx, event.aggregateId);
    // The archive deletes nothing: an event whose record cannot be read is not "nothing to do" but
    // a fault to stop at and retry, so that no entry silently misses the public journal.
    if (!view) throw new Error(`${event.aggregateType} ${event.aggregateId} of event ${event.id} cannot be read in its municipality's archive`);
    await apply(tx, view, ctx);
  },
  reset: deleteAll,
};
