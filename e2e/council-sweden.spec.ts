// SPDX-License-Identifier: EUPL-1.2
// Council information in a Swedish demo municipality (issue 10): Aneby's nämndsekreterare sets up
// the roster in the UI (a party refused with its field named, then added, and a förtroendevald of
// it), records a party's reservation on an item of a held kommunfullmäktige meeting from the demo,
// appoints two justerare, approves the minutes and signs on both adjusters' behalf. The minutes are
// then adjusted, and the public anslagstavla shows them with the last day to appeal, three weeks
// after the posting (kommunallagen 13 kap. 5 §). axe checks every state at phone and desktop widths.
import { expect, test, type Page } from '@playwright/test';
import { formatDate } from '../src/site/i18n.ts';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';

const desktop = { width: 1024, height: 768 };
const phone = { width: 375, height: 667 };

async function accessibleAtBothWidths(page: Page, state: string) {
  await page.setViewportSize(phone);
  await expectAccessible(page, `${state} (phone)`);
  await page.setViewportSize(desktop);
  await expectAccessible(page, `${state} (desktop)`);
}

const suffix = Date.now().toString(36);
const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

test('the secretariat sets up the roster, records a reservation, and the adjusted minutes reach the notice board', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/app/');
  await logInAs(page, { municipality: /Aneby/, person: /Ulla Bergström/ });
  await expect(page).toHaveURL(/\/app\/aneby$/);
  await page.getByRole('link', { name: 'Öppna de politiska organen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Politiska organ' })).toBeVisible();
  // The demo council is there, with its roster listed under the bodies.
  await expect(page.getByRole('table', { name: 'Politiska organ i Aneby kommun' }).getByRole('link', { name: 'Kommunfullmäktige' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Mandatperioder' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Förtroendevalda i Aneby kommun' })).toBeVisible();
  await accessibleAtBothWidths(page, 'the bodies and the roster');

  // A party: refused without its name and abbreviation, each field named beside it; nothing is added.
  const partyName = `Bygdelistan ${suffix}`;
  await page.getByText('Lägg till ett parti', { exact: true }).first().click();
  const partyForm = page.getByRole('form', { name: 'Lägg till ett parti' });
  await partyForm.getByRole('button', { name: 'Lägg till ett parti' }).click();
  await expect(partyForm.getByLabel(/^Partinamn/)).toHaveAttribute('aria-invalid', 'true');
  await expect(partyForm.getByLabel(/^Partibeteckning/)).toHaveAttribute('aria-invalid', 'true');
  await accessibleAtBothWidths(page, 'a party refused with field errors');
  await partyForm.getByLabel(/^Partinamn/).fill(partyName);
  await partyForm.getByLabel(/^Partibeteckning/).fill(`BL${suffix.slice(-3)}`);
  await partyForm.getByRole('button', { name: 'Lägg till ett parti' }).click();
  await expect(status(page, `${partyName} är tillagt.`)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: partyName })).toBeVisible();

  // A förtroendevald of the new party.
  await page.getByText('Lägg till en förtroendevald', { exact: true }).first().click();
  const personForm = page.getByRole('form', { name: 'Lägg till en förtroendevald' });
  await personForm.getByLabel(/^Förnamn/).fill('Greta');
  await personForm.getByLabel(/^Efternamn/).fill(`Lindahl ${suffix}`);
  await personForm.getByLabel('Parti').selectOption({ label: partyName });
  await accessibleAtBothWidths(page, 'the form to add a förtroendevald');
  await personForm.getByRole('button', { name: 'Lägg till en förtroendevald' }).click();
  await expect(status(page, `Greta Lindahl ${suffix} är tillagd.`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Förtroendevalda i Aneby kommun' }).getByRole('row').filter({ hasText: `Greta Lindahl ${suffix}` })).toContainText(partyName);

  // A held meeting of the demo's kommunfullmäktige whose minutes are not approved yet.
  const api = '/api/v1/aneby/council';
  const bodies = (await (await page.request.get(`${api}/bodies`)).json()).items as { id: string; code: string }[];
  const council = bodies.find((b) => b.code === 'kommunfullmaktige')!;
  const year = 365 * 86_400_000;
  const span = `from=${new Date(Date.now() - year).toISOString()}&to=${new Date(Date.now() + year).toISOString()}`;
  const meetings = (await (await page.request.get(`${api}/meetings?body=${council.id}&${span}`)).json()).items as { id: string; status: string; minutesStatus: string }[];
  const meeting = meetings.find((m) => m.status === 'held' && (m.minutesStatus === 'none' || m.minutesStatus === 'draft'));
  expect(meeting, `a held council meeting without approved minutes in ${JSON.stringify(meetings.map((m) => [m.status, m.minutesStatus]))}`).toBeTruthy();
  await page.goto(`/app/aneby/council/meetings/${meeting!.id}`);
  await expect(page.getByText('Hållet', { exact: true })).toBeVisible();

  // A party's reservation (reservation) on the item: refused without a member or a party, then recorded.
  const reservation = page.getByRole('form', { name: 'Anteckna en reservation' });
  await reservation.getByRole('button', { name: 'Anteckna en reservation' }).click();
  await expect(reservation.getByLabel('Parti')).toHaveAttribute('aria-invalid', 'true');
  await reservation.getByLabel('Parti').selectOption({ label: 'Sverigedemokraterna' });
  await reservation.getByLabel(/^Motivering/).fill('Vi reserverar oss till förmån för eget förslag.');
  await reservation.getByRole('button', { name: 'Anteckna en reservation' }).click();
  await expect(status(page, /Reservationen i ärende .* är antecknad\./)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Sverigedemokraterna: Vi reserverar oss till förmån för eget förslag.' })).toBeVisible();
  await accessibleAtBothWidths(page, 'an item with a reservation');

  // Justering: two adjusters among the members present, the minutes approved, both signed for.
  const choose = page.getByRole('group', { name: 'Justerare som skriver under protokollet' });
  await choose.getByRole('checkbox').nth(0).check();
  await choose.getByRole('checkbox').nth(1).check();
  await page.getByRole('button', { name: 'Utse justerarna' }).click();
  await expect(status(page, /^Justerare: /)).toBeVisible();
  await page.getByRole('button', { name: 'Godkänn protokollet' }).click();
  await expect(status(page, 'Protokollet är godkänt, upprättat och arkiverat.')).toBeVisible();
  await expect(page.getByText('Protokollet är godkänt och arkiverat; det väntar på justering.')).toBeVisible();
  await accessibleAtBothWidths(page, 'approved minutes waiting for the adjusters');
  const sign = page.getByRole('button', { name: /^Skriv under för / });
  await expect(sign).toHaveCount(2);
  await sign.first().click();
  await expect(status(page, /har skrivit under protokollet\./)).toBeVisible();
  await expect(sign).toHaveCount(1);
  await sign.first().click();
  await expect(page.getByText('Protokollet är justerat och publicerat.')).toBeVisible();
  await expect(page.getByText(/^Tiden för överklagande går ut /)).toBeVisible();
  await accessibleAtBothWidths(page, 'adjusted minutes with the last day to appeal');

  // The appeal window: three weeks from the posting, or the next working day after.
  const adjusted = (await (await page.request.get(`${api}/meetings/${meeting!.id}`)).json()) as { noticePostedOn: string; appealClosesOn: string };
  const threeWeeks = new Date(Date.parse(`${adjusted.noticePostedOn}T00:00:00Z`) + 21 * 86_400_000).toISOString().slice(0, 10);
  expect(adjusted.appealClosesOn >= threeWeeks).toBe(true);
  expect(Date.parse(adjusted.appealClosesOn) - Date.parse(threeWeeks)).toBeLessThan(7 * 86_400_000);

  // The public anslagstavla (filled by the projection a moment later) shows the posting and the last day.
  // The meeting has two notices there: its summons and, now, its adjusted minutes.
  const notice = page.getByRole('listitem').filter({ has: page.locator(`a[href$="/mote/${meeting!.id}"]`) }).filter({ hasText: 'Sista dag för överklagande' });
  await expect(async () => {
    await page.goto('/aneby/politikk/oppslagstavle?lang=sv');
    await expect(notice).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Anslagstavla' })).toBeVisible();
  await expect(notice).toContainText(`Anslaget ${formatDate(adjusted.noticePostedOn, 'sv')}`);
  await expect(notice).toContainText(`Sista dag för överklagande: ${formatDate(adjusted.appealClosesOn, 'sv')}`);
  await accessibleAtBothWidths(page, 'the notice board with the adjusted minutes');
});
