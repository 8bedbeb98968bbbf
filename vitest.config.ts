// SPDX-License-Identifier: EUPL-1.2
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts'],
    pool: 'forks',
    // One migrated database per run that each test file's database starts from.
    globalSetup: ['src/test-support/global-setup.ts'],
    // The JSON report feeds the pass/fail line that .ci/run prints (scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: 'test-reports/vitest.json' }]],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
