// SPDX-License-Identifier: EUPL-1.2
// Council information in the browser (issue 10 §5): Balsfjord's secretariat plans a meeting of the
// municipal council, builds its agenda from a political case, publishes the summons, records the
// attendance, a proposal and a split vote (one party for, another against; a count that does not
// add up is refused first, with the field named), the decision and the item's moment in the
// recording, marks the meeting held and approves the minutes. Then a citizen, not logged in, finds
// the meeting in the public calendar, opens the item and its video moment and sees how each party
// voted. axe checks every page and state at phone and desktop widths.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';

test.describe.configure({ mode: 'serial' });

const desktop = { width: 1024, height: 768 };
const phone = { width: 375, height: 667 };

/** WCAG 2.1 A/AA at both widths, leaving the page at desktop width. */
async function accessibleAtBothWidths(page: Page, state: string) {
  await page.setViewportSize(phone);
  await expectAccessible(page, `${state} (phone)`);
  await page.setViewportSize(desktop);
  await expectAccessible(page, `${state} (desktop)`);
}

// The meeting starts this hour (local time), so it can be held and its agenda is public at once.
const now = new Date();
const two = (n: number) => String(n).padStart(2, '0');
const date = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
const time = `${two(now.getHours())}:00`;
const place = `Kommunestyresalen ${Date.now().toString(36)}`;
const suffix = Date.now().toString(36);
const bodyName = `Kommunestyret ${suffix}`;
const bodyCode = `ks-${suffix}`;
const itemTitle = `Ny gang- og sykkelvei langs fylkesveien ${Date.now().toString(36)}`;
let meetingPath = '';

