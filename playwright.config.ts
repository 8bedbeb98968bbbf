// SPDX-License-Identifier: EUPL-1.2
// Browser tests in Debian's Chromium (never a downloaded browser) against the real server, started
// by e2e/serve.ts on a free port with a fresh data folder (and a fresh PostgreSQL database when
// RADHUS_TEST_DATABASE_URL is set). RADHUS_E2E_BASE_URL runs the tests against a server already up.
import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';

// Workers re-read this file; the port chosen first is passed on through the environment.
process.env.RADHUS_E2E_PORT ??= execFileSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"], { encoding: 'utf8' });
const external = process.env.RADHUS_E2E_BASE_URL;
const baseURL = external ?? `http://localhost:${process.env.RADHUS_E2E_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  // The JSON report feeds the pass/fail line that .ci/run prints (scripts/test-summary.mjs).
  reporter: [['list'], ['json', { outputFile: 'test-reports/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    baseURL,
    ...devices['Desktop Chrome'],
    viewport: { width: 1024, height: 768 },
    locale: 'nb-NO',
    // Designsystemet's Details opens with a 0.4 s height transition (its content clipped while it
    // runs). A click right after opening was lost on a slow machine: inside the button's box, the form
    // open, and no submit and no request in the trace (council-sweden.spec.ts in CI; docs/testing.md).
    // Reduced motion switches those transitions off, as it does for people who ask.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  ...(external
    ? {}
    : {
        webServer: {
          command: 'node bin/run-ts.js e2e/serve.ts',
          url: `${baseURL}/healthz`,
          timeout: 120_000,
          reuseExistingServer: false,
          stdout: 'pipe',
          stderr: 'pipe',
          env: { PORT: process.env.RADHUS_E2E_PORT },
        },
      }),
});
