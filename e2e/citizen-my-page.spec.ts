// SPDX-License-Identifier: EUPL-1.2
// My page end to end (issue 9 §3, §4): Balsfjord's demo citizen logs in at the demo provider, finds
// her building case with its expected decision date; the case officer sends her a message from the
// staff UI; she reads it (and the reading is recorded in the case), sends a document to the case
// (a disguised file refused beside the field first), and looks at her properties. axe checks every
// page at phone (360 px) and desktop (1280 px) width.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';
import { minimalPdf } from './minimal-pdf.ts';

const CASE_TITLE = 'Byggesak gnr. 45 bnr. 12 – tilbygg til bolig';

/** axe at a phone's width and at a desktop's, and no sideways scrolling on the phone. */
async function expectAccessibleAtBothWidths(page: Page, state: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 740 });
  await expectAccessible(page, `${state} (360 px)`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${state}: wider than a 360 px phone`).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(page, `${state} (1280 px)`);
}

test('a citizen follows her case on My page, reads the officer’s message, sends a document and sees her properties', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);

  // The citizen logs in and goes from her start page to My page.
  await page.goto('/app/');
  await logInAs(page, { municipality: /Balsfjord/, person: /Sigrid Pedersen/ });
  await expect(page).toHaveURL(/\/app\/balsfjord$/);
  await expectAccessibleAtBothWidths(page, 'citizen start page');
  await page.getByRole('main').getByRole('link', { name: 'Min side' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Min side' })).toBeVisible();
  const caseCard = page.locator('.ds-card').filter({ hasText: CASE_TITLE });
  await expect(caseCard).toBeVisible();
  await expect(caseCard.getByText(/Sak \d{4}\/\d+/)).toBeVisible();
  await expect(caseCard.getByText(/Forventet (svar innen \d{2}\.\d{2}\.\d{4}|vedtak mellom \d{2}\.\d{2}\.\d{4} og \d{2}\.\d{2}\.\d{4})/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Storsteinnesveien 12/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mine innsynskrav' })).toBeVisible();
  await expectAccessibleAtBothWidths(page, 'My page');

  // The case: the expected date explained, the timeline with her application.
  await caseCard.getByRole('link', { name: CASE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: CASE_TITLE })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Når kan jeg vente svar?' })).toBeVisible();
  await expect(page.getByText(/Kommunen har avsluttet for få slike saker|Dette bygger på \d+ lignende saker/)).toBeVisible();
  await expect(page.getByText('Søknad om tillatelse til tiltak – tilbygg')).toBeVisible();
  await expectAccessibleAtBothWidths(page, 'my case');
  const caseId = /\/my\/cases\/([^/?#]+)/.exec(page.url())![1]!;

  // The case officer, in her own browser, sends a message from the case view.
  const officerContext = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 800 } });
  const officer = await officerContext.newPage();
  await officer.goto('/app/');
  await logInAs(officer, { municipality: /Balsfjord/, person: /Ingrid Johansen/ });
  await officer.goto(`/app/balsfjord/cases/${caseId}`);
  await expect(officer.getByRole('heading', { level: 1, name: CASE_TITLE })).toBeVisible();
  // The case view's consultation section loads after the case: let the page settle before clicking.
  await officer.waitForLoadState('networkidle');
  await officer.getByText('Send melding til innbyggeren').click();
  const messageForm = officer.getByRole('form', { name: 'Send melding til innbyggeren' });
  await expect(messageForm).toBeVisible();
  // An empty message first: the errors beside the fields, the summary taking focus. Sending an empty
  // message writes nothing, so it is sent again if the first click was taken by a re-render of the
  // case view (seen twice in CI, on both engines, never locally: noted for the UI's owner).
  await expect(async () => {
    await messageForm.getByRole('button', { name: 'Send meldingen' }).click();
    await expect(officer.locator('ds-error-summary')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await expect(officer.locator('ds-error-summary')).toBeFocused();
  await expect(officer.getByLabel(/^Emne/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(officer, 'send message form with errors');
  const subject = `Vi trenger fasadetegninger ${stamp}`;
  await officer.getByLabel(/^Emne/).fill(subject);
  await officer.getByLabel(/^Melding/).fill(`Hei!\n\nSend oss fasadetegninger av tilbygget. Ref. ${stamp}`);
  await officer.getByRole('button', { name: 'Send meldingen' }).click();
  await expect(officer.getByRole('status').filter({ hasText: /Meldingen til Sigrid Pedersen er sendt og journalført som dokument/ })).toBeVisible();
  await expect(officer.locator('.entry-list').getByRole('link', { name: subject, exact: true })).toBeVisible();
  await expectAccessible(officer, 'case view after sending a message');

  // The citizen sees it unread, opens it (which reads it), and it is no longer unread.
  await page.goto('/app/balsfjord/my/messages');
  await expect(page.getByRole('heading', { level: 1, name: 'Meldinger' })).toBeVisible();
  const item = page.locator('.my-messages li').filter({ hasText: subject });
  await expect(item.getByText('Ulest')).toBeVisible();
  await expectAccessibleAtBothWidths(page, 'my messages');
  await item.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(page.getByText(`Send oss fasadetegninger av tilbygget. Ref. ${stamp}`)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Lest .*Saksbehandleren kan se at du har lest meldingen/ })).toBeVisible();
  await expectAccessibleAtBothWidths(page, 'a message');
  await page.getByRole('link', { name: 'Tilbake til meldinger' }).click();
  await expect(page.locator('.my-messages li').filter({ hasText: subject }).getByText('Ulest')).toHaveCount(0);

  // …and the reading is recorded in the case, as a remark on the message's letter.
  const officerSession = await (await officer.request.get('/api/v1/session')).json();
  expect(officerSession.user).toBeTruthy();
  const caseFile = await (await officer.request.get(`/api/v1/balsfjord/case-files/${caseId}`)).json();
  const letter = (caseFile.registryEntries as { id: string; title: string }[]).find((e) => e.title === subject)!;
  const entry = await (await officer.request.get(`/api/v1/balsfjord/registry-entries/${letter.id}`)).json();
  expect((entry.remarks as { text: string }[]).some((r) => /Lest av mottakeren på Min side/.test(r.text))).toBe(true);

  // The citizen sends a document to the case: a web page dressed as a PDF is refused beside the field.
  await page.goto(`/app/balsfjord/my/cases/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: CASE_TITLE })).toBeVisible();
  await page.getByLabel(/^Hva dokumentene er/).fill(`Fasadetegninger ${stamp}`);
  await page.locator('input[type=file][name=files]').setInputFiles({ name: 'fasade.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>not a pdf</body></html>') });
  await page.getByRole('button', { name: 'Send dokumentene' }).click();
  await expect(page.locator('ds-error-summary')).toBeFocused();
  await expect(page.getByRole('button', { name: /Filer/ })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/fasade\.pdf: /)).toBeVisible();
  await expectAccessibleAtBothWidths(page, 'send documents with a refused file');
  await page.locator('input[type=file][name=files]').setInputFiles({ name: 'fasade.pdf', mimeType: 'application/pdf', buffer: minimalPdf(`Fasade ${stamp}`) });
  await page.getByRole('button', { name: 'Send dokumentene' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Dokumentene er sendt og registrert i saken som dokument/ })).toBeVisible();
  const sentEntry = page.locator('.my-timeline > li').filter({ has: page.getByRole('heading', { name: new RegExp(`· Fasadetegninger ${stamp}$`) }) });
  await expect(sentEntry.getByText('Fra deg')).toBeVisible();
  await expect(sentEntry.getByRole('link', { name: /Last ned/ })).toHaveAttribute('download', 'fasade.pdf');
  await expectAccessibleAtBothWidths(page, 'my case after sending documents');

  // Her properties: services with the next pick-ups, fees and invoices, the building case.
  await page.getByRole('link', { name: 'Tilbake til Min side' }).click();
  await page.getByRole('link', { name: /Storsteinnesveien 12/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Storsteinnesveien 12/ })).toBeVisible();
  await expect(page.getByText(/Neste tømming: \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Kommunale avgifter 2. termin');
  await expect(page.getByRole('table')).toContainText('Betalt');
  await expect(page.getByRole('link', { name: CASE_TITLE })).toBeVisible();
  await expectAccessibleAtBothWidths(page, 'my property');

  await officerContext.close();
});
