// SPDX-License-Identifier: EUPL-1.2
// The consumer `journal-projection`: keeps public_case_files and public_registry_entries equal to
// what the archive says the public may see. Events only say what changed; the current state comes
// from the archive's public view, so a replay of old events writes today's public values and never
// brings back a title or name that has since been screened.
import type { EventConsumer } from '../platform/events/types.ts';
import type { Tx } from '../platform/db/transaction.ts';
import { caseFilesOfUnit, publicViewOfCaseFile, publicViewOfEntry, type PublicCaseView } from '../archive/service.ts';
import { deleteAll, deleteCaseFile, deleteEntries, upsertCaseFile, upsertEntry } from './repository.ts';

async function apply(tx: Tx, view: PublicCaseView | null): Promise<void> {
  if (!view) return;
  if (!view.caseFile) {
    await deleteCaseFile(tx, view.caseFileId);
    return;
  }
  await upsertCaseFile(tx, view.caseFile);
  for (const entry of view.entries) await upsertEntry(tx, entry);
  await deleteEntries(tx, view.withdrawn);
}

export const journalProjection: EventConsumer = {
  name: 'journal-projection',
  types: ['case-file.created', 'case-file.updated', 'case-file.closed', 'registry-entry.journalised', 'registry-entry.updated', 'unit.updated'],
  async handle(tx, event) {
    // A unit renamed or hidden (or shown again): every case that shows it is written anew.
    if (event.aggregateType === 'unit') {
      for (const caseFileId of await caseFilesOfUnit(tx, event.aggregateId)) await apply(tx, await publicViewOfCaseFile(tx, caseFileId));
      return;
    }
    const view = event.aggregateType === 'case-file' ? await publicViewOfCaseFile(tx, event.aggregateId) : await publicViewOfEntry(tx, event.aggregateId);
    // The archive deletes nothing: an event whose record cannot be read is not "nothing to do" but
    // a fault to stop at and retry, so that no entry silently misses the public journal.
    if (!view) throw new Error(`${event.aggregateType} ${event.aggregateId} of event ${event.id} cannot be read in its municipality's archive`);
    await apply(tx, view);
  },
  reset: deleteAll,
};
