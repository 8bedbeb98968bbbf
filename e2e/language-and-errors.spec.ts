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

test('a Norwegian form explains a bad identity number and date in Norwegian, beside the fields', async ({ page }) => {
  const stamp = Date.now().toString(36);
  await page.goto('/app/balsfjord/cases');
  await logInAs(page, { municipality: /Balsfjord/, person: /Ingrid Johansen/ });
  await page.getByRole('link', { name: 'Ny sak' }).first().click();
  await page.getByLabel(/^Tittel/).fill(`Feilmeldinger ${stamp}`);
  await page.getByRole('button', { name: 'Opprett sak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Feilmeldinger ${stamp}` })).toBeVisible();

  await page.getByRole('link', { name: 'Registrer journalpost' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registrer journalpost' })).toBeVisible();
  // The date follows the page's language, not the browser's: Norwegian day.month.year.
  const documentDate = page.getByLabel(/^Dokumentdato/);
  await expect(documentDate).toHaveAttribute('type', 'text');
  await expect(documentDate).toHaveValue(/^\d{2}\.\d{2}\.\d{4}$/);
  await expect(page.getByText('Skriv datoen som dd.mm.åååå, for eksempel 01.03.2026.').first()).toBeVisible();
  // The file picker speaks the page's language too.
  await expect(page.getByRole('button', { name: /Dokument Velg fil Ingen fil er valgt/ })).toBeVisible();

  await page.getByLabel(/^Tittel/).fill(`Søknad ${stamp}`);
  await page.getByLabel(/^Navn/).fill('Kari Nordmann');
  // A fødselsnummer with a wrong first control digit.
  await page.getByLabel(/^Fødselsnummer/).fill('15076500575');
  await page.getByRole('button', { name: 'Registrer', exact: true }).click();

  const field = page.getByLabel(/^Fødselsnummer/);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const beside = page.locator(describedBy.split(/\s+/).filter(Boolean).map((id) => `[id="${id}"]`).join(', '));
  await expect(beside.filter({ hasText: 'Nummeret er ikke gyldig. Sjekk at sifrene er skrevet riktig.' })).toHaveCount(1);
  const summary = page.locator('ds-error-summary');
  await expect(summary).toContainText('Korrespondansepart 1, Fødselsnummer: Nummeret er ikke gyldig.');
  // No field path, no English from the server anywhere on the page.
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/correspondents\.\d|identityNumber|control digit|must |anyOf/);
  await expectAccessible(page, 'register entry form with a bad identity number');

  // A date that does not exist is caught before sending, in Norwegian, beside its field.
  await page.getByLabel(/^Fødselsnummer/).fill('');
  await documentDate.fill('30.02.2026');
  await page.getByRole('button', { name: 'Registrer', exact: true }).click();
  await expect(documentDate).toHaveAttribute('aria-invalid', 'true');
  await expect(summary).toContainText('Dokumentdato: Datoen finnes ikke eller er skrevet feil.');
});
