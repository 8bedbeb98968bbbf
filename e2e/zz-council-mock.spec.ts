// SPDX-License-Identifier: EUPL-1.2
// TEMPORARY (not committed): renders the council pages against canned API answers.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { logInAs } from './login.ts';

const persons = [
  { id: 'p1', givenName: 'Ola', familyName: 'Nordmann', partyId: 'ap' },
  { id: 'p2', givenName: 'Kari', familyName: 'Hansen', partyId: 'ap' },
  { id: 'p3', givenName: 'Per', familyName: 'Olsen', partyId: 'h' },
  { id: 'p4', givenName: 'Siri', familyName: 'Berg', partyId: 'h' },
  { id: 'p5', givenName: 'Nils', familyName: 'Vara', partyId: 'h' },
];
const parties = [{ id: 'ap', code: 'Ap', name: 'Arbeiderpartiet' }, { id: 'h', code: 'H', name: 'Høyre' }];
const memberships = persons.map((p, i) => ({ id: `m${i}`, bodyId: 'b1', termId: 't1', personId: p.id, role: i === 0 ? 'leader' : i === 4 ? 'substitute' : 'member', partyId: p.partyId, substituteOrder: i === 4 ? 1 : null, startsOn: '2023-10-01', endsOn: null }));
const item = (n: number, extra = {}) => ({ id: `i${n}`, position: n, itemNumber: `${n}/26`, title: `Sak nummer ${n}`, caseFileId: null, caseNumber: '2026/4', presentationEntryId: null, late: n === 2, closed: n === 3, closedLegalBasis: n === 3 ? 'kommuneloven § 11-5' : null, decisionText: null, videoOffsetSeconds: null, transcriptSha256: null, proposals: [], votes: [], disqualifications: [], ...extra });
const meeting = (status: string) => ({
  id: 'mt1', bodyId: 'b1', startsAt: '2026-11-30T17:00:00Z', endsAt: null, location: 'Kommunestyresalen', status, open: true, summonedAt: null, agendaPublicFrom: '2026-11-23T00:00:00Z',
  liveStreamUrl: null, recordingUrl: null, minutesStatus: 'none', minutesEntryId: null, noticePostedOn: '2026-12-01', appealClosesOn: '2026-12-22',
  items: [item(1, { proposals: [{ id: 'pr1', position: 1, kind: 'recommendation', text: 'Innstillingen vedtas.', proposerPersonId: null, partyId: null }], votes: [{ id: 'v1', position: 1, subject: 'Innstillingen', method: 'show-of-hands', outcome: 'for', counts: [{ option: 'for', label: 'For', count: 2 }, { option: 'against', label: 'Mot', count: 2 }], ballots: [{ personId: 'p1', option: 'for' }, { personId: 'p2', option: 'for' }, { personId: 'p3', option: 'against' }, { personId: 'p4', option: 'against' }] }] }), item(2), item(3)],
  attendance: [{ personId: 'p1', status: 'present', substituteFor: null }, { personId: 'p2', status: 'absent', substituteFor: null }, { personId: 'p3', status: 'present', substituteFor: null }, { personId: 'p4', status: 'present', substituteFor: null }, { personId: 'p5', status: 'present', substituteFor: 'p2' }],
  adjusters: [{ personId: 'p1', signedAt: '2026-12-01T10:00:00Z' }, { personId: 'p3', signedAt: null }],
});

