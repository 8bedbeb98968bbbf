// SPDX-License-Identifier: EUPL-1.2
// The public pages on the real app and database: what they show, in which language, that they read
// only the public tables, and their titles, landmarks and caching.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../conformance/fixtures.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';

let radhus: TestRadhus;
let norwegian: Tenant;
let swedish: Tenant;
let quiet: Tenant;

const html = { accept: 'text/html,application/xhtml+xml' };
const page = (url: string, headers: Record<string, string> = {}) => radhus.app.inject({ url, headers: { ...html, ...headers } });
const titleOf = (body: string) => /<title>([^<]*)<\/title>/.exec(body)?.[1];
const langOf = (body: string) => /<html lang="([^"]+)"/.exec(body)?.[1];

interface Published {
  documentNumber: string;
  title: string;
  journalDate: string;
  correspondents?: { name: string; role: string }[];
  entryType?: string;
}

/** Writes projection rows the way the journal's consumer will: as the owner, straight into the public tables. */
async function publish(tenant: Tenant, entries: Published[]): Promise<void> {
  const caseId = randomUUID();
  const db = radhus.ctx.db.kysely;
  await db
    .insertInto('public_case_files' as never)
    .values({ id: caseId, tenant_id: tenant.id, case_number: '2026/7', case_year: 2026, case_sequence: 7, public_title: 'Offentlig sakstittel', status: 'in-progress', case_date: '2026-01-05', updated_at: new Date() } as never)
    .execute();
  for (const [index, entry] of entries.entries()) {
    const sequence = Number(entry.documentNumber.split('-')[1]);
    await db
      .insertInto('public_registry_entries' as never)
      .values({
        id: randomUUID(),
        tenant_id: tenant.id,
        case_file_id: caseId,
        registry_number: `2026/${100 + index}`,
        entry_year: 2026,
        entry_sequence: sequence,
        document_number: entry.documentNumber,
        entry_type: entry.entryType ?? 'incoming',
        case_number: '2026/7',
        case_public_title: 'Offentlig sakstittel',
        public_title: entry.title,
        journal_date: entry.journalDate,
        correspondents: JSON.stringify(entry.correspondents ?? []),
        published_at: new Date(),
        updated_at: new Date(),
      } as never)
      .execute();
  }
}

beforeAll(async () => {
  radhus = await createTestRadhus();
  norwegian = await radhus.tenant({ name: 'Fjordvik kommune', country: 'NO' });
  swedish = await radhus.tenant({ name: 'Sjöby kommun', country: 'SE' });
  quiet = await radhus.tenant({ name: 'Stillevik kommune', country: 'NO' });
  // Twelve entries on different days; the front page shows the ten newest.
  await publish(
    norwegian,
    Array.from({ length: 12 }, (_, i) => ({
      documentNumber: `2026/7-${i + 1}`,
      title: `Publisert brev nummer ${i + 1}`,
      journalDate: `2026-03-${String(i + 1).padStart(2, '0')}`,
      correspondents: i === 11 ? [{ name: 'Kari Nordmann', role: 'sender' }, { name: 'Ola Bygg AS', role: 'recipient' }, { name: '*****', role: 'copy' }] : [],
    })),
  );
  await publish(swedish, [{ documentNumber: '2026/7-1', title: 'Ansökan om <bygglov> & "marklov"', journalDate: '2026-02-03', entryType: 'outgoing' }]);
}, 120_000);

afterAll(async () => {
  await radhus?.close();
});

