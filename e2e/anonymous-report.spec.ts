// SPDX-License-Identifier: EUPL-1.2
// Anyone reports a hole in the road without logging in (issue 9 §1, a form of login level `none`):
// the form opens without the login page, no draft is kept, the e-mail address for the receipt is
// asked for, the report is filed as a case and the receipt page shows its number; the receipt mail
// reaches the address. A form that needs a login still asks for it first. axe on every page.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { openMailTo } from './mail.ts';

interface Service { id: string; key: string; loginLevel?: string }

test('a resident reports a problem on the road without logging in and gets the receipt by e-mail', async ({ page, request }) => {
  test.setTimeout(120_000);
  const services = (await (await request.get('/api/v1/balsfjord/services')).json()) as { items: Service[] };
  const report = services.items.find((s) => s.loginLevel === 'none');
  const building = services.items.find((s) => s.loginLevel === 'high');
  expect(report, 'the demo has a form of login level none').toBeTruthy();
  const email = `hull-${Date.now()}@example.no`;

  // A form that needs a login shows the login page, not the form.
  await page.goto(`/app/balsfjord/services/${building!.id}`);
  await expect(page.getByRole('link', { name: /Balsfjord/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Byggesøknad' })).toHaveCount(0);

  await page.goto(`/app/balsfjord/services/${report!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Meld fra om feil på vei eller vann' })).toBeVisible();
  await expectAccessible(page, 'anonymous problem report, page 1');
  await page.getByLabel('Vei', { exact: true }).check();
  await page.getByLabel(/^Breddegrad/).fill('69.24');
  await page.getByLabel(/^Lengdegrad/).fill('19.34');
  await page.getByLabel(/^Beskrivelse/).fill('Dypt hull i veien ved skolen.');
  // Nobody to keep a draft for: nothing says it was saved.
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet er lagret' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Neste' }).click();

  // A malformed address comes back beside its field, and nothing is filed.
  await page.getByLabel(/^E-postadressen din/).fill('ikke-en-adresse');
  await page.getByRole('button', { name: 'Send inn' }).click();
  await expect(page.locator('ds-error-summary')).toBeVisible();
  await expect(page.getByLabel(/^E-postadressen din/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'anonymous problem report, a refused address');

  await page.getByLabel(/^E-postadressen din/).fill(email);
  await page.getByRole('button', { name: 'Send inn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kvittering' })).toBeVisible();
  const caseNumber = (await page.getByTestId('case-number').innerText()).trim();
  expect(caseNumber).toMatch(/^\d{4}\/\d+$/);
  // The receipt PDF needs a login to fetch: without one it is in the mail only.
  await expect(page.getByRole('link', { name: /Last ned kvitteringen/ })).toHaveCount(0);
  await expectAccessible(page, 'anonymous receipt');

  await openMailTo(page, email);
  await expect(page.locator('body')).toContainText(caseNumber);
});
