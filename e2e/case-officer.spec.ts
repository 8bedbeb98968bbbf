// SPDX-License-Identifier: EUPL-1.2
// The case officer's day, through the UI only: log in via the demo identity provider as a case
// officer of Balsfjord, open a case, register an incoming letter with its PDF, answer it with an
// outgoing letter that follows it up, and close the case. axe checks every page and state.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';
import { minimalPdf } from './minimal-pdf.ts';

test('a case officer opens a case, registers a letter with a PDF, replies and closes the case', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const caseTitle = `Dispensasjon fra byggegrense, gnr. 12 bnr. ${stamp}`;
  const pdf = minimalPdf(`Soknad ${stamp}`);

  await page.goto('/app/');
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn i Rådhus' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expectAccessible(page, 'login page');

  await logInAs(page, { municipality: /Balsfjord/, person: /Ingrid Johansen/, checkAxe: true });
  // The start page first (e2e/case-officer-day.spec.ts looks at it closely), then the case list.
  await expect(page).toHaveURL(/\/app\/balsfjord$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Velkommen, Ingrid Johansen' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Saker' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saker' })).toBeVisible();
  await expectAccessible(page, 'case list');

  // Open a case; the empty form first, to see the API's field errors in the error summary.
  await page.getByRole('link', { name: 'Ny sak' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny sak' })).toBeVisible();
  await expectAccessible(page, 'new case form');
  await page.getByRole('button', { name: 'Opprett sak' }).click();
  const summary = page.locator('ds-error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page.getByLabel(/^Tittel/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'new case form with errors');
  await summary.getByRole('link').first().click();
  await expect(page.getByLabel(/^Tittel/)).toBeFocused();
  await page.getByLabel(/^Tittel/).fill(caseTitle);
  // Unit and officer come from lists; the officer is the one opening the case unless another is chosen.
  await page.getByLabel(/^Ansvarlig enhet/).selectOption({ label: 'Byggesak og oppmåling' });
  await expect(page.getByLabel(/^Saksansvarlig/)).toHaveValue('');
  await page.getByRole('button', { name: 'Opprett sak' }).click();

  await expect(page.getByRole('heading', { level: 1, name: caseTitle })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Sak \d{4}\/\d+ er opprettet/ })).toBeVisible();
  await expect(page.getByText('Under behandling').first()).toBeVisible();
  const caseUrl = page.url();
  await expect(page.locator('.details-list')).toContainText('Byggesak og oppmåling');
  await expect(page.locator('.details-list')).toContainText('Ingrid Johansen');
  await expectAccessible(page, 'case view, new case');

  // Register the incoming application with its PDF.
  await page.getByRole('link', { name: 'Registrer journalpost' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registrer journalpost' })).toBeVisible();
  await expectAccessible(page, 'register entry form');
  await expect(page.getByLabel('Type')).toHaveValue('incoming');
  await page.getByLabel(/^Tittel/).fill(`Søknad fra Kari Nordmann, ref. ${stamp}`);
  await page.getByLabel(/^Navn/).fill('Kari Nordmann');
  await page.getByLabel(/^Adresse/).fill('Storgata 1');
  // The file picker is a button in the page's language that opens the browser's chooser.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Dokument Velg fil/ }).click();
  await (await chooser).setFiles({ name: `soknad-${stamp}.pdf`, mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByText(`Valgt: soknad-${stamp}.pdf`)).toBeVisible();
  await page.getByRole('button', { name: 'Registrer', exact: true }).click();

  await expect(page).toHaveURL(caseUrl);
  await expect(page.getByRole('status').filter({ hasText: /Journalpost \d{4}\/\d+ er registrert/ })).toBeVisible();
  const incoming = page.locator('.entry-card').filter({ hasText: `Søknad fra Kari Nordmann, ref. ${stamp}` });
  await expect(incoming.getByText('Inngående brev')).toBeVisible();
  await expect(incoming.getByText('Venter på avskrivning')).toBeVisible();
  await expect(incoming.getByText('Kari Nordmann', { exact: true })).toBeVisible();
  const download = incoming.getByRole('link', { name: /Last ned/ });
  await expect(download).toBeVisible();
  const stored = await page.request.get((await download.getAttribute('href'))!);
  expect(stored.status()).toBe(200);
  expect(Buffer.from(await stored.body()).equals(pdf)).toBe(true);
  await expectAccessible(page, 'case view with incoming letter');

  // Reply with an outgoing letter that follows the incoming one up.
  await incoming.getByRole('link', { name: 'Svar med utgående brev' }).click();
  await expect(page.getByText(/Dette svaret avskriver \d{4}\/\d+/)).toBeVisible();
  await expect(page.getByLabel('Type')).toHaveValue('outgoing');
  await expect(page.getByLabel(/^Navn/)).toHaveValue('Kari Nordmann');
  await expectAccessible(page, 'reply form');
  await page.getByLabel(/^Tittel/).fill(`Vedtak om dispensasjon, ref. ${stamp}`);
  await page.getByRole('button', { name: 'Registrer', exact: true }).click();

  await expect(page).toHaveURL(caseUrl);
  const reply = page.locator('.entry-card').filter({ hasText: `Vedtak om dispensasjon, ref. ${stamp}` });
  await expect(reply.getByText('Utgående brev')).toBeVisible();
  await expect(incoming.getByText('Venter på avskrivning')).toHaveCount(0);
  await expect(incoming.getByText(/Besvart med brev/)).toBeVisible();
  await expectAccessible(page, 'case view after reply');

  // The entry page of the incoming letter shows the follow-up too.
  await incoming.getByRole('link', { name: `Søknad fra Kari Nordmann, ref. ${stamp}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Søknad fra Kari Nordmann, ref. ${stamp}` })).toBeVisible();
  await expect(page.getByText(/Besvart med brev/)).toBeVisible();
  await expectAccessible(page, 'entry view');
  await page.goBack();

  // Screen the property reference in the case's public title.
  await page.getByRole('link', { name: 'Skjerming' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Skjerming av sak/ })).toBeVisible();
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.locator('ds-error-summary')).toBeFocused();
  await expectAccessible(page, 'screening form with errors');
  await page.getByLabel(/^Skjermingshjemmel/).fill('Offl. § 13 jf. fvl. § 13 første ledd nr. 1');
  await page.getByLabel(/^Ord i tittelen/).fill(`bnr. ${stamp}`);
  await expect(page.getByText('Offentlig tittel: Dispensasjon fra byggegrense, gnr. 12 *****')).toBeVisible();
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Skjermingen er lagret.' })).toBeVisible();
  await expect(page.locator('.case-head').getByText('Skjermet')).toBeVisible();
  await expect(page.locator('.details-list')).toContainText('Dispensasjon fra byggegrense, gnr. 12 *****');

  // Close the case.
  await page.getByRole('button', { name: 'Avslutt sak' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'close case dialog');
  await dialog.getByRole('button', { name: 'Avslutt sak' }).click();
  await expect(page.getByRole('status').filter({ hasText: /er avsluttet/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Registrer journalpost' })).toHaveCount(0);
  await expect(page.locator('.case-head').getByText(/Avsluttet/)).toBeVisible();
  await expectAccessible(page, 'closed case');
});
