// SPDX-License-Identifier: EUPL-1.2
// The politician's tablet (issue 11 §3–§4), at a tablet's size: Balsfjord's council leader opens
// her next council meeting, reads the agenda with the closed item and its paper, writes a private
// note; the connection goes and the agenda and the paper still come (the saved copy). The deputy
// of the same party list sees the same agenda but not the note (the screen, and 404 from the API).
// The leader reports absence: the list's substitute is called, the secretariat sees the call on its
// meeting page, and the call's mail is in the demo mailbox. The meeting page also reloads without
// network (the service worker's app shell), and online a reload is the server's answer again.
// axe checks every page visited.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true });

const closedTitle = 'Erstatningssak – forhandlingsposisjon';
const note = `Spør om forhandlingsrommet ${Date.now().toString(36)}`;
let meetingPath = '';

async function loggedIn(browser: Browser, person: RegExp): Promise<Page> {
  const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 820, height: 1180 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/app/');
  await logInAs(page, { municipality: /Balsfjord/, person });
  return page;
}

/** The demo's council meeting with the closed item: other specs plan council meetings of their own, which may come first. */
async function demoMeetingId(page: Page): Promise<string> {
  const list = ((await (await page.request.get('/api/v1/balsfjord/workspace/meetings')).json()) as { items: { id: string }[] }).items;
  for (const m of list) {
    const detail = (await (await page.request.get(`/api/v1/balsfjord/workspace/meetings/${m.id}`)).json()) as { items: { title: string }[] };
    if (detail.items.some((i) => i.title === closedTitle)) return m.id;
  }
  throw new Error(`no meeting of Marit Nilsen has the item "${closedTitle}"`);
}

const item = (page: Page, title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(title) }) });

test('a member reads the agenda, writes a private note and reads offline', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await loggedIn(browser, /Marit Nilsen/);
  await page.getByRole('link', { name: 'Åpne mine møter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine møter' })).toBeVisible();
  await expectAccessible(page, 'my meetings');
  await page.locator(`a[href$="/workspace/meetings/${await demoMeetingId(page)}"]`).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Saksliste' })).toBeVisible();
  meetingPath = new URL(page.url()).pathname;
  const closed = item(page, closedTitle);
  await expect(closed.getByText(/Lukket for offentligheten/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Lagret for frakoblet bruk (3 dokumenter)' })).toBeVisible();
  await expectAccessible(page, 'the meeting on the tablet');

  await closed.getByLabel('Nytt notat').fill(note);
  await closed.getByRole('button', { name: 'Lagre notat' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Notatet er lagret.' })).toBeVisible();
  await expect(closed.getByText(note)).toBeVisible();
  await expectAccessible(page, 'the meeting with a private note');

  // The connection goes: the page asks at once (the browser's offline event, not the next 15 s
  // poll) and shows the saved copy, and the closed item's paper opens from it.
  await page.context().setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: /Ingen forbindelse\. Du leser kopien som ble lagret/ })).toBeVisible({ timeout: 5_000 });
  await expect(closed.getByText(note)).toBeVisible();
  const popup = page.waitForEvent('popup');
  await closed.getByRole('link', { name: new RegExp(`Åpne ${closedTitle}`) }).click();
  const paper = await popup;
  await expect.poll(() => paper.url()).toMatch(/^blob:/);
  await paper.close();
  await expectAccessible(page, 'the meeting read offline');
  await page.context().setOffline(false);
  await page.context().close();
});

