// SPDX-License-Identifier: EUPL-1.2
// Opens the newest mail to an address in the demo server's mailbox (/dev/mailbox). A mail is sent by
// the job runner a moment after the request that scheduled it (it polls about once a second), so
// the page is loaded again until the mail is there; the mailbox page itself does not refresh.
import { expect, type Page } from '@playwright/test';

export async function openMailTo(page: Page, address: string, timeout = 30_000): Promise<void> {
  const row = page.locator('tr').filter({ hasText: address });
  await expect(async () => {
    await page.goto('/dev/mailbox');
    await expect(row).not.toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout });
  await row.getByRole('link').first().click();
}
