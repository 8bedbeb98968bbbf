// SPDX-License-Identifier: EUPL-1.2
// An access request end to end in the browser: a journalist asks for a letter anonymously,
// confirms from the mail (demo mailbox), follows it on the status page; the case officer decides it
// in the queue; the journalist then downloads the document. axe checks every page and state.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';
import { minimalPdf } from './minimal-pdf.ts';

test('a journalist asks for access, confirms, and gets the document the officer grants', async ({ page, browser, playwright, baseURL }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const pdf = minimalPdf(`Soknad ${stamp}`);
  await page.goto('/app/');
  await logInAs(page, { municipality: /Balsfjord/, person: /Ingrid Johansen/ });
  await expect(page).toHaveURL(/\/app\/balsfjord$/);

  // A letter in Ingrid's unit, with its PDF, made through the API as Ingrid.
  const session = await (await page.request.get('/api/v1/session')).json();
  const headers = { 'x-csrf-token': session.csrfToken };
  const units = (await (await page.request.get('/api/v1/balsfjord/units')).json()).items as { id: string; name: string }[];
  const unit = units.find((u) => u.name === 'Byggesak og oppmåling')!;
  const caseFile = await (await page.request.post('/api/v1/balsfjord/case-files', { headers, data: { title: `Byggesak ${stamp}`, responsibleUnitId: unit.id } })).json();
  const entry = await (await page.request.post(`/api/v1/balsfjord/case-files/${caseFile.id}/registry-entries`, { headers, data: { type: 'incoming', title: `Søknad om tiltak ${stamp}`, correspondents: [{ name: 'Byggmester AS', kind: 'organisation', role: 'sender' }] } })).json();
  const uploaded = await page.request.post(`/api/v1/balsfjord/registry-entries/${entry.id}/documents`, { headers, multipart: { file: { name: `soknad-${stamp}.pdf`, mimeType: 'application/pdf', buffer: pdf } } });
  expect(uploaded.status()).toBe(201);

  // The journalist, anonymous: asks once the letter is in the public journal (a moment after).
  const journalist = await playwright.request.newContext({ baseURL: baseURL! });
  let order: { id: string; statusUrl: string } | undefined;
  await expect
    .poll(async () => {
      const res = await journalist.post('/api/v1/access-requests', { data: { entries: [entry.id], email: `journalist-${stamp}@avis.example` } });
      if (res.status() === 201) order = await res.json();
      return res.status();
    }, { timeout: 30_000 })
    .toBe(201);

  // The confirmation mail, in the demo mailbox.
  const readerContext = await browser.newContext({ locale: 'nb-NO' });
  const reader = await readerContext.newPage();
  let link = '';
  await expect
    .poll(async () => {
      await reader.goto('/dev/mailbox');
      const mail = reader.getByRole('link', { name: 'Bekreft innsynskravet ditt' });
      if (!(await mail.count())) return '';
      await mail.first().click();
      link = /\/innsyn\/[^\s<"]+confirm=[A-Za-z0-9_-]+/.exec(await reader.content())?.[0]?.replaceAll('&amp;', '&') ?? '';
      return link;
    }, { timeout: 60_000 })
    .toContain(order!.id);
  await reader.goto(link);
  await expect(reader.getByRole('heading', { level: 1, name: 'Innsynskrav' })).toBeVisible();
  await expect(reader.getByText('E-postadressen er bekreftet')).toBeVisible();
  await expect(reader.getByText(`Søknad om tiltak ${stamp}`)).toBeVisible();
  await expectAccessible(reader, 'the requester’s status page, received');

  // The officer's queue: the request with its deadline; grant it.
  await page.goto('/app/balsfjord/access-requests');
  await expect(page.getByRole('heading', { level: 1, name: 'Innsynskrav' })).toBeVisible();
  const card = page.locator('.ds-card').filter({ hasText: entry.registryNumber });
  await expect(card.getByText(/Frist \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expectAccessible(page, 'access-request queue');
  await card.getByRole('button', { name: 'Journalfør og send avgjørelsen' }).click();
  await expect(page.locator('.ds-card').filter({ hasText: entry.registryNumber })).toHaveCount(0);
  await page.getByRole('switch', { name: 'Vis avgjorte krav' }).check();
  await expect(page.locator('.ds-card').filter({ hasText: entry.registryNumber }).getByText('Gi innsyn')).toBeVisible();
  await expectAccessible(page, 'access-request queue, decided');

  // The journalist sees the decision and downloads the letter.
  await reader.goto(new URL(order!.statusUrl).pathname + new URL(order!.statusUrl).search);
  await expect(reader.getByText('Innsyn gitt')).toBeVisible();
  const file = reader.getByRole('link', { name: `soknad-${stamp}.pdf` });
  await expect(file).toBeVisible();
  const download = await journalist.get((await file.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
  await expectAccessible(reader, 'the requester’s status page, decided');
  await journalist.dispose();
  await readerContext.close();
});
