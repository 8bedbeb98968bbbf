#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// Prints one line "<label>: N passed, N failed, N skipped" from the JSON reports that `npm test`
// leaves in test-reports/ (Vitest and Playwright), so CI logs end with a count of real tests.
// A report that is missing counts as not run, and says so.
import { existsSync, readFileSync } from 'node:fs';

const label = process.argv[2] ?? 'tests';
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

const vitest = read('test-reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A file that fails to load has no failed test but must count as a failure.
  failed += vitest.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} else missing.push('unit/API tests (vitest)');

const playwright = read('test-reports/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
} else missing.push('browser tests (playwright)');

if (missing.length) console.log(`(${label}: did not run: ${missing.join(', ')})`);
console.log(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