async function mock(page: Page, status: string) {
  await page.route('**/api/v1/balsfjord/council/**', async (route) => {
    const url = new URL(route.request().url());
    const path = url.pathname.replace('/api/v1/balsfjord/council', '');
    const method = route.request().method();
    const json = (body: unknown, code = 200) => route.fulfill({ status: code, contentType: code >= 400 ? 'application/problem+json' : 'application/json', body: JSON.stringify(body) });
    if (method === 'POST' && path.endsWith('/votes')) return json({ type: 'about:blank', title: 'Bad', status: 422, code: 'validation', detail: 'x', errors: [{ field: 'counts', code: 'invalid', message: 'do not add up' }, { field: 'ballots.1.option', code: 'duplicate', message: 'twice' }] }, 422);
    if (path === '/bodies') return json({ items: [{ id: 'b1', code: 'kommunestyret', kind: 'council', name: 'Kommunestyret', shortName: null, publishDaysBefore: 7, adjustersRequired: 2 }] });
    if (path === '/terms') return json({ items: [{ id: 't1', name: '2023–2027', startsOn: '2023-10-01', endsOn: '2027-09-30' }] });
    if (path === '/parties') return json({ items: parties });
    if (path === '/persons') return json({ items: persons });
    if (path === '/bodies/b1/memberships') return json({ items: memberships });
    if (path === '/meetings') return json({ items: [meeting(status)] });
    if (path === '/meetings/mt1') return json(meeting(status));
    return json({});
  });
}

test('council pages render and pass axe', async ({ page }) => {
  test.setTimeout(180_000);
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await mock(page, 'summoned');
  await page.goto('/app/');
  await logInAs(page, { municipality: /Balsfjord/, person: /Kristoffer Berg/ });
  await page.goto('/app/balsfjord/council');
  await expect(page.getByRole('heading', { level: 1, name: 'Politiske organer' })).toBeVisible();
  for (const w of [375, 1024]) { await page.setViewportSize({ width: w, height: 800 }); await expectAccessible(page, `bodies ${w}`); }
  await page.getByRole('link', { name: 'Kommunestyret' }).click();
  await expect(page.getByRole('table', { name: 'Medlemmer av Kommunestyret' })).toBeVisible();
  await page.getByText('Planlegg et møte', { exact: true }).first().click();
  await page.getByText('Legg til et medlem', { exact: true }).first().click();
  for (const w of [375, 1024]) { await page.setViewportSize({ width: w, height: 800 }); await expectAccessible(page, `body ${w}`); }
  await page.screenshot({ path: 'test-results/council-body.png', fullPage: true });
  await page.goto('/app/balsfjord/council/meetings/mt1');
  await expect(page.getByRole('table', { name: 'Saksliste' })).toBeVisible();
  await page.getByText('Legg til en sak på sakslisten', { exact: true }).first().click();
  for (const w of [375, 1024]) { await page.setViewportSize({ width: w, height: 800 }); await expectAccessible(page, `meeting ${w}`); }
  const vote = page.getByRole('form', { name: 'Før voteringen' });
  await vote.getByLabel(/^Hele partiet: Høyre/).selectOption('against');
  await vote.getByLabel(/^Hele partiet: Arbeiderpartiet/).selectOption('for');
  await vote.getByRole('button', { name: 'Tell stemmene fra medlemmenes stemmer' }).click();
  console.log('for', await vote.getByLabel(/^Stemmer For/).inputValue(), 'mot', await vote.getByLabel(/^Stemmer Mot/).inputValue());
  await vote.getByRole('button', { name: 'Før voteringen' }).click();
  await expect(vote.getByRole('heading', { name: 'Rett opp dette før du går videre' })).toBeVisible();
  console.log(await vote.locator('.ds-error-summary, [class*=error-summary]').first().innerText().catch(() => 'no summary text'));
  for (const w of [375, 1024]) { await page.setViewportSize({ width: w, height: 800 }); await expectAccessible(page, `meeting vote error ${w}`); }
  await page.screenshot({ path: 'test-results/council-meeting.png', fullPage: true });
  await page.unrouteAll();
  await mock(page, 'held');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Møtebok' })).toBeVisible();
  for (const w of [375, 1024]) { await page.setViewportSize({ width: w, height: 800 }); await expectAccessible(page, `meeting held ${w}`); }
  await page.goto('/app/balsfjord');
  await expect(page.getByRole('link', { name: 'Åpne de politiske organene' })).toBeVisible();
});
