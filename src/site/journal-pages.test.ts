// SPDX-License-Identifier: EUPL-1.2
// The public journal's pages and feeds on the real app and database: today's list, a day, the
// search and its filters, keyset paging, the entry and case pages, noindex, the feed links, Atom
// feeds that hold nothing screened, and the access-request form that works without JavaScript.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedLetter, sentMail, type Published } from '../access-requests/test-support.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { PAGE_SIZE, todayIn } from './journal-routes.ts';

let radhus: TestRadhus;
let letter: Published;
let secret: Published;
let busy: Tenant;

const html = { accept: 'text/html,application/xhtml+xml' };
const page = (url: string) => radhus.app.inject({ url, headers: html });
const langOf = (body: string) => /<html lang="([^"]+)"/.exec(body)?.[1];
const entryLinks = (body: string, slug: string) => [...body.matchAll(new RegExp(`href="/${slug}/postliste/([0-9a-f-]{36})"`, 'g'))].map((m) => m[1]);

/** Thirty entries on one day, written as the projection's consumer writes them. */
async function fillDay(tenant: Tenant, day: string, count: number): Promise<void> {
  const caseId = randomUUID();
  const db = radhus.ctx.db.kysely;
  await db
    .insertInto('public_case_files' as never)
    .values({ id: caseId, tenant_id: tenant.id, case_number: '2026/9', case_year: 2026, case_sequence: 9, public_title: 'Mange brev', status: 'in-progress', case_date: day, updated_at: new Date() } as never)
    .execute();
  for (let i = 1; i <= count; i++) {
    await db
      .insertInto('public_registry_entries' as never)
      .values({
        id: randomUUID(), tenant_id: tenant.id, case_file_id: caseId, registry_number: `2026/${1000 + i}`, entry_year: 2026, entry_sequence: 1000 + i,
        document_number: `2026/9-${i}`, entry_type: 'outgoing', case_number: '2026/9', case_public_title: 'Mange brev', public_title: `Brev nummer ${i}`,
        journal_date: day, correspondents: JSON.stringify([]), published_at: new Date(), updated_at: new Date(),
      } as never)
      .execute();
  }
}

beforeAll(async () => {
  radhus = await createTestRadhus();
  letter = await publishedLetter(radhus, { title: 'Søknad om rammetillatelse' });
  secret = await publishedLetter(radhus, { title: 'Klage fra Hemmeligsen om naboen', screenedWord: 'Hemmeligsen' });
  busy = await radhus.tenant({ name: 'Travelvik kommune', country: 'NO' });
  await fillDay(busy, '2026-03-02', 30);
}, 180_000);

afterAll(async () => {
  await radhus?.close();
});

