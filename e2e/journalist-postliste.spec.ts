// SPDX-License-Identifier: EUPL-1.2
// Issue 7's journey in the browser, from the public journal itself: a journalist searches the
// postliste, opens the entry, asks for access with the form on the entry page (no login), confirms
// from the mail; the case officer grants it in the queue; the journalist downloads the document.
// axe checks every public page on the way.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';
import { minimalPdf } from './minimal-pdf.ts';

test('a journalist finds a letter in the postliste, asks for it there, and gets the document', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const word = `tilbygg${stamp}`;
  const pdf = minimalPdf(`Tilbygg ${stamp}`);

  // The case officer registers a letter with its PDF in her unit (through the API, as herself).
  await page.goto('/app/');
  await logInAs(page, { municipality: /Balsfjord/, person: /Ingrid Johansen/ });
  await expect(page).toHaveURL(/\/app\/balsfjord$/);
  const session = await (await page.request.get('/api/v1/session')).json();
  const headers = { 'x-csrf-token': session.csrfToken };
  const units = (await (await page.request.get('/api/v1/balsfjord/units')).json()).items as { id: string; name: string }[];
  const unit = units.find((u) => u.name === 'Byggesak og oppmåling')!;
  const caseFile = await (await page.request.post('/api/v1/balsfjord/case-files', { headers, data: { title: `Byggesak ${stamp}`, responsibleUnitId: unit.id } })).json();
  const entry = await (
    await page.request.post(`/api/v1/balsfjord/case-files/${caseFile.id}/registry-entries`, {
      headers,
      data: { type: 'incoming', title: `Søknad om ${word}`, correspondents: [{ name: 'Byggmester AS', kind: 'organisation', role: 'sender' }] },
    })
  ).json();
  const uploaded = await page.request.post(`/api/v1/balsfjord/registry-entries/${entry.id}/documents`, { headers, multipart: { file: { name: `soknad-${stamp}.pdf`, mimeType: 'application/pdf', buffer: pdf } } });
  expect(uploaded.status()).toBe(201);

  // The journalist: the postliste, a search for the word, the entry.
  const journalistContext = await browser.newContext({ locale: 'nb-NO' });
  const journalist = await journalistContext.newPage();
  await journalist.goto('/balsfjord/postliste');
  await expectAccessible(journalist, 'the postliste, today');
  const result = journalist.getByRole('link', { name: `Søknad om ${word}` });
  await expect
    .poll(async () => {
      await journalist.goto('/balsfjord/postliste');
      await journalist.getByRole('searchbox', { name: 'Søkeord' }).fill(word);
      await journalist.getByRole('search').getByRole('button', { name: 'Søk' }).click();
      return result.count();
    }, { timeout: 30_000 })
    .toBe(1);
  await expectAccessible(journalist, 'the postliste, search results');
  await result.click();
  await expect(journalist.getByRole('heading', { level: 1, name: `Søknad om ${word}` })).toBeVisible();
  await expect(journalist.getByText('Byggmester AS')).toBeVisible();
  await expectAccessible(journalist, 'the entry page');

  // Asks for access on the entry page, with an e-mail address only.
  await journalist.getByLabel('E-postadresse').fill(`journalist-${stamp}@avis.example`);
  await journalist.getByRole('button', { name: 'Send innsynskrav' }).click();
  await expectAccessible(journalist, 'the access request sent');

  // Confirms from the demo mailbox: the mail to this address (other specs' requests are there too).
  const email = `journalist-${stamp}@avis.example`;
  let link = '';
  await expect
    .poll(async () => {
      await journalist.goto('/dev/mailbox');
      const mail = journalist.getByRole('row').filter({ hasText: email }).getByRole('link', { name: 'Bekreft innsynskravet ditt' });
      if (!(await mail.count())) return '';
      await mail.first().click();
      link = /\/innsyn\/[^\s<"]+confirm=[A-Za-z0-9_-]+/.exec(await journalist.content())?.[0]?.replaceAll('&amp;', '&') ?? '';
      return link;
    }, { timeout: 60_000 })
    .toMatch(/^\/innsyn\//);
  await journalist.goto(link);
  await expect(journalist.getByText('E-postadressen er bekreftet')).toBeVisible();
  await expect(journalist.getByText(`Søknad om ${word}`)).toBeVisible();
  const statusPage = journalist.url();

  // The officer grants it in the queue.
  await page.goto('/app/balsfjord/access-requests');
  const card = page.locator('.ds-card').filter({ hasText: entry.registryNumber });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Journalfør og send avgjørelsen' }).click();
  await expect(page.locator('.ds-card').filter({ hasText: entry.registryNumber })).toHaveCount(0);

  // The journalist sees the decision on the status page and downloads the letter.
  await journalist.goto(statusPage);
  await expect(journalist.getByText('Innsyn gitt')).toBeVisible();
  const file = journalist.getByRole('link', { name: `soknad-${stamp}.pdf` });
  await expect(file).toBeVisible();
  await expectAccessible(journalist, 'the status page, decided');
  const download = await journalist.request.get((await file.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
  await journalistContext.close();
});
