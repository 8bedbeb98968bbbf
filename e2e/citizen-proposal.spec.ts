// SPDX-License-Identifier: EUPL-1.2
// A citizen proposal end to end (issue 11 §1, §4): Balsfjord's demo citizen writes a proposal (the
// demo's threshold is 3, and her login is its first signature); two other demo citizens sign it with
// their e-ID logins, and the third signature makes it a case in the archive; the secretariat sees
// the case on its proposals page, puts the case on a meeting's agenda (through the API) and
// summons it, and the proposal page then shows it on the agenda. axe checks every page and state.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const title = `Lys i lysløypa på Storsteinnes ${stamp}`;

async function loggedIn(browser: Browser, person: RegExp): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
  await page.goto('/app/');
  await logInAs(page, { municipality: /Balsfjord/, person });
  await expect(page).toHaveURL(/\/app\/balsfjord$/);
  return page;
}

test('a proposal is written, signed to its threshold, becomes a case and is put on an agenda', async ({ browser }) => {
  test.setTimeout(240_000);

  // The author writes it, from her start page.
  const author = await loggedIn(browser, /Sigrid Pedersen/);
  await author.getByRole('link', { name: 'Innbyggerforslag' }).click();
  await expect(author.getByRole('heading', { level: 1, name: 'Innbyggerforslag' })).toBeVisible();
  await expectAccessible(author, 'the citizen’s proposals');
  await author.getByRole('link', { name: 'Skriv et forslag' }).click();
  await expect(author.getByRole('heading', { level: 1, name: 'Skriv et forslag' })).toBeVisible();
  await expectAccessible(author, 'writing a proposal');
  // Too short first: the fields are named, and nothing is written.
  await author.getByLabel(/^Tittel/).fill('L');
  await author.getByRole('button', { name: 'Send forslaget' }).click();
  await expect(author.getByText('Rett opp dette før du går videre')).toBeVisible();
  await expectAccessible(author, 'writing a proposal, refused');
  await author.getByLabel(/^Tittel/).fill(title);
  await author.getByLabel(/^Hva foreslår du/).fill('Lysløypa brukes av mange hele vinteren, men lyset slukkes klokka ni. Vi foreslår lys til klokka elleve.');
  await author.getByLabel(/^E-post for nytt om forslaget/).fill('sigrid@example.no');
  await author.getByRole('button', { name: 'Send forslaget' }).click();
  await expect(author.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(author.getByText('1 av 3 underskrifter')).toBeVisible();
  await expect(author.getByText('Du har skrevet under på dette forslaget.')).toBeVisible();
  await expectAccessible(author, 'the proposal, written');
  const proposalUrl = new URL(author.url()).pathname;

  // Two other citizens sign it; the second reaches the threshold.
  const ole = await loggedIn(browser, /Ole Hansen/);
  await ole.goto(proposalUrl);
  await expect(ole.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(ole, 'the proposal, before signing');
  await ole.getByLabel(/^E-post for nytt om forslaget/).fill('ole@example.no');
  await ole.getByRole('button', { name: 'Skriv under' }).click();
  await expect(ole.getByText('Takk: underskriften din er telt.')).toBeVisible();
  await expect(ole.getByText('2 av 3 underskrifter')).toBeVisible();
  await expectAccessible(ole, 'the proposal, signed');

  const liv = await loggedIn(browser, /Liv Andersen/);
  await liv.goto(proposalUrl);
  await liv.getByRole('button', { name: 'Skriv under' }).click();
  const reached = liv.getByText(/Forslaget har nok underskrifter og er nå sak (\d{4}\/\d+)/);
  await expect(reached).toBeVisible();
  const caseNumber = /(\d{4}\/\d+)/.exec((await reached.textContent()) ?? '')![1]!;
  await expect(liv.getByText('3 av 3 underskrifter')).toBeVisible();
  await expectAccessible(liv, 'the proposal, reached');

  // The secretariat sees the case on its proposals page.
  const secretariat = await loggedIn(browser, /Håkon Eriksen/);
  await secretariat.getByRole('link', { name: 'Innbyggerforslag' }).click();
  await expect(secretariat.getByRole('heading', { level: 1, name: /Innbyggerforslag: innstillinger/ })).toBeVisible();
  const row = secretariat.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('Nok underskrifter');
  await expect(row).toContainText(caseNumber);
  await expectAccessible(secretariat, 'the secretariat’s proposals page');

  // It puts the case on a meeting of the council, summoned late so the agenda is public at once.
  const session = await (await secretariat.request.get('/api/v1/session')).json();
  const headers = { 'x-csrf-token': session.csrfToken };
  const staff = (await (await secretariat.request.get('/api/v1/balsfjord/proposals/staff')).json()).items as { title: string; caseFileId: string }[];
  const caseFileId = staff.find((p) => p.title === title)!.caseFileId;
  const bodies = (await (await secretariat.request.get('/api/v1/balsfjord/council/bodies')).json()).items as { id: string; kind: string }[];
  const council = bodies.find((b) => b.kind === 'council')!;
  const post = async (path: string, data: object, status = 201) => {
    const response = await secretariat.request.post(`/api/v1/balsfjord/council${path}`, { headers, data });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(status);
    return (await response.json()) as { id: string };
  };
  const meeting = await post('/meetings', { bodyId: council.id, startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), location: `Kommunestyresalen ${stamp}` });
  await post(`/meetings/${meeting.id}/agenda-items`, { caseFileId });
  await post(`/meetings/${meeting.id}/summons`, { late: true }, 200);

  // The author sees it on the agenda, with a link to the meeting.
  await expect(async () => {
    await author.reload();
    await expect(author.getByText('På sakskartet').first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(author.getByRole('link', { name: 'Se møtet' })).toHaveAttribute('href', `/balsfjord/politikk/mote/${meeting.id}`);
  await expect(author.getByRole('link', { name: caseNumber })).toBeVisible();
  await expectAccessible(author, 'the proposal, on the agenda');
});
