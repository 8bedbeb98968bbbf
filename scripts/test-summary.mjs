#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// Prints one line "<label>: N passed, N failed, N skipped" from the JSON reports that `npm test`
// leaves in test-reports/ (Vitest and Playwright), so CI logs end with a count of real tests.
// A report that is missing counts as not run, and says so. The names of failed tests follow the count,
// so the last lines of a CI log say what to look at even when the log is cut.
import { existsSync, readFileSync } from 'node:fs';

const label = process.argv[2] ?? 'tests';
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
const failures = [];
const firstLine = (text) => String(text ?? '').split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 200) ?? '';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

const vitest = read('test-reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A file that fails to load has no failed test but must count as a failure.
  for (const file of vitest.testResults) {
    const where = file.name.replace(`${process.cwd()}/`, '');
    if (file.status === 'failed' && file.assertionResults.length === 0) {
      failed += 1;
      failures.push(`${where}: ${firstLine(file.message)}`);
    }
    for (const test of file.assertionResults) {
      if (test.status === 'failed') failures.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    }
  }
} else missing.push('unit/API tests (vitest)');

const playwright = read('test-reports/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const error = test.results?.at(-1)?.error?.message;
        failures.push(`${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}: ${firstLine(error)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, suite.title && !suite.title.endsWith('.ts') ? [...titles, suite.title] : titles);
  };
  for (const suite of playwright.suites ?? []) walk(suite, []);
} else missing.push('browser tests (playwright)');

if (missing.length) console.log(`(${label}: did not run: ${missing.join(', ')})`);
console.log(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
for (const failure of failures) console.log(`  failed: ${failure.replace(/\u001b\[[0-9;]*m/g, '')}`);