test('the meeting page reloads without network (the service worker), and online it is the server\'s again', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await loggedIn(browser, /Marit Nilsen/);
  await page.goto(meetingPath);
  await expect(page.getByRole('status').filter({ hasText: 'Lagret for frakoblet bruk (3 dokumenter)' })).toBeVisible();
  // The workspace page registered the worker; it has kept the app shell once it controls the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  const meetingId = meetingPath.split('/').at(-1)!;
  const meeting = await (await page.request.get(`/api/v1/balsfjord/workspace/meetings/${meetingId}`)).json();
  const closedItem = meeting.items.find((i: { title: string }) => i.title === closedTitle);

  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Saksliste' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Ingen forbindelse\. Du leser kopien som ble lagret/ })).toBeVisible();
  const closed = item(page, closedTitle);
  await expect(closed.getByText(/Lukket for offentligheten/)).toBeVisible();
  await expect(closed.getByText(note)).toBeVisible();
  await expect(closed.getByText('Behandles nå')).toHaveCount(0);
  const popup = page.waitForEvent('popup');
  await closed.getByRole('link', { name: new RegExp(`Åpne ${closedTitle}`) }).click();
  const paper = await popup;
  await expect.poll(() => paper.url()).toMatch(/^blob:/);
  await paper.close();
  await expectAccessible(page, 'the meeting reloaded without network');

  // The secretariat moves the meeting to the closed item; back online a reload shows it at once:
  // network first, never the kept copy while there is a network.
  const secretariat = await loggedIn(browser, /Håkon Eriksen/);
  const session = await (await secretariat.request.get('/api/v1/session')).json();
  const set = await secretariat.request.put(`/api/v1/balsfjord/council/meetings/${meetingId}/current-item`, { headers: { 'x-csrf-token': session.csrfToken }, data: { itemId: closedItem.id } });
  expect(set.status()).toBe(200);
  await secretariat.context().close();
  await page.context().setOffline(false);
  await page.reload();
  await expect(item(page, closedTitle).getByText('Behandles nå')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Lagret for frakoblet bruk (3 dokumenter)' })).toBeVisible();
  await expect(page.getByText(/Ingen forbindelse/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Meld forfall' })).toBeVisible();

  // Logging out deletes the saved meeting: the tablet keeps no papers. (The app shell — the public
  // index.html, scripts and styles, no one's data — may be kept again at once by the worker as the
  // login page loads; logout empties it too, but that is not what this asserts.)
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('radhus-workspace')))).toEqual([]);
  expect(await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (n) => (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname)))).flat().filter((p) => p.startsWith('/api/')))).toEqual([]);
  await page.context().close();
});

test('another member of the same body sees the agenda but not the note', async ({ browser }) => {
  const page = await loggedIn(browser, /Eirik Mikkelsen/);
  await page.goto(meetingPath);
  const closed = item(page, closedTitle);
  await expect(closed.getByRole('heading', { level: 4, name: 'Mine notater' })).toBeVisible();
  await expect(page.getByText(note)).toHaveCount(0);
  await expectAccessible(page, "the other member's view of the meeting");
  // Through the API too: the note's id (from its author's notes) is not found for him.
  const meetingId = meetingPath.split('/').at(-1)!;
  const meeting = await (await page.request.get(`/api/v1/balsfjord/workspace/meetings/${meetingId}`)).json();
  const closedItem = meeting.items.find((i: { title: string }) => i.title === closedTitle);
  expect(closedItem.notes).toEqual([]);
  expect((await (await page.request.get(`/api/v1/balsfjord/workspace/agenda-items/${closedItem.id}/notes`)).json()).items).toEqual([]);
  await page.context().close();

  const author = await loggedIn(browser, /Marit Nilsen/);
  const mine = await (await author.request.get(`/api/v1/balsfjord/workspace/agenda-items/${closedItem.id}/notes`)).json();
  const noteId = mine.items.find((n: { text: string }) => n.text === note).id;
  await author.context().close();
  const other = await loggedIn(browser, /Eirik Mikkelsen/);
  const session = await (await other.request.get('/api/v1/session')).json();
  const patch = await other.request.patch(`/api/v1/balsfjord/workspace/notes/${noteId}`, { headers: { 'x-csrf-token': session.csrfToken }, data: { text: 'overskrevet' } });
  expect(patch.status()).toBe(404);
  await other.context().close();
});

test('the member reports absence; the substitute is called, the secretariat sees it, the mail is sent', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await loggedIn(browser, /Marit Nilsen/);
  await page.goto(meetingPath);
  await page.getByLabel(/^Grunn/).fill('Sykdom i familien');
  await page.getByRole('button', { name: 'Meld forfall' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lise Hanssen er kalt inn som vararepresentant for deg.' })).toBeVisible();
  await expect(page.getByText(/Du har meldt forfall/)).toBeVisible();
  await expectAccessible(page, 'the meeting after reporting absence');
  await page.context().close();

  const secretariat = await loggedIn(browser, /Håkon Eriksen/);
  await secretariat.goto(meetingPath.replace('/workspace/', '/council/'));
  await expect(secretariat.getByRole('heading', { level: 2, name: 'Forfall og innkalte vararepresentanter' })).toBeVisible();
  await expect(secretariat.getByText(/Lise Hanssen for Marit Nilsen: Kalt inn/)).toBeVisible();
  await expectAccessible(secretariat, "the secretariat's meeting page with the substitute call");

  await expect
    .poll(async () => {
      await secretariat.goto('/dev/mailbox');
      return secretariat.getByRole('link', { name: /Du er kalt inn som vararepresentant: Kommunestyret/ }).count();
    }, { timeout: 60_000 })
    .toBe(1);
  await expect(secretariat.getByRole('link', { name: /Forfall: Marit Nilsen, Kommunestyret/ })).toBeVisible();
  await expectAccessible(secretariat, 'the demo mailbox with the substitute call');
  await secretariat.context().close();
});
