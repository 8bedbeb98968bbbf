// SPDX-License-Identifier: EUPL-1.2
// A citizen files a building application through the web UI (issue 9 §4): logs in at the demo
// identity provider, fills the form rendered from its definition (drafts save by themselves),
// attaches a drawing, signs and invites a co-applicant, who signs from the link in the e-mail
// (read from the dev mailbox) after a fresh login at the provider; the application is submitted
// and the receipt shown; the case officer finds the case in the staff UI with its documents, reads
// the answers' PDF and sends the applicant a message, which she reads on My page beside the case and
// its expected decision date. axe checks every page at 360 and 1280 px.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { openMailTo } from './mail.ts';
import { logInAs } from './login.ts';
import { minimalPdf } from './minimal-pdf.ts';
import { syntheticNorwegianNumber } from '../src/common/idnumbers.ts';
import { pdfText } from '../src/forms/pdf-text.ts';

async function accessibleAtBothWidths(page: Page, state: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 800 });
  await expectAccessible(page, `${state} (360 px)`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(page, `${state} (1280 px)`);
}

test('a citizen files a building application with a co-applicant and gets a receipt; the case officer finds it', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const bnr = String(1000 + Math.floor(Math.random() * 8999));
  const coApplicantEmail = `medsoker-${bnr}@example.no`;

  await page.goto('/app/balsfjord/services');
  await logInAs(page, { municipality: /Balsfjord/, person: /Sigrid Pedersen/, checkAxe: true });
  await expect(page).toHaveURL(/\/app\/balsfjord\/services$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Digitale tjenester' })).toBeVisible();
  await accessibleAtBothWidths(page, 'service catalogue');

  await page.getByRole('link', { name: 'Byggesøknad' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Byggesøknad' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Stegene i skjemaet' })).toContainText('Steg 1 av 3');
  await accessibleAtBothWidths(page, 'building application, page 1');

  // A number the schema refuses comes back from the server beside its field, in the summary too.
  await page.getByLabel(/^Gårdsnummer/).fill('12');
  await page.getByLabel(/^Bruksnummer/).fill(bnr);
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet er lagret' })).toBeVisible();
  await page.getByRole('button', { name: 'Neste' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Tiltaket' })).toBeVisible();
  await page.getByLabel('Nybygg').check();
  await page.getByLabel(/^Beskrivelse/).fill('Tilbygg på 20 m² mot sør, i tre.');
  await page.getByRole('button', { name: /Legg til \(Medsøkere/ }).click();
  await page.getByLabel(/^Navn/).fill('Kristoffer Berg');
  // An address that is none: the server's error comes back to the page of its field, beside it
  // and in the error summary, in the person's language.
  await page.getByLabel(/^E-post/).fill('ikke-en-adresse');
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet er lagret' })).toBeVisible();
  await accessibleAtBothWidths(page, 'building application, page 2');
  await page.getByRole('button', { name: 'Neste' }).click();
  await page.getByRole('button', { name: 'Signer og inviter medsøkerne' }).click();
  const summary = page.locator('ds-error-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: /Medsøkere 1: E-post/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Tiltaket' })).toBeVisible();
  await expect(page.getByLabel(/^E-post/)).toHaveAttribute('aria-invalid', 'true');
  await accessibleAtBothWidths(page, 'building application, page 2 with the server’s errors');
  await summary.getByRole('link', { name: /Medsøkere 1: E-post/ }).click();
  await expect(page.getByLabel(/^E-post/)).toBeFocused();
  await page.getByLabel(/^E-post/).fill(coApplicantEmail);
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet er lagret' })).toBeVisible();
  await page.getByRole('button', { name: 'Neste' }).click();

  // The last step: the drawing, then the signatures; sending waits for the co-applicant.
  await expect(page.getByRole('heading', { level: 2, name: 'Vedlegg og innsending' })).toBeVisible();
  await page.getByLabel(/^Tegninger og situasjonsplan/).setInputFiles({ name: 'fasade.pdf', mimeType: 'application/pdf', buffer: minimalPdf(`Fasade ${bnr}`) });
  await expect(page.getByRole('button', { name: 'Send inn' })).toBeDisabled();
  await page.getByRole('button', { name: 'Signer og inviter medsøkerne' }).click();
  await expect(page.getByText('Venter på signaturen til: Kristoffer Berg')).toBeVisible();
  await accessibleAtBothWidths(page, 'building application, waiting for the co-applicant');

  // The co-applicant opens the invitation from the dev mailbox, logs in and signs.
  const other = await browser.newContext({ locale: 'nb-NO' });
  const co = await other.newPage();
  await openMailTo(co, coApplicantEmail);
  const text = await co.locator('pre').first().innerText();
  const link = /\/app\/balsfjord\/signing\/[0-9a-f-]+\?token=[^\s"<>]+/.exec(text)?.[0];
  expect(link, 'the signing link in the invitation').toBeTruthy();
  await co.goto(link!);
  await logInAs(co, { municipality: /Balsfjord/, person: /Kristoffer Berg/ });
  await expect(co.getByRole('heading', { level: 1, name: 'Signer som medsøker' })).toBeVisible();
  await accessibleAtBothWidths(co, 'co-applicant signing page');
  // Signing sends her through the identity provider again, at the form's level, and signs on return.
  const freshLogin = co.waitForRequest(/\/auth\/login\?.*level=high/);
  await co.getByRole('button', { name: 'Signer', exact: true }).click();
  await freshLogin;
  await expect(co).toHaveURL(/\/demo-idp\//);
  await co.getByLabel(/Kristoffer Berg/).check();
  await co.getByRole('button', { name: /Logg inn|Log in|Logga in/ }).click();
  await expect(co.getByText('Takk: du har signert.')).toBeVisible();
  await expect(co).not.toHaveURL(/signing=fresh/);
  await accessibleAtBothWidths(co, 'co-applicant has signed');
  await other.close();

  await page.getByRole('button', { name: 'Sjekk signaturene på nytt' }).click();
  await expect(page.getByText('Alle har signert. Du kan sende søknaden.')).toBeVisible();
  await page.getByRole('button', { name: 'Send inn' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Kvittering' })).toBeVisible();
  const caseNumber = (await page.getByTestId('case-number').innerText()).trim();
  expect(caseNumber).toMatch(/^\d{4}\/\d+$/);
  await expect(page.getByText('fasade.pdf')).toBeVisible();
  await accessibleAtBothWidths(page, 'receipt page');
  const pdfHref = await page.getByRole('link', { name: 'Last ned kvitteringen (PDF)' }).getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');

  // The case officer finds the case in the staff UI, with the answers' PDF and the drawing.
  const staffContext = await browser.newContext({ locale: 'nb-NO' });
  const staff = await staffContext.newPage();
  await staff.goto(`/app/balsfjord/cases?q=${encodeURIComponent(`bnr ${bnr}`)}`);
  await logInAs(staff, { municipality: /Balsfjord/, person: /Ingrid Johansen/ });
  await staff.goto(`/app/balsfjord/cases?q=${encodeURIComponent(`bnr ${bnr}`)}`);
  await staff.getByRole('link', { name: new RegExp(`Byggesøknad gnr 12 bnr ${bnr}`) }).first().click();
  await expect(staff.getByRole('heading', { level: 1, name: new RegExp(`bnr ${bnr}`) })).toBeVisible();
  await expect(staff.getByText(caseNumber).first()).toBeVisible();
  // Its documents: the answers as PDF and JSON, the drawing and the receipt; the officer opens the
  // answers' PDF, where the kind of work reads as its label, not the stored value.
  const documents = staff.locator('.entry-list .document-list');
  const answersLink = documents.getByRole('link', { name: /Byggesøknad$/ });
  await expect(answersLink).toBeVisible();
  await expect(documents.getByRole('link', { name: /Byggesøknad \(JSON\)$/ })).toBeVisible();
  await expect(documents.getByRole('link', { name: /fasade/ })).toBeVisible();
  await expect(documents.getByRole('link', { name: new RegExp(`Kvittering ${caseNumber}`) })).toBeVisible();
  await accessibleAtBothWidths(staff, 'case officer: the submitted case');
  const answers = await staff.request.get((await answersLink.getAttribute('href'))!);
  expect(answers.status()).toBe(200);
  expect(answers.headers()['content-type']).toContain('application/pdf');
  const answersText = pdfText(await answers.body()).split('\n');
  expect(answersText).toEqual(expect.arrayContaining(['Type tiltak', 'Nybygg', 'Sigrid Pedersen']));
  expect(answersText).not.toContain('new-building');

  // The officer sends the applicant a message on this very case…
  const subject = `Vi trenger situasjonsplan ${bnr}`;
  await staff.getByText('Send melding til innbyggeren').click();
  await staff.getByLabel(/^Emne/).fill(subject);
  await staff.getByLabel(/^Melding/).fill(`Hei!\n\nSend oss en situasjonsplan for gnr. 12 bnr. ${bnr}.`);
  await staff.getByRole('button', { name: 'Send meldingen' }).click();
  await expect(staff.getByRole('status').filter({ hasText: /Meldingen til Sigrid Pedersen er sendt og journalført som dokument/ })).toBeVisible();
  await staffContext.close();

  // …and the citizen finds the case she just submitted on My page, with its expected decision
  // date, and reads the message there.
  await page.goto('/app/balsfjord/my');
  const caseCard = page.locator('.ds-card').filter({ hasText: `Sak ${caseNumber}` });
  await expect(caseCard).toBeVisible();
  await expect(caseCard.getByText(/Forventet (svar innen \d{2}\.\d{2}\.\d{4}|vedtak mellom \d{2}\.\d{2}\.\d{4} og \d{2}\.\d{2}\.\d{4})/)).toBeVisible();
  await accessibleAtBothWidths(page, 'My page with the submitted case');
  await page.goto('/app/balsfjord/my/messages');
  const message = page.locator('.my-messages li').filter({ hasText: subject });
  await expect(message.getByText('Ulest')).toBeVisible();
  await message.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(page.getByText(`Send oss en situasjonsplan for gnr. 12 bnr. ${bnr}.`)).toBeVisible();
  await accessibleAtBothWidths(page, 'the message on the submitted case');
});

test('a case officer files a problem report for a citizen who phoned, with the map position as two numbers', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/app/balsfjord/services');
  await logInAs(page, { municipality: /Balsfjord/, person: /Ingrid Johansen/ });
  await page.getByRole('link', { name: 'Meld fra om feil på vei eller vann' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meld fra om feil på vei eller vann' })).toBeVisible();
  await page.getByLabel('Vei', { exact: true }).check();
  await expect(page.getByRole('group', { name: /Plassering på kartet/ })).toContainText('desimalgrader');
  await page.getByLabel(/^Breddegrad/).fill('69,2401');
  await page.getByLabel(/^Lengdegrad/).fill('19.2213');
  await page.getByLabel(/^Beskrivelse/).fill('Hull i veien ved bussholdeplassen.');
  await accessibleAtBothWidths(page, 'problem report, filled in by staff');
  await page.getByRole('button', { name: 'Neste' }).click();

  // A photo of the wrong type is stopped in the browser, named in the summary.
  await page.getByLabel(/^Bilde/).setInputFiles({ name: 'notat.pdf', mimeType: 'application/pdf', buffer: minimalPdf('x') });
  await page.getByLabel(/^Fødselsnummer/).fill('12345678901');
  await page.getByRole('radio', { name: 'Telefon' }).check();
  await page.getByRole('button', { name: 'Send inn' }).click();
  const summary = page.locator('ds-error-summary');
  await expect(summary.getByRole('link', { name: /^Bilde/ })).toBeVisible();
  await page.getByLabel(/^Bilde/).setInputFiles([]);

  // A national id whose checksum fails is the server's error, beside the field.
  await page.getByRole('button', { name: 'Send inn' }).click();
  await expect(page.getByLabel(/^Fødselsnummer/)).toHaveAttribute('aria-invalid', 'true');
  await accessibleAtBothWidths(page, 'problem report, on behalf, with errors');
  await page.getByLabel(/^Fødselsnummer/).fill(syntheticNorwegianNumber('1950-05-17', 3));
  await page.getByRole('button', { name: 'Send inn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kvittering' })).toBeVisible();
  await expect(page.getByTestId('case-number')).toHaveText(/^\d{4}\/\d+$/);
});
