// SPDX-License-Identifier: EUPL-1.2
// The service catalogue (issue 9 §1) in a real browser: Balsfjord's own forms and the forms Eksjö
// adopted from it, searched with the plain GET form, at phone and desktop widths, with axe.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';

const widths = [
  { name: 'phone', viewport: { width: 375, height: 667 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
];

for (const { name, viewport } of widths) {
  test.describe(`at ${name} width`, () => {
    test.use({ viewport });

    test('Balsfjord’s services, searched', async ({ page }) => {
      await page.goto('/balsfjord/tjenester?lang=nb');
      await expect(page).toHaveTitle('Tjenester – Balsfjord kommune');
      await expect(page.getByRole('heading', { level: 1, name: 'Tjenester' })).toBeVisible();
      // The internal forms (deviation report, survey) are for employees, not in the public catalogue.
      await expect(page.getByRole('heading', { level: 2 })).toHaveCount(3);
      await expect(page.getByRole('heading', { level: 2, name: 'Byggesøknad' })).toBeVisible();
      await expectAccessible(page, `/balsfjord/tjenester at ${name} width`);
      await page.getByLabel('Søk etter tjeneste').fill('barnehage');
      await page.getByRole('button', { name: 'Søk' }).click();
      await expect(page).toHaveURL(/q=barnehage/);
      await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Søknad om barnehageplass']);
      await expectAccessible(page, `/balsfjord/tjenester?q=barnehage at ${name} width`);
    });

    test('Eksjö’s adopted services in Swedish', async ({ page }) => {
      await page.goto('/eksjo/tjenester');
      await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
      await expect(page.getByRole('heading', { level: 2, name: 'Ansökan om förskoleplats' })).toBeVisible();
      await expectAccessible(page, `/eksjo/tjenester at ${name} width`);
    });
  });
}
