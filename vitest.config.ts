// SPDX-License-Identifier: EUPL-1.2
import { defineConfig } from 'vitest/config';

const include = ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts'];

// Test files that start processes, hold the data folder's lock, kill or signal, or otherwise test
// what a process is (umask, exit, pid): each gets a fresh worker process, as every file used to.
const ownProcess = [
  'src/cli/**/*.test.ts',
  'src/durability/**/*.test.ts',
  'src/platform/lock.test.ts',
  'src/platform/data-dir.test.ts',
  'src/platform/backup/**/*.test.ts',
  'src/platform/db/durable-pglite.test.ts',
  'src/platform/http/nginx-proxy.test.ts',
  'src/platform/jobs/jobs.test.ts',
  'src/deposit/**/*.test.ts',
  'src/demo/pdf.test.ts',
  'src/conformance/api-types.test.ts',
  'src/site/journal-pages.test.ts',
  'scripts/**/*.test.ts',
];

const shared = {
  pool: 'forks' as const,
  // One migrated database per run that each test file's database starts from.
  globalSetup: ['src/test-support/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    // Two test processes even on a two-core machine (Vitest's default is one fewer than the cores):
    // much of a test's time is waiting on the disk (fsync), a child process or the PostgreSQL server.
    // On one shared PostgreSQL server an event waits for every older transaction of the whole cluster
    // (pg_snapshot_xmin), so one file's long transactions hold back another's events for a moment:
    // settle() waits for those (platform/events/background.ts), so "at rest" holds in both processes.
    maxWorkers: 2,
    // The JSON report feeds the pass/fail line that .ci/run prints (scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: 'test-reports/vitest.json' }]],
    projects: [
      {
        test: { ...shared, name: 'own-process', include: ownProcess, isolate: true },
      },
      {
        // The rest reuse a worker process from file to file (isolate: false): a fresh process per file
        // spent ~2.5 s of CPU each loading the app's modules again (docs/testing.md measures it).
        // Each file still gets its own database and app from createTestRadhus; the tests share no
        // module state that matters (no mocks, no stubbed globals, caches keyed by data folder).
        test: { ...shared, name: 'shared-process', include, exclude: ownProcess, isolate: false },
      },
    ],
  },
});