test('the secretariat builds an agenda, publishes it, records a split vote and approves the minutes', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/app/');
  await logInAs(page, { municipality: /Balsfjord/, person: /Håkon Eriksen/ });
  await expect(page).toHaveURL(/\/app\/balsfjord$/);
  // The start page says what the secretariat can do here.
  await expect(page.getByRole('heading', { level: 2, name: 'For det politiske sekretariatet' })).toBeVisible();
  await accessibleAtBothWidths(page, "the secretariat's start page");

  await page.getByRole('link', { name: 'Åpne de politiske organene' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Politiske organer' })).toBeVisible();
  await accessibleAtBothWidths(page, 'the list of bodies');

  // A council of its own for this test, so the vote does not depend on the demo's seats: the body
  // through the UI, its election period, parties and people through the API (shorter here; their
  // screens are walked in e2e/council-sweden.spec.ts).
  await page.getByText('Legg til et organ', { exact: true }).first().click();
  const bodyForm = page.getByRole('form', { name: 'Legg til et organ' });
  await bodyForm.getByLabel(/^Navn/).fill(bodyName);
  await bodyForm.getByLabel(/^Kortkode/).fill(bodyCode);
  await bodyForm.getByLabel('Type').selectOption('council');
  await accessibleAtBothWidths(page, 'the form to add a body');
  await bodyForm.getByRole('button', { name: 'Legg til et organ' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${bodyName} er lagt til.` })).toBeVisible();
  const session = await (await page.request.get('/api/v1/session')).json();
  const headers = { 'x-csrf-token': session.csrfToken };
  const api = '/api/v1/balsfjord/council';
  const post = async (path: string, data: object) => {
    const response = await page.request.post(`${api}${path}`, { headers, data });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
    return (await response.json()) as { id: string };
  };
  const bodies = (await (await page.request.get(`${api}/bodies`)).json()).items as { id: string; code: string }[];
  const body = bodies.find((b) => b.code === bodyCode)!;
  const term = await post('/terms', { name: `Valgperiode ${suffix}`, startsOn: '2023-10-01', endsOn: '2027-09-30' });
  const ap = await post('/parties', { code: `A${suffix.slice(-4)}`, name: `Arbeiderlista ${suffix}` });
  const h = await post('/parties', { code: `H${suffix.slice(-4)}`, name: `Høyrelista ${suffix}` });
  const people: [string, string, string, 'leader' | 'member' | 'substitute'][] = [
    ['Ola', 'Nordmann', ap.id, 'leader'],
    ['Kari', 'Hansen', ap.id, 'member'],
    ['Per', 'Olsen', h.id, 'member'],
    ['Siri', 'Berg', h.id, 'member'],
    ['Nils', 'Strand', h.id, 'member'],
    ['Eva', 'Lie', ap.id, 'substitute'],
  ];
  for (const [givenName, familyName, partyId, role] of people) {
    const person = await post('/persons', { givenName, familyName, partyId });
    await post(`/bodies/${body.id}/memberships`, { termId: term.id, personId: person.id, role, partyId, ...(role === 'substitute' ? { substituteOrder: 1 } : {}) });
  }
  await page.reload();
  await page.getByRole('table', { name: 'Politiske organer i Balsfjord kommune' }).getByRole('link', { name: bodyName }).click();

  // The body: its members, with substitutes in order, and the meeting plan.
  await expect(page.getByRole('heading', { level: 2, name: 'Medlemmer' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Medlemmer av/ }).getByRole('row').nth(1)).toBeVisible();
  await accessibleAtBothWidths(page, "a body's members and meeting plan");
  await page.getByText('Planlegg et møte', { exact: true }).first().click();
  await page.getByLabel('Dato').fill(date);
  await page.getByLabel('Starter klokken (tt:mm)').fill(time);
  await page.getByLabel(/^Sted/).fill(place);
  await accessibleAtBothWidths(page, 'the form to plan a meeting');
  await page.locator('form').getByRole('button', { name: 'Planlegg et møte' }).click();
  await expect(page.getByRole('status').filter({ hasText: /er planlagt/ })).toBeVisible();
  await page.getByRole('listitem').filter({ hasText: place }).getByRole('link').click();
  await expect(page).toHaveURL(/\/app\/balsfjord\/council\/meetings\/[^/]+$/);
  meetingPath = new URL(page.url()).pathname;
  await expect(page.getByText('Planlagt', { exact: true })).toBeVisible();
  await accessibleAtBothWidths(page, 'a planned meeting without an agenda');

  // The agenda: a political case from the archive, and an item of the secretariat's own.
  await page.getByText('Legg til en sak på sakslisten', { exact: true }).click();
  // The secretariat's own lookup lists political cases by their public title (the demo's budget case).
  await page.getByRole('textbox', { name: /^Finn den politiske saken i arkivet/ }).fill('budsjett');
  await page.getByRole('button', { name: 'Søk', exact: true }).click();
  const hits = page.getByRole('list', { name: 'Saker funnet' });
  await expect(hits).toBeVisible();
  await accessibleAtBothWidths(page, 'picking a political case');
  await hits.getByRole('button').first().click();
  await expect(page.getByText(/^Valgt sak:/)).toBeVisible();
  await page.getByLabel(/^Tittel/).fill(itemTitle);
  await page.getByRole('button', { name: 'Sett saken på sakslisten' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'står på sakslisten' })).toBeVisible();
  await page.getByLabel(/^Tittel/).fill('Referatsaker');
  await page.getByRole('button', { name: 'Sett saken på sakslisten' }).click();
  const agenda = page.getByRole('table', { name: 'Saksliste' });
  await expect(agenda.getByRole('row')).toHaveCount(3);
  await expect(agenda.getByRole('row').nth(1)).toContainText(itemTitle);
  // Reordered and back: the whole order goes to reorderAgenda.
  await page.getByRole('button', { name: 'Flytt «Referatsaker» opp' }).click();
  await expect(agenda.getByRole('row').nth(1)).toContainText('Referatsaker');
  await page.getByRole('button', { name: 'Flytt «Referatsaker» ned' }).click();
  await expect(agenda.getByRole('row').nth(1)).toContainText(itemTitle);
  await accessibleAtBothWidths(page, 'an agenda with two items');

  // The summons: the agenda goes out and becomes public.
  // The meeting is today, so the summons is later than the body's publication day: the API refuses
  // it until it is said to be late, and then the papers are public at once.
  await page.getByRole('button', { name: 'Publiser innkallingen' }).click();
  await expect(page.getByText(/Innkallingen er for sen/)).toBeVisible();
  await accessibleAtBothWidths(page, 'a late summons explained');
  await page.getByRole('button', { name: 'Publiser innkallingen som for sen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Den sene innkallingen er publisert' })).toBeVisible();
  await expect(page.getByText('Innkalt', { exact: true })).toBeVisible();

  // The roll call: the members present as proposed.
  await page.getByRole('button', { name: 'Lagre fremmøtet' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Fremmøtet er lagret: \d+ til stede/ })).toBeVisible();
  await accessibleAtBothWidths(page, 'a summoned meeting with its attendance');

  // The item: a proposal, then the vote.
  const current = page.getByLabel('Saken som behandles');
  await current.selectOption((await current.locator('option', { hasText: itemTitle }).getAttribute('value'))!);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(itemTitle) })).toBeVisible();
  await page.getByLabel(/^Forslagets tekst/).fill('Kommunestyret ber kommunedirektøren prioritere gang- og sykkelveien i økonomiplanen.');
  await page.getByRole('button', { name: 'Før forslaget' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Forslaget er ført.' })).toBeVisible();

  // A split vote: the first party for, every other party against, counted from the ballots.
  const vote = page.getByRole('form', { name: 'Før voteringen' });
  const partyChoices = vote.getByLabel(/^Hele partiet:/);
  const parties = await partyChoices.count();
  expect(parties).toBeGreaterThan(1);
  for (let i = 0; i < parties; i++) await partyChoices.nth(i).selectOption(i === 0 ? 'for' : 'against');
  await vote.getByRole('button', { name: 'Tell stemmene fra medlemmenes stemmer' }).click();
  const forVotes = Number(await vote.getByLabel(/^Stemmer For/).inputValue());
  const againstVotes = Number(await vote.getByLabel(/^Stemmer Mot/).inputValue());
  expect(forVotes).toBeGreaterThan(0);
  expect(againstVotes).toBeGreaterThan(0);
  // A count that does not add up to the members present is refused, the counts named.
  await vote.getByLabel(/^Stemmer For/).fill(String(forVotes + 1));
  await vote.getByRole('button', { name: 'Før voteringen' }).click();
  await expect(vote.getByRole('heading', { name: 'Rett opp dette før du går videre' })).toBeVisible();
  await accessibleAtBothWidths(page, 'a vote refused with field errors');
  await vote.getByLabel(/^Stemmer For/).fill(String(forVotes));
  await vote.getByLabel('Resultat').selectOption(forVotes > againstVotes ? 'for' : 'against');
  await vote.getByRole('button', { name: 'Før voteringen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Voteringen er ført: For ${forVotes}, Mot ${againstVotes}.` })).toBeVisible();
  await expect(page.getByRole('table', { name: /Slik stemte hvert parti/ }).getByRole('row')).toHaveCount(parties + 1);

  await page.getByLabel(/^Vedtakets tekst/).fill('Kommunestyret ber kommunedirektøren prioritere gang- og sykkelveien i økonomiplanen.');
  await page.getByRole('button', { name: 'Lagre vedtaket' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Vedtaket i sak .* er lagret/ })).toBeVisible();
  await page.getByLabel(/^Hvor saken starter i opptaket/).fill('00:05:30');
  await page.getByRole('button', { name: 'Lagre tidspunktet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'starter 00:05:30 i opptaket' })).toBeVisible();
  await page.getByLabel(/^Adressen til opptaket/).fill('https://video.example.org/balsfjord/kommunestyret.mp4');
  await page.getByRole('button', { name: 'Lagre videoadressene' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Videoadressene er lagret.' })).toBeVisible();
  await accessibleAtBothWidths(page, 'an item recorded with its vote, decision and video moment');

  // Held, then the minutes: generated, filed and published.
  await page.getByRole('button', { name: 'Merk møtet som avholdt' }).click();
  await expect(page.getByText('Avholdt', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Godkjenn møteboken' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Møteboken er godkjent, laget og arkivert.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Godkjenn møteboken' })).toHaveCount(0);
  await accessibleAtBothWidths(page, 'a held meeting with approved minutes');
});

test('a citizen finds the meeting, opens the item at its video moment and sees how each party voted', async ({ page }) => {
  test.skip(!meetingPath, 'needs the meeting the secretariat recorded');
  const meetingId = meetingPath.split('/').at(-1)!;
  await page.goto('/balsfjord');
  // The site's start page links the council's pages as 'Politikk'.
  await page.getByRole('link', { name: 'Politikk', exact: true }).click();
  await expect(page).toHaveURL(/\/balsfjord\/politikk$/);
  // The public pages read the projection, which the outbox fills a moment after the record.
  const meeting = page.locator(`a[href$="/politikk/mote/${meetingId}"]`).first();
  await expect(async () => {
    await page.reload();
    await expect(meeting).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await accessibleAtBothWidths(page, 'the public meeting calendar');
  await meeting.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(itemTitle).first()).toBeVisible();
  await accessibleAtBothWidths(page, 'the public meeting page');

  // The item at its moment in the recording: a media fragment 5 min 30 s in.
  await expect(page.getByRole('link', { name: 'Se saken i opptaket' })).toHaveAttribute('href', 'https://video.example.org/balsfjord/kommunestyret.mp4#t=330');
  // How each party voted: the first party for, the other against.
  const byParty = page.getByRole('table', { name: 'Per parti' }).first();
  await expect(byParty.getByRole('row').filter({ hasText: `Arbeiderlista ${suffix}` })).toContainText('For');
  await expect(byParty.getByRole('row').filter({ hasText: `Høyrelista ${suffix}` })).toContainText('Mot');
});
