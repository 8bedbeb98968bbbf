// SPDX-License-Identifier: EUPL-1.2
// The tenant administrator's pages, through the UI only: log in as Balsfjord's tenant
// administrator, grant a role to someone before their first login and withdraw it, add a hidden
// sub-unit and close it, add a member to a unit and remove them, create a system token with an
// expiry (shown once) and revoke it. axe checks every page and state.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';

test('a tenant administrator keeps users and roles, units and system tokens', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const email = `ny.saksbehandler.${stamp}@balsfjord.kommune.no`;

  await page.goto('/app/');
  await logInAs(page, { municipality: /Balsfjord/, person: /Kristoffer Berg/ });
  // Without an archive role the administrator starts on the administration pages.
  await expect(page).toHaveURL(/\/app\/balsfjord\/admin\/users$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Brukere og roller' })).toBeVisible();
  const people = page.getByRole('table');
  await expect(people.getByRole('row').filter({ hasText: 'Kristoffer Berg' })).toContainText('Kommuneadministrator');
  await expectAccessible(page, 'users and roles');

  // A grant without an address is refused field by field.
  await page.getByRole('button', { name: 'Tildel rolle' }).click();
  const summary = page.locator('ds-error-summary');
  await expect(summary).toBeFocused();
  await expectAccessible(page, 'grant form with errors');

  await page.getByLabel(/^E-post/).fill(email);
  await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Saksbehandler' });
  await page.getByRole('button', { name: 'Tildel rolle' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rollen Saksbehandler er tildelt og venter på første innlogging.' })).toBeVisible();
  const pending = people.getByRole('row').filter({ hasText: email });
  await expect(pending).toContainText('Venter på første innlogging');
  await expectAccessible(page, 'users with a pending grant');
  await pending.getByRole('button', { name: `Trekk tilbake Saksbehandler fra ${email}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Rollen Saksbehandler er trukket tilbake fra ${email}.` })).toBeVisible();
  await expect(people.getByRole('row').filter({ hasText: email })).toHaveCount(0);

  // Units: the demo's units are there; add a hidden sub-unit and close it.
  await page.getByRole('link', { name: 'Administrative enheter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administrative enheter' })).toBeVisible();
  const unitsTable = page.getByRole('table', { name: 'Administrative enheter i Balsfjord kommune' });
  await expect(unitsTable).toContainText('Byggesak og oppmåling');
  await expectAccessible(page, 'units');
  const code = `BV${stamp.slice(-4)}`.toUpperCase();
  await page.getByLabel(/^Kode/).fill(code);
  await page.getByLabel(/^Navn/).fill(`Barnevern ${stamp}`);
  await page.getByLabel('Del av').selectOption({ label: 'Oppvekst' });
  await page.getByLabel('Skjult for offentligheten').check();
  await page.getByRole('button', { name: 'Legg til enhet' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Barnevern ${stamp} er lagret.` })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: `Barnevern ${stamp}` });
  await expect(row).toContainText('Skjult');
  await expect(row).toContainText('Oppvekst');
  await expectAccessible(page, 'units with a new unit');
  // The same code again is refused, naming the field.
  await page.getByLabel(/^Kode/).fill(code);
  await page.getByLabel(/^Navn/).fill('Again');
  await page.getByRole('button', { name: 'Legg til enhet' }).click();
  await expect(summary).toBeFocused();
  await expect(page.getByLabel(/^Kode/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'unit form with errors');
  await row.getByRole('button', { name: `Avslutt Barnevern ${stamp}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Barnevern ${stamp} er avsluttet.` })).toBeVisible();
  await expect(row).toContainText('Avsluttet');

  // Unit members: the demo's case officer is in her stories' units; add the administrator to a
  // unit (refused field by field without a choice) and take him out again.
  const members = page.getByRole('table', { name: 'Medlemmer av de administrative enhetene i Balsfjord kommune' });
  await expect(members).toContainText('Ingrid Johansen');
  await page.getByRole('button', { name: 'Legg til medlem' }).click();
  const memberSummary = page.locator('ds-error-summary').last();
  await expect(memberSummary).toBeFocused();
  await expect(page.getByLabel('Person', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'unit member form with errors');
  await page.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Byggesak og oppmåling' });
  await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Kristoffer Berg' });
  await page.getByRole('button', { name: 'Legg til medlem' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kristoffer Berg er nå medlem av Byggesak og oppmåling.' })).toBeVisible();
  await expectAccessible(page, 'units with a new member');
  await members.getByRole('button', { name: 'Fjern Kristoffer Berg fra Byggesak og oppmåling' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kristoffer Berg er ikke lenger medlem av Byggesak og oppmåling.' })).toBeVisible();
  await expect(members.getByRole('row').filter({ hasText: 'Kristoffer Berg' })).toHaveCount(0);

  // System tokens: created with an expiry, shown once, revoked.
  await page.getByRole('link', { name: 'Systemnøkler' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Systemnøkler' })).toBeVisible();
  await expectAccessible(page, 'system tokens');
  await page.getByLabel(/^Hva den brukes til/).fill(`Byggesak ${stamp}`);
  await page.getByLabel(/^Utløper/).fill('2099-12-31');
  await page.getByRole('button', { name: 'Lag nøkkel' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Nøkkelen «Byggesak ${stamp}» er laget.` })).toBeVisible();
  await expect(page.locator('.token-once')).toHaveText(/^rdh_[A-Za-z0-9_-]{43}$/);
  const tokenRow = page.getByRole('row').filter({ hasText: `Byggesak ${stamp}` });
  await expect(tokenRow).toContainText('2099-12-31');
  await expect(tokenRow).toContainText('system');
  await expectAccessible(page, 'system tokens with a new token');
  await tokenRow.getByRole('button', { name: `Trekk tilbake Byggesak ${stamp}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Byggesak ${stamp} er trukket tilbake.` })).toBeVisible();
  await expect(page.locator('.token-once')).toHaveCount(0);
  await expect(tokenRow).toContainText('Trukket tilbake');
});
