// SPDX-License-Identifier: EUPL-1.2
// The public consultation pages in a real browser (they carry no script at all: plain forms), with axe on every page and
// state (issue 11 §2): the list, a consultation with its document and published comment, the comment
// form refused and then sent, the page behind the mailed link and the filed comment. The pages come
// from an app in this process, served to Chromium through request interception.
import { expect, test } from '@playwright/test';
import { sql } from 'kysely';
import { createTestRadhus, type TestRadhus } from '../src/test-support/app.ts';
import { expectAccessible } from './axe.ts';

const ORIGIN = 'http://consultations.test';
const DAY = 86_400_000;
let radhus: TestRadhus;
let slug: string;
let consultationId: string;

test.beforeAll(async () => {
  radhus = await createTestRadhus();
  const tenant = await radhus.tenant({ name: 'Fjordvik kommune', country: 'NO' });
  slug = tenant.slug;
  const officer = { authorization: `Bearer ${await radhus.token(tenant, 'case-officer')}` };
  const api = async (url: string, payload?: object) => {
    const res = await radhus.app.inject({ method: 'POST', url: `/api/v1/${slug}${url}`, headers: officer, ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const kase = await api('/case-files', { title: 'Gatebruksplan for sentrum' });
  const letter = await api(`/case-files/${kase.id}/registry-entries`, { type: 'outgoing', title: 'Høringsbrev om gatebruksplan', correspondents: [{ name: 'Høringsinstansene', kind: 'organisation', role: 'recipient' }] });
  consultationId = (await api('/consultations', { caseFileId: kase.id, title: 'Høring: gatebruksplan for sentrum', description: 'Kommunen ber om innspill.', deadline: new Date(radhus.clock.now().getTime() + 14 * DAY).toISOString(), documentEntryIds: [letter.id] })).id;
  const person = await radhus.app.inject({ method: 'POST', url: `/api/v1/${slug}/consultations/${consultationId}/comments`, payload: { text: 'Mer plass til sykkel.', authorName: 'Kari Nordmann', email: 'kari@example.no' } });
  const token = /token=([A-Za-z0-9_-]+)/.exec((await sql<{ payload: { mail: { text: string } } }>`select payload from jobs where type = 'mail.send'`.execute(radhus.ctx.db.kysely)).rows[0]!.payload.mail.text)![1];
  expect(person.statusCode).toBe(202);
  await radhus.app.inject({ method: 'POST', url: `/api/v1/${slug}/consultations/comments/confirmation`, payload: { token } });
  await api(`/consultations/${consultationId}/publication`);
  await radhus.settle();
});

test.afterAll(async () => {
  await radhus?.close();
});

test.beforeEach(async ({ page }) => {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const request = route.request();
    const headers = request.headers();
    const res = await radhus.app.inject({
      method: request.method() as 'GET', url: request.url().slice(ORIGIN.length),
      headers: { accept: headers.accept ?? '*/*', ...(headers['content-type'] ? { 'content-type': headers['content-type'] } : {}) }, payload: request.postData() ?? undefined,
    });
    const out = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
    if (out.location?.startsWith('/')) out.location = `${ORIGIN}${out.location}`;
    await route.fulfill({ status: res.statusCode, headers: out, body: res.rawPayload });
  });
});

for (const { name, viewport } of [{ name: 'phone', viewport: { width: 375, height: 667 } }, { name: 'desktop', viewport: { width: 1280, height: 800 } }]) {
  test.describe(`at ${name} width`, () => {
    test.use({ viewport });

    test('a citizen reads a consultation and comments without login through the plain form; every page passes axe', async ({ page }) => {
      await page.goto(`${ORIGIN}/${slug}/deltakelse/horinger`);
      expect(await page.locator('script').count()).toBe(0);
      await expect(page).toHaveTitle('Høringer – Rådhus');
      await expectAccessible(page, `the list at ${name} width`);
      await page.getByRole('link', { name: 'Høring: gatebruksplan for sentrum' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Høring: gatebruksplan for sentrum');
      await expect(page.getByText('Mer plass til sykkel.')).toBeVisible();
      await expectAccessible(page, `the consultation at ${name} width`);

      // The browser's own check is switched off so that the server's answer is what is seen.
      await page.getByLabel('Navn').fill('Ola Nordmann');
      await page.getByLabel('E-postadresse').fill('ola@');
      await page.getByLabel('Uttalelse', { exact: true }).fill('Flere benker langs gata.');
      await page.evaluate(() => document.querySelector('form[action$="/uttalelse"]')?.setAttribute('novalidate', ''));
      await page.getByRole('button', { name: 'Send uttalelsen' }).click();
      await expect(page.getByRole('alert')).toContainText('Uttalelsen ble ikke sendt');
      await expect(page.getByLabel('Uttalelse', { exact: true })).toHaveValue('Flere benker langs gata.');
      await expectAccessible(page, `the refused form at ${name} width`);

      await page.getByLabel('E-postadresse').fill(`ola-${name}@example.no`);
      await page.getByRole('button', { name: 'Send uttalelsen' }).click();
      await expect(page.getByRole('status')).toContainText('Sjekk e-posten din');
      await expectAccessible(page, `the sent notice at ${name} width`);

      const mails = (await sql<{ payload: { mail: { to: string; text: string } } }>`select payload from jobs where type = 'mail.send'`.execute(radhus.ctx.db.kysely)).rows.map((r) => r.payload.mail);
      const link = /https?:\/\/\S+/.exec(mails.find((m) => m.to === `ola-${name}@example.no`)!.text)![0].replace(/^https?:\/\/[^/]+/, ORIGIN);
      await page.goto(link);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bekreft uttalelsen');
      await expectAccessible(page, `the confirmation page at ${name} width`);
      await page.getByRole('button', { name: 'Bekreft og send' }).click();
      await expect(page.getByRole('status')).toContainText('Uttalelsen er journalført');
      await expectAccessible(page, `the confirmed notice at ${name} width`);
    });
  });
}
