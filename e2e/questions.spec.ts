// SPDX-License-Identifier: EUPL-1.2
// Questions to politicians end to end (issue 11 §2): the public list and a question (unanswered
// ones with their age), filtered without JavaScript; Balsfjord's demo citizen asks a politician (an
// empty form first: the error summary), sees it under "My questions"; the demo politician answers a
// waiting question from "Questions to me", and the answer is on the public page. axe on every page.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';

test('a citizen asks, a politician answers, the public reads both', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);

  // The public pages: the list with the demo's questions, a filter, one question.
  // The demo is seeded at the server's first start and projected by the event dispatcher: wait for it.
  await expect(async () => {
    await page.goto('/balsfjord/deltakelse/sporsmal');
    await expect(page.getByText('Stilt for 12 dager siden, ikke besvart')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Spørsmål til politikerne' })).toBeVisible();
  await expectAccessible(page, 'public question list');
  await page.getByLabel('Status').selectOption('unanswered');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/status=unanswered/);
  await expect(page.getByText('Ja. Vi vil foreslå at helgeåpent videreføres')).toHaveCount(0);
  await expectAccessible(page, 'public question list, unanswered');
  await page.getByRole('link', { name: /^Til / }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Spørsmål til / })).toBeVisible();
  await expectAccessible(page, 'public question page');

  // The citizen asks: an empty form is refused with every field named, then the question is sent.
  await page.goto('/app/');
  await logInAs(page, { municipality: /Balsfjord/, person: /Sigrid Pedersen/ });
  await page.getByRole('main').getByRole('link', { name: 'Spør en politiker' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Spør en politiker' })).toBeVisible();
  await expectAccessible(page, 'ask a politician');
  await page.getByRole('button', { name: 'Send spørsmålet' }).click();
  await expect(page.getByText('Rett opp dette før du går videre')).toBeVisible();
  await expectAccessible(page, 'ask a politician, refused');
  await page.getByLabel('Hvem spør du?').selectOption({ index: 1 });
  await page.getByLabel('Spørsmålet ditt').fill(`Når åpner den nye gapahuken ved Storvatnet? (${stamp})`);
  await page.getByRole('button', { name: 'Send spørsmålet' }).click();
  await expect(page.getByText(/Spørsmålet ditt til .+ er sendt og publisert\./)).toBeVisible();
  await expect(page.getByText(`Når åpner den nye gapahuken ved Storvatnet? (${stamp})`)).toBeVisible();
  await expectAccessible(page, 'ask a politician, sent');

  // The politician answers the oldest waiting question to her.
  const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1024, height: 768 } });
  const politician = await context.newPage();
  await politician.goto('/app/');
  await logInAs(politician, { municipality: /Balsfjord/, person: /Marit Nilsen/ });
  await politician.getByRole('main').getByRole('link', { name: 'Spørsmål til meg' }).click();
  await expect(politician.getByRole('heading', { level: 1, name: 'Spørsmål til meg' })).toBeVisible();
  const waiting = politician.locator('.ds-card').filter({ hasText: 'fastleger' });
  await expect(waiting).toBeVisible();
  await expectAccessible(politician, 'questions to me');
  await waiting.getByLabel('Svaret ditt').fill(`Vi har innført rekrutteringstilskudd (${stamp}).`);
  await waiting.getByRole('button', { name: 'Publiser svaret' }).click();
  await expect(politician.getByText('Svaret ditt er publisert.')).toBeVisible();
  await expectAccessible(politician, 'questions to me, answered');
  await context.close();

  // The public page shows the answer (the projection follows the event).
  await expect(async () => {
    await page.goto('/balsfjord/deltakelse/sporsmal?status=answered');
    await expect(page.getByText(`Vi har innført rekrutteringstilskudd (${stamp}).`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(page, 'public question list, answered');
});
