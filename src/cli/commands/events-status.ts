// SPDX-License-Identifier: EUPL-1.2
import { consumerStatuses } from '../../platform/events/status.ts';
import { failedJobs, jobCounts } from '../../platform/jobs/status.ts';
import type { ContextCommand } from '../command.ts';
import { table } from '../io.ts';

const time = (at: Date | null) => (at ? at.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');

export const eventsStatus: ContextCommand = {
  kind: 'context',
  name: 'events status',
  summary: 'Show each event consumer (position, lag, status, last error) and the timed jobs',
  description: [
    'LAG is the number of events after the consumer\'s position and the age of the oldest of them.',
    'A consumer with status failing is stopped at its failing event and retries it with back-off; see docs/operations.md.',
  ],
  remote: true,
  options: {},
  async run({ ctx, io }) {
    const consumers = await consumerStatuses(ctx);
    const rows = consumers.map((c) => [
      c.installed ? c.name : `${c.name} (not installed)`,
      String(c.position),
      String(c.lagEvents),
      `${c.lagSeconds}s`,
      c.status === 'ok' ? 'ok' : `failing at event ${c.failingEventId} (attempt ${c.attempts}, next ${time(c.nextAttemptAt)})`,
      c.lastError ? `${time(c.lastErrorAt)} ${c.lastError.replace(/\s+/g, ' ').slice(0, 200)}` : '-',
    ]);
    if (rows.length) for (const line of table(['CONSUMER', 'POSITION', 'LAG', 'LAG TIME', 'STATUS', 'LAST ERROR'], rows)) io.out(line);
    else io.out('No event consumers are installed.');
    const jobs = await jobCounts(ctx);
    io.out('');
    io.out(`Jobs: ${jobs.due} due, ${jobs.running} running, ${jobs.failed} failed, ${jobs.scheduled} scheduled for later.`);
    const failed = await failedJobs(ctx, 10);
    if (failed.length) {
      io.out('Failed jobs (newest first):');
      for (const line of table(['JOB', 'TYPE', 'ATTEMPTS', 'FAILED AT', 'LAST ERROR'], failed.map((j) => [j.id, j.type, String(j.attempts), time(j.finishedAt), (j.lastError ?? '-').replace(/\s+/g, ' ').slice(0, 200)])))
        io.out(`  ${line}`);
    }
    return 0;
  },
};
