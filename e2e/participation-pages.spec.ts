// SPDX-License-Identifier: EUPL-1.2
// The participation hub and the proposal pages in a real browser, with axe (WCAG 2.1 A/AA), at
// phone and desktop widths: the hub, the list (filtered and searched), an open proposal with its
// progress bar and signing link, a proposal on an agenda, a decided one, in Norwegian and Swedish.
// The pages come from an app in this process, seeded with public projection rows by the
// participation-site factory (as the projections would write them) and served to Chromium through
// request interception, independent of the proposals module's demo data.
import { expect, test } from '@playwright/test';
import { councilSeeder } from '../src/council-site/test-support.ts';
import { participationSeeder } from '../src/participation-site/test-support.ts';
import { createTestRadhus, type TestRadhus } from '../src/test-support/app.ts';
import { expectAccessible } from './axe.ts';

const ORIGIN = 'http://participation.test';
let radhus: TestRadhus;
let slug: string;
let swedishSlug: string;
const ids: Record<string, string> = {};

test.beforeAll(async () => {
  radhus = await createTestRadhus();
  const tenant = await radhus.tenant({ name: 'Fjordvik kommune', country: 'NO' });
  const swedish = await radhus.tenant({ name: 'Sjöby kommun', country: 'SE' });
  slug = tenant.slug;
  swedishSlug = swedish.slug;
  const council = councilSeeder(radhus.ctx.db, tenant.id);
  const ap = await council.party('Ap', 'Arbeiderpartiet');
  const kari = await council.person('Kari', 'Leder', ap);
  const body = await council.body('kommunestyret', 'Kommunestyret');
  const meeting = await council.meeting({ bodyId: body, startsAt: '2026-03-19T16:00:00Z', items: [{ itemNumber: 'PS 1/26', title: 'Innbyggjarforslag: Lys i lysløypa', caseNumber: '2026/77' }] });
  const seed = participationSeeder(radhus.ctx.db, tenant.id);
  ids.open = await seed.proposal({ title: 'Benker langs fjordstien', body: 'Eldre treng kvilestader.\n\nDet manglar benker mellom kaia og badeplassen.', signatureCount: 120, createdAt: '2026-02-10T10:00:00Z', closesAt: '2026-08-10T10:00:00Z' });
  ids.agenda = await seed.proposal({ title: 'Lys i lysløypa', status: 'on-agenda', signatureCount: 312, createdAt: '2025-11-01T10:00:00Z', reachedAt: '2026-01-15T12:00:00Z', bodyId: body, caseNumber: '2026/77', decisionDueOn: '2026-07-15', meetingId: meeting.id, agendaItemId: meeting.itemIds[0]! });
  ids.decided = await seed.proposal({ title: 'Ny gapahuk ved vatnet', status: 'decided', signatureCount: 300, createdAt: '2025-06-01T10:00:00Z', reachedAt: '2025-09-01T12:00:00Z', bodyId: body, caseNumber: '2025/310', decisionText: 'Kommunestyret vedtek å byggje gapahuk.', decidedAt: '2026-02-12T18:00:00Z' });
  await seed.consultation({ title: 'Høyring: kommuneplanens arealdel', opensAt: '2026-02-01T08:00:00Z', deadline: '2026-04-01T22:00:00Z' });
  await seed.question({ text: 'Kva gjer kommunen med rasfaren ved skulen?', askerName: 'Per Spør', personId: kari, askedAt: '2026-02-20T09:00:00Z' });
  await seed.question({ text: 'Kvifor vart biblioteket stengt i vinterferien?', askerName: 'Liv Lesar', partyId: ap, askedAt: '2026-02-01T09:00:00Z', answer: 'Fordi personalet hadde ferie.' });
  ids.swedish = await participationSeeder(radhus.ctx.db, swedish.id).proposal({ title: 'Fler parkbänkar i Sjöby', threshold: 50, signatureCount: 7 });
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

    test('every participation page passes axe', async ({ page }) => {
      const pages: [string, string][] = [
        [`/${slug}/deltakelse`, 'Medvirkning – Rådhus'],
        [`/${slug}/deltakelse/forslag`, 'Innbyggerforslag – Rådhus'],
        [`/${slug}/deltakelse/forslag?status=open&q=benker`, 'Innbyggerforslag – Rådhus'],
        [`/${slug}/deltakelse/forslag?status=decided&q=ingenting`, 'Innbyggerforslag – Rådhus'],
        [`/${slug}/deltakelse/forslag/${ids.open}`, 'Benker langs fjordstien – Rådhus'],
        [`/${slug}/deltakelse/forslag/${ids.agenda}`, 'Lys i lysløypa – Rådhus'],
        [`/${slug}/deltakelse/forslag/${ids.decided}?lang=en`, 'Ny gapahuk ved vatnet – Rådhus'],
        [`/${swedishSlug}/deltakelse`, 'Medverkan – Rådhus'],
        [`/${swedishSlug}/deltakelse/forslag/${ids.swedish}`, 'Fler parkbänkar i Sjöby – Rådhus'],
      ];
      for (const [path, title] of pages) {
        await page.goto(`${ORIGIN}${path}`);
        await expect(page).toHaveTitle(title);
        await expectAccessible(page, `${path} at ${name} width`);
      }
    });

    test('the hub leads to an open proposal, whose progress bar is named and whose signing link goes to the web app', async ({ page }) => {
      await page.goto(`${ORIGIN}/${slug}/deltakelse`);
      await page.getByRole('link', { name: 'Benker langs fjordstien' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Benker langs fjordstien');
      await expect(page.getByRole('progressbar', { name: '120 av 300 underskrifter (40 %)' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Signer med e-ID' })).toHaveAttribute('href', `/app/${slug}/proposals/${ids.open}`);
    });
  });
}
