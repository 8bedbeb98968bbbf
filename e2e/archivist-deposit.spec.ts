// SPDX-License-Identifier: EUPL-1.2
// The archivist's deposit, through the UI only (issue 8 §5): Balsfjord's archivist closes the
// period of the active series with a sharp separation (the successor opens), exports the archive as
// Noark 5 in the background, watches its progress on the job's page, starts a verification of the
// package and reads a passing report per check. axe checks every page and state.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';

test('an archivist closes a period, exports it, watches the progress and reads a passing verification', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/app/');
  await logInAs(page, { municipality: /Balsfjord/, person: /Terje Olsen/ });
  await expect(page).toHaveURL(/\/app\/balsfjord$/);
  await expectAccessible(page, "the archivist's start page");

  await page.getByRole('link', { name: 'Gå til avlevering' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avlevering til arkivdepot' })).toBeVisible();
  const series = page.getByRole('table', { name: 'Arkivdeler i Balsfjord kommune' });
  const active = series.getByRole('row').filter({ hasText: 'Aktiv' });
  await expect(active).toHaveCount(1);
  await expectAccessible(page, 'the deposit page');

  // Close the period: the form explains both separations; the sharp one moves open case files on.
  const title = (await active.getByRole('cell').first().textContent())!.trim();
  await active.getByRole('button', { name: `Avslutt perioden for ${title}` }).click();
  const form = page.getByRole('form', { name: `Avslutt perioden for ${title}` });
  await expect(form.getByRole('radio', { name: /Skarpt skille/ })).toBeChecked();
  await expectAccessible(page, 'the close-period form');
  const successor = `Sakarkiv fra ${Date.now().toString(36)}`;
  await form.getByLabel(/^Tittel på den nye arkivdelen/).fill(successor);
  await form.getByRole('button', { name: 'Avslutt perioden og åpne ny arkivdel' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${title} er avsluttet og ${successor} er åpnet` })).toBeVisible();
  await expect(series.getByRole('row').filter({ hasText: 'Avsluttet' })).toHaveCount(1);
  await expect(series.getByRole('row').filter({ hasText: successor })).toContainText('Aktiv');
  await expectAccessible(page, 'the deposit page after closing a period');

  // Export the closed period as Noark 5 (the closed series is chosen already): the job's own page
  // shows it waiting or running, then finished.
  await expect(page.getByRole('radio', { name: /Noark 5/ })).toBeChecked();
  await expect(page.getByLabel('Arkivdel', { exact: true }).locator('option:checked')).toHaveText(new RegExp(`^${title} \\(01\\.01\\.`));
  await page.getByRole('button', { name: 'Start uttrekket' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uttrekk (Noark 5)' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Uttrekket er startet' })).toBeVisible();
  const progress = page.getByRole('status').filter({ hasText: /Venter på å starte|per sekund/ });
  const finished = page.getByText('Ferdig', { exact: true });
  await expect(progress.or(finished).first()).toBeVisible();
  if (await progress.isVisible()) await expectAccessible(page, 'an export in progress');
  await expect(finished).toBeVisible({ timeout: 180_000 });
  await expect(page.getByRole('heading', { name: 'Pakken' })).toBeVisible();
  await expect(page.getByText('Saksmapper (mappe)')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Last ned pakken (tar)' })).toHaveAttribute('href', /\/api\/v1\/balsfjord\/deposit-jobs\/[0-9a-f-]+\/package$/);
  await expectAccessible(page, 'a finished export');

  // Verify the package and read the report: every check passed, the known deviation explained.
  await page.getByRole('button', { name: 'Test pakken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Test av pakke (Noark 5)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Rapport per test' })).toBeVisible({ timeout: 180_000 });
  await expect(page.getByText(/Pakken besto alle \d+ tester som gjelder/)).toBeVisible();
  const checks = page.getByRole('list', { name: 'Rapport per test' });
  await expect(checks.getByText('bestått', { exact: true }).first()).toBeVisible();
  await expect(checks.getByText('AVVIK', { exact: true })).toHaveCount(0);
  await expect(checks.getByRole('listitem').filter({ hasText: 'N5.29' }).first()).toContainText('kjent avvik');
  await expectAccessible(page, 'a passing verification report');

  // The deposit page lists both jobs.
  await page.getByRole('link', { name: 'Tilbake til avlevering' }).click();
  const jobs = page.getByRole('list', { name: 'Uttrekk og tester' });
  await expect(jobs.getByRole('listitem')).toHaveCount(2);
  await expect(jobs.getByRole('listitem').filter({ hasText: 'Test av pakke' })).toContainText('Bestått');
  await expectAccessible(page, 'the deposit page with its jobs');
});
