// SPDX-License-Identifier: EUPL-1.2
// The case officer's consultations on the case view (issue 11 §2), through the UI: the demo
// consultation of Balsfjord with its filed comment, a new consultation opened on the same case (the
// empty form first, for the API's field errors), and its public page. axe checks every state.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';

test('a case officer sees a consultation’s comments on the case view and opens another one', async ({ page }) => {
  await page.goto('/app/');
  await logInAs(page, { municipality: /Balsfjord/, person: /Ingrid Johansen/ });
  // The demo consultation's case (the demo opens one in each municipality).
  const staff = await page.request.get('/api/v1/balsfjord/consultations/staff');
  expect(staff.ok()).toBe(true);
  const demo = (await staff.json()).items[0] as { caseFileId: string; title: string };
  await page.goto(`/app/balsfjord/cases/${demo.caseFileId}`);

  const section = page.getByRole('region', { name: 'Offentlige høringer' });
  await expect(section.getByRole('heading', { level: 3, name: demo.title })).toBeVisible();
  await expect(section.getByText('Åpen', { exact: true })).toBeVisible();
  await expect(section.getByText('Uttalelser publisert')).toBeVisible();
  await section.getByText('Uttalelser (1)').click();
  await expect(section.getByText('Kari Nordmann, Velforeningen i sentrum')).toBeVisible();
  await expectAccessible(page, 'case view with a consultation and its comments');

  await section.getByText('Send saken på offentlig høring').click();
  await section.getByRole('button', { name: 'Start høringen' }).click();
  const summary = page.locator('ds-error-summary');
  await expect(summary).toBeVisible();
  await expect(page.getByLabel(/^Tittel/).last()).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the consultation form with errors');

  const title = `Høring om parkering ${Date.now().toString(36)}`;
  await page.getByLabel(/^Tittel/).last().fill(title);
  await page.getByLabel(/^Beskrivelse/).fill('Kommunen ber om innspill til nye parkeringsregler.');
  const inAMonth = new Date(Date.now() + 30 * 86_400_000);
  await page.getByLabel(/^Frist/).fill(`${inAMonth.getDate()}.${inAMonth.getMonth() + 1}.${inAMonth.getFullYear()}`);
  await section.getByRole('checkbox').first().check();
  await section.getByRole('button', { name: 'Start høringen' }).click();
  await expect(section.getByRole('heading', { level: 3, name: title })).toBeVisible();
  await expect(section.getByText('0 journalført, 0 venter på bekreftelse på e-post').first()).toBeVisible();
  await expectAccessible(page, 'case view with the new consultation');

  await section.getByRole('link', { name: 'Den offentlige siden for høringen' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'the public consultation page');
});
