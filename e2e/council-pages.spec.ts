// SPDX-License-Identifier: EUPL-1.2
// The council's public pages in a real browser, with axe, at phone and desktop widths: the calendar,
// a body, a meeting (late, closed and voted items, video), a politician, the search and the notice
// board. The pages come from an app in this process, seeded with public projection rows by the
// council-site factory and served to Chromium through request interception, until the demo
// municipalities have council data of their own.
import { expect, test } from '@playwright/test';
import { councilSeeder } from '../src/council-site/test-support.ts';
import { createTestRadhus, type TestRadhus } from '../src/test-support/app.ts';
import { expectAccessible } from './axe.ts';

const ORIGIN = 'http://council.test';
let radhus: TestRadhus;
let slug: string;
const ids: Record<string, string> = {};

test.beforeAll(async () => {
  radhus = await createTestRadhus();
  const tenant = await radhus.tenant({ name: 'Fjordvik kommune', country: 'NO' });
  slug = tenant.slug;
  const seed = councilSeeder(radhus.ctx.db, tenant.id);
  const ap = await seed.party('Ap', 'Arbeiderpartiet');
  const h = await seed.party('H', 'Høyre');
  ids.kari = await seed.person('Kari', 'Leder', ap);
  ids.ola = await seed.person('Ola', 'Medlem', h);
  const body = await seed.body('kommunestyret', 'Kommunestyret');
  await seed.membership(body, ids.kari, 'leader', ap);
  await seed.membership(body, ids.ola, 'member', h);
  await seed.membership(body, await seed.person('Siri', 'Vara', ap), 'substitute', ap, 1);
  ids.meeting = (
    await seed.meeting({
      bodyId: body, startsAt: '2026-03-05T16:00:00Z', endsAt: '2026-03-05T20:00:00Z', location: 'Kommunestyresalen', status: 'held', recordingUrl: 'https://video.example/opptak.mp4',
      items: [
        {
          itemNumber: 'PS 12/26', title: 'Nytt skulebygg', caseNumber: '2026/44', decision: 'Kommunestyret vedtar å byggje skulebygget.', videoOffsetSeconds: 754,
          proposals: [{ position: 1, kind: 'proposal', text: 'Saka blir utsett.', proposerPersonId: ids.ola, partyId: h }],
          votes: [{ position: 1, subject: 'Innstilling mot utsetjing', method: 'roll-call', outcome: 'for', counts: [{ option: 'for', label: 'Innstillinga', count: 1 }, { option: 'against', label: 'Utsetjing', count: 1 }], parties: [{ partyId: ap, option: 'for', count: 1 }, { partyId: h, option: 'against', count: 1 }], ballots: [{ personId: ids.kari, partyId: ap, option: 'for' }, { personId: ids.ola, partyId: h, option: 'against' }] }],
        },
        { itemNumber: 'PS 13/26', title: 'Tilleggssak om brøyting', late: true },
        { itemNumber: 'PS 14/26', title: 'Personalsak', closed: 'Offentleglova § 13' },
      ],
      notices: [{ kind: 'minutes', title: 'Protokoll frå kommunestyret 5. mars', postedOn: '2026-03-02', appealClosesOn: '2026-03-23' }],
    })
  ).id;
});

test.afterAll(async () => {
  await radhus?.close();
});

test.beforeEach(async ({ page }) => {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const request = route.request();
    const res = await radhus.app.inject({ method: request.method() as 'GET', url: request.url().slice(ORIGIN.length), headers: { accept: request.headers().accept ?? '*/*' }, payload: request.postData() ?? undefined });
    await route.fulfill({ status: res.statusCode, headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)])), body: res.rawPayload });
  });
});

for (const { name, viewport } of [{ name: 'phone', viewport: { width: 375, height: 667 } }, { name: 'desktop', viewport: { width: 1280, height: 800 } }]) {
  test.describe(`at ${name} width`, () => {
    test.use({ viewport });

    test('every council page passes axe', async ({ page }) => {
      const pages: [string, string][] = [
        [`/${slug}/politikk?month=2026-03`, 'Politikk – Rådhus'],
        [`/${slug}/politikk/organ/kommunestyret`, 'Kommunestyret – Rådhus'],
        [`/${slug}/politikk/mote/${ids.meeting}`, ''],
        [`/${slug}/politikk/politiker/${ids.ola}`, 'Ola Medlem – Rådhus'],
        [`/${slug}/politikk/sok?q=skulebygget`, 'Søk i saker og vedtak – Rådhus'],
        [`/${slug}/politikk/oppslagstavle`, 'Oppslagstavle – Rådhus'],
        [`/${slug}/politikk?lang=sv`, 'Politik – Rådhus'],
      ];
      for (const [path, title] of pages) {
        await page.goto(`${ORIGIN}${path}`);
        if (title) await expect(page).toHaveTitle(title);
        await expectAccessible(page, `${path} at ${name} width`);
      }
    });
  });
}

test('the meeting page shows a closed item only by title and legal basis, and links each item to its moment', async ({ page }) => {
  await page.goto(`${ORIGIN}/${slug}/politikk/mote/${ids.meeting}`);
  await expect(page.getByText('Lukket sak. Hjemmel: Offentleglova § 13')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Se saken i opptaket' })).toHaveAttribute('href', 'https://video.example/opptak.mp4#t=754');
  await page.getByRole('link', { name: 'Ola Medlem' }).first().click();
  await expect(page).toHaveTitle('Ola Medlem – Rådhus');
});