describe('/{municipality}/postliste', () => {
  it("shows today's list in the municipality's language, with its feed linked and every language a click away", async () => {
    const res = await page(`/${letter.tenant.slug}/postliste`);
    expect(res.statusCode).toBe(200);
    expect(langOf(res.body)).toBe('nb');
    expect(res.body).toContain('Søknad om rammetillatelse');
    expect(res.body).toContain(`<link rel="alternate" type="application/atom+xml" href="/${letter.tenant.slug}/postliste/feed.atom"`);
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    for (const lang of ['nb', 'nn', 'sv', 'en']) {
      const localised = await page(`/${letter.tenant.slug}/postliste?lang=${lang}`);
      expect(localised.statusCode).toBe(200);
      expect(langOf(localised.body)).toBe(lang);
      expect(localised.body).toContain(`href="/${letter.tenant.slug}/postliste?lang=nn"`);
    }
    expect((await page(`/${letter.tenant.slug}/postliste?lang=en`)).body).toContain('Public journal');
  });

  it('shows a chosen day, and an empty day as empty', async () => {
    const day = await page(`/${busy.slug}/postliste?day=2026-03-02`);
    expect(day.body).toContain('Brev nummer 30');
    expect(day.body).not.toContain('name="robots"'); // no party named on the page
    const empty = await page(`/${busy.slug}/postliste?day=2026-03-03`);
    expect(empty.statusCode).toBe(200);
    expect(entryLinks(empty.body, busy.slug)).toEqual([]);
  });

  it('pages with a keyset cursor: every entry once, newest first', async () => {
    const first = await page(`/${busy.slug}/postliste?day=2026-03-02`);
    const firstIds = entryLinks(first.body, busy.slug);
    expect(firstIds).toHaveLength(PAGE_SIZE);
    const next = /href="([^"]+)" rel="next"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toBeDefined();
    const second = await page(next!);
    const secondIds = entryLinks(second.body, busy.slug);
    expect(secondIds).toHaveLength(30 - PAGE_SIZE);
    expect(new Set([...firstIds, ...secondIds]).size).toBe(30);
    expect(second.body).not.toContain('rel="next"');
    expect(second.body).toContain('Brev nummer 1<');
  });

  it('searches with words and filters, and refuses what no search can mean with a 400', async () => {
    const slug = letter.tenant.slug;
    expect((await page(`/${slug}/postliste?q=rammetillatelse`)).body).toContain('Søknad om rammetillatelse');
    expect(entryLinks((await page(`/${slug}/postliste?q=rammetillatelse&entryType=outgoing`)).body, slug)).toEqual([]);
    expect(entryLinks((await page(`/${slug}/postliste?entryType=incoming&correspondent=Byggmester%20Hansen`)).body, slug)).toHaveLength(1);
    expect(entryLinks((await page(`/${slug}/postliste?caseNumber=${encodeURIComponent(letter.caseFile.caseNumber)}`)).body, slug)).toHaveLength(1);
    expect(entryLinks((await page(`/${slug}/postliste?gnr=12&bnr=3`)).body, slug)).toEqual([]);
    const searched = await page(`/${slug}/postliste?q=rammetillatelse`);
    expect(searched.body).toContain(`href="/${slug}/postliste/feed.atom?q=rammetillatelse"`);
    for (const bad of ['fromDate=2026-13-01', 'gnr=abc', 'entryType=secret', 'caseNumber=x', 'day=i-morgen', 'cursor=forged', 'q=a&q=b', `q=${'x'.repeat(600)}`]) {
      expect((await page(`/${slug}/postliste?${bad}`)).statusCode, bad).toBe(400);
    }
  });

  it('never shows a screened word, nor finds the entry by it', async () => {
    const slug = secret.tenant.slug;
    const list = await page(`/${slug}/postliste`);
    expect(list.body).toContain('*****');
    expect(list.body).not.toContain('Hemmeligsen');
    expect(entryLinks((await page(`/${slug}/postliste?q=Hemmeligsen`)).body, slug)).toEqual([]);
  });
});

