// SPDX-License-Identifier: EUPL-1.2
// PLACEHOLDER on the mail branch: the job store is the events branch's (src/platform/jobs/store.ts
// there). This stub only keeps the mail code compiling against the contract; the lead takes the
// events branch's file at merge and drops this one.
import type { Tx } from '../db/transaction.ts';
import type { NewJob } from './types.ts';

export async function scheduleJob(_tx: Tx, job: NewJob): Promise<void> {
  throw new Error(`the job store is not on this branch yet (job ${job.type})`);
}
