// SPDX-License-Identifier: EUPL-1.2
// WCAG 2.1 A and AA, checked with axe on every page and state a test visits. Any violation fails
// the test, listed with the elements it was found on.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// The markup does not depend on the database engine, so CI audits it once, in the PGlite half, and
// runs the PostgreSQL half's browser tests with RADHUS_E2E_AXE=off (the flows, not the audit, differ
// there; an audit is about a third of a browser test's time). Anyone running `npm test` gets the audit.
const auditOff = process.env.RADHUS_E2E_AXE === 'off';

export async function expectAccessible(page: Page, state: string): Promise<void> {
  if (auditOff) return;
  // Check what a person sees once the page is still: colours measured halfway through a fade-in
  // (a dialog opening, a button's hover transition) are neither the design nor the result.
  // Endless ones (a spinner) are left alone: they never finish.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const report = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`);
  expect(report, `axe violations on ${state}`).toEqual([]);
}