describe('entry and case pages', () => {
  it('an entry has its own address, noindex when it names a party, its case linked, and a form to ask for access', async () => {
    const slug = letter.tenant.slug;
    const res = await page(`/${slug}/postliste/${letter.entry.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Byggmester Hansen AS');
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    expect(res.body).toContain(`action="/${slug}/postliste/innsyn"`);
    expect(res.body).toContain(`name="entries" value="${letter.entry.id}"`);
    const caseHref = `/${slug}/postliste/sak/${String(letter.caseFile.caseNumber).replace('/', '-')}`;
    expect(res.body).toContain(`href="${caseHref}"`);
    const casePage = await page(caseHref);
    expect(casePage.statusCode).toBe(200);
    expect(casePage.body).toContain('Søknad om rammetillatelse');
    expect(casePage.body).toContain(`href="${caseHref}/feed.atom"`);
    expect((await page(`/${slug}/postliste/${randomUUID()}`)).statusCode).toBe(404);
    expect((await page(`/${slug}/postliste/sak/1999-1`)).statusCode).toBe(404);
    expect((await page(`/${busy.slug}/postliste/${letter.entry.id}`)).statusCode).toBe(404);
  });
});

describe('Atom feeds', () => {
  function validAtom(xml: string): void {
    const dir = mkdtempSync(join(tmpdir(), 'atom-'));
    writeFileSync(join(dir, 'feed.xml'), xml);
    execFileSync('xmllint', ['--noout', join(dir, 'feed.xml')]);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  }

  it('per municipality, per case and per search: valid Atom, public values only', async () => {
    const slug = secret.tenant.slug;
    const all = await radhus.app.inject({ url: `/${slug}/postliste/feed.atom` });
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toContain('application/atom+xml');
    validAtom(all.body);
    expect(all.body).toContain('Klage fra ***** om naboen');
    expect(all.body).not.toContain('Hemmeligsen');
    const byCase = await radhus.app.inject({ url: `/${slug}/postliste/sak/${String(secret.caseFile.caseNumber).replace('/', '-')}/feed.atom` });
    validAtom(byCase.body);
    expect(byCase.body).toContain('Klage fra *****');
    const search = await radhus.app.inject({ url: `/${letter.tenant.slug}/postliste/feed.atom?q=rammetillatelse` });
    validAtom(search.body);
    expect(search.body).toContain('Søknad om rammetillatelse');
    const none = await radhus.app.inject({ url: `/${slug}/postliste/feed.atom?q=Hemmeligsen` });
    validAtom(none.body);
    expect(none.body).not.toContain('<entry>');
    expect((await radhus.app.inject({ url: `/${slug}/postliste/feed.atom?fromDate=nei` })).statusCode).toBe(400);
  });
});

describe('asking for access without JavaScript', () => {
  const form = (fields: [string, string][]) => ({
    method: 'POST' as const,
    url: `/${letter.tenant.slug}/postliste/innsyn`,
    headers: { ...html, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

  it('a bad form writes nothing and says why; a good one sends the confirmation mail', async () => {
    const before = (await sentMail(radhus)).length;
    const missing = await radhus.app.inject(form([['entries', letter.entry.id], ['email', '']]));
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toContain('text/html');
    const unknown = await radhus.app.inject(form([['entries', randomUUID()], ['email', 'journalist@example.org']]));
    expect(unknown.statusCode).toBe(400);
    expect(await sentMail(radhus)).toHaveLength(before);

    const sent = await radhus.app.inject(form([['entries', letter.entry.id], ['entries', secret.entry.id], ['email', 'journalist@example.org'], ['language', 'en']]));
    expect(sent.statusCode).toBe(201);
    expect(sent.body).toContain('journalist@example.org');
    expect(sent.body).toMatch(/href="\/innsyn\/[0-9a-f-]+\?key=/);
    const mails = (await sentMail(radhus)).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe('journalist@example.org');
  });
});

it('todayIn turns over at local midnight', () => {
  expect(todayIn('NO', new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
  expect(todayIn('SE', new Date('2026-03-01T12:00:00Z'))).toBe('2026-03-01');
});

describe('exportPublicJournalXml', () => {
  const schema = fileURLToPath(new URL('../../standards/noark5/offentligJournal.xsd', import.meta.url));
  function validates(xml: string): void {
    const dir = mkdtempSync(join(tmpdir(), 'noark-'));
    writeFileSync(join(dir, 'offentligJournal.xml'), xml);
    execFileSync('xmllint', ['--noout', '--schema', schema, join(dir, 'offentligJournal.xml')], { stdio: 'pipe' });
  }

  it("a day's journal validates against the Noark 5 schema and holds public values only", async () => {
    const day = todayIn('NO', radhus.ctx.clock.now());
    const res = await radhus.app.inject({ url: `/api/v1/${secret.tenant.slug}/public-journal.xml?date=${day}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    validates(res.body);
    expect(res.body).toContain('<offentligTittel>Klage fra ***** om naboen</offentligTittel>');
    expect(res.body).not.toContain('Hemmeligsen');
    expect(res.body).toContain('<antallJournalposter>1</antallJournalposter>');
    const busyDay = await radhus.app.inject({ url: `/api/v1/${busy.slug}/public-journal.xml?date=2026-03-02` });
    validates(busyDay.body);
    // More than one page of the search: every entry of the day, internal ones with a party as the schema demands.
    expect(busyDay.body).toContain('<antallJournalposter>30</antallJournalposter>');
    expect(busyDay.body.match(/<journalregistrering>/g)).toHaveLength(30);
  });

  it('refuses a bad date, and a day with nothing is a 404', async () => {
    for (const bad of ['2026-02-30', 'i-dag', '']) expect((await radhus.app.inject({ url: `/api/v1/${busy.slug}/public-journal.xml?date=${bad}` })).statusCode, bad).toBe(400);
    // Without a date: the municipality's today.
    const today = todayIn('NO', radhus.ctx.clock.now());
    const withoutDate = await radhus.app.inject({ url: `/api/v1/${secret.tenant.slug}/public-journal.xml` });
    expect(withoutDate.statusCode).toBe(200);
    expect(withoutDate.body).toBe((await radhus.app.inject({ url: `/api/v1/${secret.tenant.slug}/public-journal.xml?date=${today}` })).body);
    expect((await radhus.app.inject({ url: `/api/v1/${busy.slug}/public-journal.xml?date=2026-03-03` })).statusCode).toBe(404);
    expect((await radhus.app.inject({ url: `/api/v1/ingen-slik/public-journal.xml?date=2026-03-03` })).statusCode).toBe(404);
  });
});
