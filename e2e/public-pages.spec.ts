// SPDX-License-Identifier: EUPL-1.2
// The public pages in a real browser: the list of municipalities, a Norwegian and a Swedish front
// page, at phone and desktop widths, with axe; the language switch; the 404 page; the bundled
// font; and all of it with JavaScript turned off.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';

const widths = [
  { name: 'phone', viewport: { width: 375, height: 667 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
];

/** The text is drawn in Inter from our own server, not a fallback such as Arial. */
async function expectInter(page: Page) {
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((font) => font.family.replaceAll('"', '') === 'Inter' && font.status === 'loaded').length;
  });
  expect(loaded).toBeGreaterThan(0);
}

for (const { name, viewport } of widths) {
  test.describe(`at ${name} width`, () => {
    test.use({ viewport });

    test('the list of municipalities', async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveTitle('Kommuner – Rådhus');
      await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
      await expect(page.getByRole('heading', { level: 1, name: 'Kommuner' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Balsfjord kommune' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Eksjö kommun' })).toBeVisible();
      await expectInter(page);
      await expectAccessible(page, `/ at ${name} width`);
      await page.screenshot({ path: `test-results/public-pages/home-${name}.png`, fullPage: true });
    });

    test('a Norwegian municipality', async ({ page }) => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Balsfjord kommune' }).click();
      await expect(page).toHaveURL(/\/balsfjord$/);
      await expect(page).toHaveTitle('Balsfjord kommune – Rådhus');
      await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
      await expect(page.getByRole('heading', { level: 1, name: 'Balsfjord kommune' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Sist i offentlig journal' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Logg inn i saksbehandlingen' }).first()).toHaveAttribute('href', '/app/balsfjord/');
      await expectAccessible(page, `/balsfjord at ${name} width`);
      await page.screenshot({ path: `test-results/public-pages/balsfjord-${name}.png`, fullPage: true });
    });

    test('a Swedish municipality', async ({ page }) => {
      await page.goto('/eksjo');
      await expect(page).toHaveTitle('Eksjö kommun – Rådhus');
      await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
      await expect(page.getByRole('heading', { level: 2, name: 'Senast i diariet' })).toBeVisible();
      await expectAccessible(page, `/eksjo at ${name} width`);
      await page.screenshot({ path: `test-results/public-pages/eksjo-${name}.png`, fullPage: true });
    });

    test('the 404 page', async ({ page }) => {
      const response = await page.goto('/eksjo/finns-inte');
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
      await expect(page.getByRole('heading', { level: 1, name: 'Sidan hittades inte' })).toBeVisible();
      await expectAccessible(page, `404 at ${name} width`);
      await page.getByRole('link', { name: 'Gå till översikten över kommuner' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });
  });
}

test('the language switch changes the page and is remembered on the next pages', async ({ page }) => {
  await page.goto('/balsfjord');
  await page.getByRole('navigation', { name: 'Velg språk' }).getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Latest in the public journal' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'true');
  await expectAccessible(page, '/balsfjord in English');

  await page.goto('/eksjo');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Municipalities' })).toBeVisible();

  await page.getByRole('link', { name: 'Norsk nynorsk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kommunar' })).toBeVisible();
  await page.goto('/no-such-place');
  await expect(page.getByRole('heading', { level: 1, name: 'Fann ikkje sida' })).toBeVisible();
});

test('the skip link leads to the main content', async ({ page }) => {
  await page.goto('/balsfjord');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hopp til hovedinnholdet' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every page works and the language switch too', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Kommuner' })).toBeVisible();
    await page.getByRole('link', { name: 'Eksjö kommun' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Eksjö kommun' })).toBeVisible();
    // The demo's letters are published by the journal projection: the latest of them are listed.
    await expect(page.getByRole('heading', { level: 2, name: 'Senast i diariet' })).toBeVisible();
    await page.getByRole('link', { name: 'Norsk bokmål' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(page.getByRole('heading', { level: 2, name: 'Sist i offentlig journal' })).toBeVisible();
    await page.goto('/balsfjord');
    await expect(page.getByRole('heading', { level: 2, name: 'Sist i offentlig journal' })).toBeVisible();
  });
});
