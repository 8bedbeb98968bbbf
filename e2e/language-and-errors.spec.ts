// SPDX-License-Identifier: EUPL-1.2
// The municipality's language is the default, the person's own choice wins and is remembered, and
// error states are as accessible as the rest.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';

test('the login page speaks the language of the municipality in the address', async ({ page }) => {
  await page.goto('/app/eksjo/cases');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in i Rådhus' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expectAccessible(page, 'login page in Swedish');
});

test('a case officer switches language, and the choice is remembered', async ({ page }) => {
  await page.goto('/app/balsfjord/cases');
  await logInAs(page, { municipality: /Balsfjord/, person: /Ingrid Johansen/ });
  await expect(page.getByRole('heading', { level: 1, name: 'Saker' })).toBeVisible();

  await page.getByLabel('Språk').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, 'case list in English');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();

  await page.getByLabel('Language').selectOption('nn');
  // "Ny sak" is the same in bokmål; the participle is not.
  await expect(page.getByText(/^Logga inn som /)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ny sak' }).first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await page.getByLabel('Språk').selectOption('sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Ärenden' })).toBeVisible();
  await expectAccessible(page, 'case list in Swedish');
});

test('missing cases and unknown addresses show an accessible error state', async ({ page }) => {
  await page.goto('/app/balsfjord/cases');
  await logInAs(page, { municipality: /Balsfjord/, person: /Ingrid Johansen/ });
  await page.goto('/app/balsfjord/cases/01900000-0000-7000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeVisible();
  await expectAccessible(page, 'case not found');
  await page.goto('/app/balsfjord/no-such-screen');
  await expect(page.getByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeVisible();
  await expectAccessible(page, 'unknown address');
});

test('the case list can be searched and used with the keyboard alone', async ({ page }) => {
  await page.goto('/app/balsfjord/cases');
  await logInAs(page, { municipality: /Balsfjord/, person: /Ingrid Johansen/ });
  await expect(page.getByRole('heading', { level: 1, name: 'Saker' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Hopp til hovedinnholdet' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.getByLabel('Søk i saker').focus();
  await page.keyboard.type('finnes-ikke-zzz');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=finnes-ikke-zzz/);
  await expect(page.getByText('Ingen saker passer med søket.')).toBeVisible();
  await expectAccessible(page, 'case list with no results');
});

test('a case officer working for two municipalities picks one', async ({ page }) => {
  await page.goto('/app/');
  await logInAs(page, { municipality: /Eksjö/, person: /Kerstin Lundgren/ });
  await expect(page.getByRole('heading', { level: 1, name: 'Velg kommune' })).toBeVisible();
  await expectAccessible(page, 'municipality picker');
  await page.getByRole('link', { name: 'Nässjö kommun' }).click();
  await expect(page).toHaveURL(/\/app\/nassjo$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Kerstin Lundgren' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('link', { name: 'Byt kommun' })).toBeVisible();
});