describe('the list of municipalities at /', () => {
  it('lists every municipality with a link to its front page, in bokmål by default', async () => {
    const response = await page('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body.startsWith('<!doctype html>')).toBe(true);
    expect(langOf(response.body)).toBe('nb');
    expect(titleOf(response.body)).toBe('Kommuner – Rådhus');
    for (const tenant of [norwegian, swedish, quiet]) expect(response.body).toContain(`<a class="ds-link" href="/${tenant.slug}">${tenant.name}</a>`);
    // Grouped by country when there are two.
    expect(response.body).toMatch(/<h2[^>]*>Norge<\/h2>[\s\S]*Fjordvik kommune[\s\S]*<h2[^>]*>Sverige<\/h2>[\s\S]*Sjöby kommun/);
  });

  it("speaks the browser's language, and bokmål for languages it does not know", async () => {
    const cases: [string, string, string][] = [
      ['sv-SE,sv;q=0.9,en;q=0.5', 'sv', 'Kommuner – Rådhus'],
      ['de-DE,en-GB;q=0.8', 'en', 'Municipalities – Rådhus'],
      ['nn-NO', 'nn', 'Kommunar – Rådhus'],
      ['no', 'nb', 'Kommuner – Rådhus'],
      ['fr, en;q=0', 'nb', 'Kommuner – Rådhus'],
    ];
    for (const [acceptLanguage, language, title] of cases) {
      const response = await page('/', { 'accept-language': acceptLanguage });
      expect(langOf(response.body), acceptLanguage).toBe(language);
      expect(titleOf(response.body), acceptLanguage).toBe(title);
    }
  });
});

describe('a municipality front page', () => {
  it("speaks the municipality's own language and has its own title", async () => {
    const response = await page(`/${swedish.slug}`, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(200);
    expect(langOf(response.body)).toBe('sv');
    expect(titleOf(response.body)).toBe('Sjöby kommun – Rådhus');
    expect(response.body).toContain('Senast i diariet');
    expect(response.body).toContain('<a class="ds-skip-link" href="#main">Hoppa till huvudinnehållet</a>');
  });

  it('has a skip link, landmarks and a language switcher made of plain links', async () => {
    const body = (await page(`/${norwegian.slug}`)).body;
    expect(body).toContain('<main id="main" tabindex="-1" class="site-main">');
    for (const landmark of ['<header', '<nav', '<main', '<footer']) expect(body).toContain(landmark);
    expect(body).toMatch(/<nav class="language-switcher" aria-label="Velg språk">/);
    for (const code of ['nb', 'nn', 'sv', 'en']) expect(body).toContain(`href="/${norwegian.slug}?lang=${code}" lang="${code}"`);
    expect(body).toMatch(/href="[^"]*\?lang=nb"[^>]*aria-current="true"/);
    expect(body).not.toContain('<script');
  });

  it('shows the ten newest published entries with number, date, title and correspondents', async () => {
    const body = (await page(`/${norwegian.slug}`)).body;
    const titles = [...body.matchAll(/<h3[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1]);
    expect(titles).toEqual(Array.from({ length: 10 }, (_, i) => `Publisert brev nummer ${12 - i}`));
    expect(body).toContain('<dd class="journal-entry__number">2026/7-12</dd>');
    expect(body).toContain('<time dateTime="2026-03-12">12.03.2026</time>');
    expect(body).toMatch(/<dt>Fra<\/dt><dd>Kari Nordmann<\/dd><dt>Til<\/dt><dd>Ola Bygg AS<\/dd><dt>Kopi til<\/dt><dd>\*\*\*\*\*<\/dd>/);
    expect(body).toContain('<dd>Inngående brev</dd>');
    expect(body).not.toContain('Publisert brev nummer 2<');
    expect(body).toContain(`href="/app/${norwegian.slug}/"`);
  });

  it('writes dates and labels in the page language', async () => {
    const swedishPage = (await page(`/${swedish.slug}`)).body;
    expect(swedishPage).toContain('<time dateTime="2026-02-03">2026-02-03</time>');
    expect(swedishPage).toContain('<dd>Utgående handling</dd>');
    const english = (await page(`/${swedish.slug}?lang=en`)).body;
    expect(english).toContain('<time dateTime="2026-02-03">3 Feb 2026</time>');
    expect(english).toContain('Latest in the public journal');
  });

  it('escapes what it shows: a title is text, never markup', async () => {
    const body = (await page(`/${swedish.slug}`)).body;
    expect(body).toContain('Ansökan om &lt;bygglov&gt; &amp; &quot;marklov&quot;');
    expect(body).not.toContain('<bygglov>');
  });

  it('says that nothing is published yet, in every language', async () => {
    const expected = { nb: 'Ingenting er publisert ennå.', nn: 'Ingenting er publisert enno.', sv: 'Inget har publicerats ännu.', en: 'Nothing has been published yet.' };
    for (const [language, text] of Object.entries(expected)) {
      const body = (await page(`/${quiet.slug}?lang=${language}`)).body;
      expect(body, language).toContain(text);
      expect(body).not.toContain('<ol class="journal-list">');
    }
  });

  it('reads only the public tables: what the archive holds but has not published does not show', async () => {
    const token = await radhus.token(quiet, 'case-officer');
    const api = (path: string) => `/api/v1/${quiet.slug}${path}`;
    const caseFile = await call(radhus, token, 'POST', api('/case-files'), { title: 'Arkivets egen tittel som ikke er publisert' });
    await call(radhus, token, 'POST', api(`/case-files/${caseFile.id}/registry-entries`), {
      type: 'incoming',
      title: 'Brev bare arkivet kjenner',
      correspondents: [{ name: 'Navn bare arkivet kjenner', kind: 'person', role: 'sender' }],
    });
    const body = (await page(`/${quiet.slug}`)).body;
    expect(body).toContain('Ingenting er publisert ennå.');
    for (const secret of ['Arkivets egen tittel', 'Brev bare arkivet kjenner', 'Navn bare arkivet kjenner']) expect(body).not.toContain(secret);

    await publish(quiet, [{ documentNumber: '2026/7-1', title: 'Nå publisert', journalDate: '2026-04-01' }]);
    const after = (await page(`/${quiet.slug}`)).body;
    expect(after).toContain('Nå publisert');
    expect(after).not.toContain('Brev bare arkivet kjenner');
  });
});

describe('choosing a language', () => {
  it('switches with ?lang= and remembers the choice in a cookie for a year', async () => {
    const response = await page(`/${norwegian.slug}?lang=sv`);
    expect(langOf(response.body)).toBe('sv');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^radhus_lang=sv;/);
    expect(cookie).toContain('Max-Age=31536000');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('SameSite=Lax');
    // The remembered choice wins over the municipality's language and the browser's, on every page.
    for (const url of [`/${norwegian.slug}`, '/', '/no-such-municipality']) {
      const next = await page(url, { cookie: 'radhus_lang=sv', 'accept-language': 'en' });
      expect(langOf(next.body), url).toBe('sv');
      expect(next.headers['set-cookie'], url).toBeUndefined();
    }
  });

  it('ignores values that are not one of the four languages', async () => {
    for (const value of ['de', 'EN', 'nb-NO', '', 'sv&lang=en'.replace('&', '%26')]) {
      const response = await page(`/${norwegian.slug}?lang=${value}`);
      expect(response.statusCode, value).toBe(200);
      expect(langOf(response.body), value).toBe('nb');
      expect(response.headers['set-cookie'], value).toBeUndefined();
    }
    const garbledCookie = await page(`/${swedish.slug}`, { cookie: 'radhus_lang=klingon' });
    expect(langOf(garbledCookie.body)).toBe('sv');
  });
});

describe('caching', () => {
  it('sends an ETag and short public caching, and 304 when the browser has the page', async () => {
    const first = await page(`/${norwegian.slug}`);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers.vary).toMatch(/Accept-Language, Cookie/);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);

    const again = await page(`/${norwegian.slug}`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    // Another language is another page; a newly published entry changes the page.
    expect((await page(`/${norwegian.slug}?lang=en`, { 'if-none-match': etag })).statusCode).toBe(200);
    await publish(norwegian, [{ documentNumber: '2026/7-13', title: 'Helt nytt brev', journalDate: '2026-03-31' }]);
    const changed = await page(`/${norwegian.slug}`, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('Helt nytt brev');
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('keeps a response that sets the language cookie out of shared caches', async () => {
    const response = await page(`/?lang=en`);
    expect(response.headers['cache-control']).toBe('private, max-age=60');
  });
});
