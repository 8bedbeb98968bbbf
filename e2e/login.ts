// SPDX-License-Identifier: EUPL-1.2
// Logs in through the real flow: the workspace's login button, the demo identity provider's page
// (checked with axe too), and back.
import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';

export async function logInAs(page: Page, options: { municipality: RegExp; person: RegExp; checkAxe?: boolean }): Promise<void> {
  await page.getByRole('link', { name: options.municipality }).click();
  await expect(page).toHaveURL(/\/demo-idp\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  if (options.checkAxe) await expectAccessible(page, 'demo identity provider login page');
  await page.getByLabel(options.person).check();
  await page.getByRole('button', { name: /Logg inn|Log in|Logga in/ }).click();
  await expect(page).toHaveURL(/\/app\//);
}
