// SPDX-License-Identifier: EUPL-1.2
// The case officer's day and everyone else's first screen: a start page per role (a politician or
// resident once got "Something went wrong" with a retry button here, from the archive's 403), the
// work lists with their counts, sorting and document numbers, and closing a case that still has
// unanswered letters. axe checks every page and state.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';

async function startAs(page: Page, person: RegExp) {
  await page.goto('/app/');
  await logInAs(page, { municipality: /Balsfjord/, person });
  await expect(page).toHaveURL(/\/app\/balsfjord$/);
}

for (const { role, person, name, heading } of [
  { role: 'politician', person: /Marit Nilsen/, name: 'Marit Nilsen', heading: 'For politikere' },
  { role: 'citizen', person: /Sigrid Pedersen/, name: 'Sigrid Pedersen', heading: 'For innbyggere' },
]) {
  test(`a ${role} gets a start page for them, not an error`, async ({ page }) => {
    await startAs(page, person);
    await expect(page.getByRole('heading', { level: 1, name: `Velkommen, ${name}` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    await expect(page.getByText('Noe gikk galt')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Prøv igjen' })).toHaveCount(0);
    // Nothing in the menu leads into the archive they may not read.
    await expect(page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Saker' })).toHaveCount(0);
    await expect(page).toHaveTitle('Startside – Balsfjord kommune – Rådhus');
    await expectAccessible(page, `start page of a ${role}`);
    // An archive address typed by hand explains itself instead of failing.
    await page.goto('/app/balsfjord/cases');
    await expect(page.getByText('Saksarkivet er for saksbehandlere og arkivarer')).toBeVisible();
    await expect(page.getByText('Noe gikk galt')).toHaveCount(0);
    await expectAccessible(page, `archive address as a ${role}`);
  });
}

test('a tenant administrator lands on the administration, and their start page links it', async ({ page }) => {
  await page.goto('/app/');
  await logInAs(page, { municipality: /Balsfjord/, person: /Kristoffer Berg/ });
  // Administration is all this person does here, so that is where the login lands.
  await expect(page).toHaveURL(/\/app\/balsfjord\/admin\/users$/);
  await page.goto('/app/balsfjord');
  await expect(page.getByRole('heading', { level: 2, name: 'Administrasjon' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Gå til administrasjon' })).toHaveAttribute('href', '/app/balsfjord/admin/users');
  await expectAccessible(page, 'start page of a tenant administrator');
});

test('a case officer works through the lists and is told which letters keep a case open', async ({ page }) => {
  // Many pages, each checked with axe: more than the default minute on a busy machine.
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  await startAs(page, /Ingrid Johansen/);
  await expect(page.getByRole('heading', { level: 1, name: 'Velkommen, Ingrid Johansen' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Ditt arbeid' })).toBeVisible();
  await expectAccessible(page, 'start page of a case officer');

  // A case with two letters, one of them past its due date, made through the API as Ingrid.
  const session = await (await page.request.get('/api/v1/session')).json();
  const headers = { 'x-csrf-token': session.csrfToken };
  const created = await page.request.post('/api/v1/balsfjord/case-files', { headers, data: { title: `Oppmålingssak ${stamp}` } });
  expect(created.status()).toBe(201);
  const caseFile = await created.json();
  const sender = [{ name: 'Ola Nordmann', kind: 'person', role: 'sender' }];
  for (const [title, dueDate] of [[`Krav om oppmåling ${stamp}`, '2020-01-15'], [`Tilleggsopplysninger ${stamp}`, '2099-12-31']] as const) {
    const res = await page.request.post(`/api/v1/balsfjord/case-files/${caseFile.id}/registry-entries`, { headers, data: { type: 'incoming', title, dueDate, correspondents: sender } });
    expect(res.status()).toBe(201);
  }

  await page.reload();
  const overdueCard = page.locator('.work-card').filter({ has: page.getByRole('link', { name: 'Forfalte' }) });
  await expect(overdueCard.locator('.work-card__count')).not.toHaveText('0');
  await overdueCard.getByRole('link', { name: 'Forfalte' }).click();
  await expect(page).toHaveURL(/\/app\/balsfjord\/work\/overdue$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Forfalte' })).toBeVisible();
  await expect(page).toHaveTitle('Forfalte – Balsfjord kommune – Rådhus');
  const lateRow = page.getByRole('row').filter({ hasText: `Krav om oppmåling ${stamp}` });
  await expect(lateRow).toContainText(`${caseFile.caseNumber}-1`);
  await expect(lateRow).toContainText('Forfalt');
  await expect(page.getByRole('row').filter({ hasText: `Tilleggsopplysninger ${stamp}` })).toHaveCount(0);
  await expectAccessible(page, 'overdue work list');

  // Awaiting follow-up has both; a column heading sorts, and says how.
  await page.getByRole('navigation', { name: 'Arbeidslister' }).getByRole('link', { name: /^Restanser/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Restanser' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: stamp })).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: /\d+ journalposter/ })).toBeVisible();
  await page.getByRole('columnheader', { name: 'Tittel' }).getByRole('button').click();
  await expect(page).toHaveURL(/sort=title&order=asc/);
  await expect(page.getByRole('columnheader', { name: 'Tittel' })).toHaveAttribute('aria-sort', 'ascending');
  await expectAccessible(page, 'follow-up list sorted by title');

  // My cases lists the new case with its two unanswered letters.
  await page.getByRole('navigation', { name: 'Arbeidslister' }).getByRole('link', { name: /^Mine saker/ }).click();
  const caseRow = page.getByRole('row').filter({ hasText: `Oppmålingssak ${stamp}` });
  await expect(caseRow).toContainText(caseFile.caseNumber);
  await expectAccessible(page, 'my cases');

  // My unit's cases: the demo puts Ingrid into her stories' units, so all of them show by default.
  await page.getByRole('navigation', { name: 'Arbeidslister' }).getByRole('link', { name: /^Enhetens saker/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enhetens saker' })).toBeVisible();
  await expect(page.getByLabel('Enhet', { exact: true })).toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: /^[1-9]\d* saker$/ })).toBeVisible();
  await expect(page.getByRole('row')).not.toHaveCount(0);
  await expectAccessible(page, 'my unit’s cases');
  await page.getByRole('navigation', { name: 'Arbeidslister' }).getByRole('link', { name: /^Mine saker/ }).click();

  // The case view is one request: no request per registry entry (it once made one for each).
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/')) apiCalls.push(new URL(request.url()).pathname);
  });
  await caseRow.getByRole('link', { name: `Oppmålingssak ${stamp}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Oppmålingssak ${stamp}` })).toBeVisible();
  await expect(page.locator('.entry-card')).toHaveCount(2);
  await expect(page.locator('.entry-card').first()).toContainText('Ola Nordmann');
  // One request for the case, whatever its number of letters; the consultation section asks once
  // for the case's consultations (issue 11), not per letter.
  await expect.poll(() => [...apiCalls].sort()).toEqual([`/api/v1/balsfjord/case-files/${caseFile.id}`, '/api/v1/balsfjord/consultations/staff']);

  // Closing says which letters keep it open, and links them.
  await expect(page).toHaveTitle(`Sak ${caseFile.caseNumber} Oppmålingssak ${stamp} – Balsfjord kommune – Rådhus`);
  await page.getByRole('button', { name: 'Avslutt sak' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(`Sak ${caseFile.caseNumber} kan ikke avsluttes ennå: 2 journalposter venter på oppfølging`)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Avslutt sak' })).toHaveCount(0);
  await expectAccessible(page, 'close dialog with unanswered letters');
  await dialog.getByRole('link', { name: `${caseFile.caseNumber}-1 Krav om oppmåling ${stamp}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Krav om oppmåling ${stamp}` })).toBeVisible();
});
