// SPDX-License-Identifier: EUPL-1.2
// The participation hub and the proposal pages on the real app and database, seeded with public
// projection rows (participation-site/test-support.ts, as the projections would write them): what
// each page shows, the links to the case, the meeting and the web app's signing, filters, search
// and paging, 404 for an unknown or another municipality's proposal, 4xx (never 500) for hostile
// queries, a valid Atom feed, and no identity number or e-mail address on any page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { councilSeeder } from '../council-site/test-support.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { PAGE_SIZE } from './routes.ts';
import { participationSeeder } from './test-support.ts';

let radhus: TestRadhus;
let fjordvik: Tenant;
let sjoby: Tenant;
let bakkedal: Tenant;
const ids = {} as Record<'benches' | 'bus' | 'lapsed' | 'agenda' | 'decided' | 'swedish' | 'meeting' | 'item' | 'body' | 'kari' | 'ap' | 'consultation' | 'closedConsultation' | 'asked' | 'answered' | 'withdrawn', string>;

const html = { accept: 'text/html' };
const page = (url: string) => radhus.app.inject({ url, headers: html });
const titleOf = (body: string) => /<title>([^<]*)<\/title>/.exec(body)?.[1];
const visited: string[] = [];
async function visit(url: string) {
  const res = await page(url);
  visited.push(res.body);
  return res;
}

beforeAll(async () => {
  radhus = await createTestRadhus();
  fjordvik = await radhus.tenant({ name: 'Fjordvik kommune', country: 'NO' });
  sjoby = await radhus.tenant({ name: 'Sjöby kommun', country: 'SE' });
  bakkedal = await radhus.tenant({ name: 'Bakkedal kommune', country: 'NO' });
  const council = councilSeeder(radhus.ctx.db, fjordvik.id);
  ids.ap = await council.party('Ap', 'Arbeiderpartiet');
  ids.kari = await council.person('Kari', 'Leder', ids.ap);
  ids.body = await council.body('kommunestyret', 'Kommunestyret');
  const meeting = await council.meeting({ bodyId: ids.body, startsAt: '2026-03-19T16:00:00Z', items: [{ itemNumber: 'PS 1/26', title: 'Referatsaker' }, { itemNumber: 'PS 2/26', title: 'Innbyggjarforslag: Lys i lysløypa', caseNumber: '2026/77' }] });
  ids.meeting = meeting.id;
  ids.item = meeting.itemIds[1]!;
  const seed = participationSeeder(radhus.ctx.db, fjordvik.id);
  ids.benches = await seed.proposal({ title: 'Benker langs fjordstien', body: 'Eldre treng kvilestader.\n\nDet manglar benker <script>alert(1)</script> mellom kaia og badeplassen.', signatureCount: 120, createdAt: '2026-02-10T10:00:00Z', closesAt: '2026-08-10T10:00:00Z' });
  ids.bus = await seed.proposal({ title: 'Gratis buss for eldre', signatureCount: 12, createdAt: '2026-02-20T10:00:00Z', closesAt: '2026-08-20T10:00:00Z' });
  // An open row past its signing period: the lapse job has not run yet.
  ids.lapsed = await seed.proposal({ title: 'Hundepark i sentrum', signatureCount: 40, createdAt: '2025-08-01T10:00:00Z', closesAt: '2026-01-28T10:00:00Z' });
  ids.agenda = await seed.proposal({
    title: 'Lys i lysløypa', status: 'on-agenda', threshold: 300, signatureCount: 312, createdAt: '2025-11-01T10:00:00Z', reachedAt: '2026-01-15T12:00:00Z',
    bodyId: ids.body, caseNumber: '2026/77', decisionDueOn: '2026-07-15', meetingId: ids.meeting, agendaItemId: ids.item,
  });
  ids.decided = await seed.proposal({
    title: 'Ny gapahuk ved vatnet', status: 'decided', signatureCount: 300, createdAt: '2025-06-01T10:00:00Z', reachedAt: '2025-09-01T12:00:00Z',
    bodyId: ids.body, caseNumber: '2025/310', decisionDueOn: '2026-03-01', decisionText: 'Kommunestyret vedtek å byggje gapahuk.\nArbeidet startar til våren.', decidedAt: '2026-02-12T18:00:00Z',
  });
  ids.consultation = await seed.consultation({ title: 'Høyring: kommuneplanens arealdel', opensAt: '2026-02-01T08:00:00Z', deadline: '2026-04-01T22:00:00Z' });
  ids.closedConsultation = await seed.consultation({ title: 'Høyring: gamal trafikkplan', opensAt: '2025-10-01T08:00:00Z', deadline: '2025-11-01T22:00:00Z' });
  ids.asked = await seed.question({ text: 'Kva gjer kommunen med rasfaren ved skulen?', askerName: 'Per Spør', personId: ids.kari, askedAt: '2026-02-20T09:00:00Z' });
  ids.answered = await seed.question({ text: 'Kvifor vart biblioteket stengt i vinterferien?', askerName: 'Liv Lesar', partyId: ids.ap, askedAt: '2026-02-01T09:00:00Z', answer: 'Fordi personalet hadde ferie.' });
  ids.withdrawn = await seed.question({ text: 'Eit spørsmål som vart trekt tilbake.', askerName: 'Trekt', personId: ids.kari, status: 'withdrawn', askedAt: '2026-02-25T09:00:00Z' });
  ids.swedish = await participationSeeder(radhus.ctx.db, sjoby.id).proposal({ title: 'Fler parkbänkar i Sjöby', body: 'Sjöbys förslag om parkbänkar.', threshold: 50 });
  const many = participationSeeder(radhus.ctx.db, bakkedal.id);
  for (let i = 1; i <= PAGE_SIZE + 5; i++) await many.proposal({ title: `Forslag nummer ${i}`, createdAt: new Date(Date.UTC(2026, 0, i, 10)).toISOString() });
}, 120_000);

afterAll(async () => {
  await radhus?.close();
});

describe('the hub', () => {
  it('counts proposals, shows the open ones nearest their threshold, open consultations and recent questions, and the Norwegian rule', async () => {
    const res = await visit(`/${fjordvik.slug}/deltakelse`);
    expect(res.statusCode).toBe(200);
    expect(titleOf(res.body)).toBe('Medvirkning – Rådhus');
    const body = res.body;
    expect(body).toContain('Åpne for signering: 2');
    expect(body).toContain('Har nådd grensen: 1');
    expect(body).toContain('Avgjort: 1');
    expect(body).toMatch(new RegExp(`forslag/${ids.benches}[\\s\\S]*forslag/${ids.bus}`));
    expect(body).not.toContain(`forslag/${ids.lapsed}`);
    expect(body).toContain('<progress class="proposal-progress" aria-labelledby="progress-');
    expect(body).toContain('120 av 300 underskrifter (40 %)');
    expect(body).toContain(`href="/${fjordvik.slug}/deltakelse/horinger/${ids.consultation}"`);
    expect(body).toContain('Åpne høringer: 1');
    expect(body).not.toContain(ids.closedConsultation);
    expect(body).toContain(`href="/${fjordvik.slug}/deltakelse/sporsmal/${ids.asked}"`);
    expect(body).toMatch(/Til Kari Leder\. Spurt av Per Spør, [^<]*\. Ubesvart i 10 dager/);
    expect(body).toMatch(/Til Arbeiderpartiet\. Spurt av Liv Lesar[^<]*Besvart/);
    expect(body).not.toContain(ids.withdrawn);
    expect(body).toContain('Besvart: 1. Ubesvart: 1.');
    expect(body).toContain('kommuneloven § 12-1');
    expect(body).toContain(`href="/app/${fjordvik.slug}/proposals/new"`);
  });

  it('speaks the language chosen, tells the Swedish rule in a Swedish municipality, and is linked from the site and the council pages', async () => {
    expect(titleOf((await visit(`/${fjordvik.slug}/deltakelse?lang=en`)).body)).toBe('Participation – Rådhus');
    const swedish = await visit(`/${sjoby.slug}/deltakelse`);
    expect(swedish.body).toContain('<html lang="sv"');
    expect(swedish.body).toContain('kommunallagen 8 kap. 1 §');
    expect(swedish.body).toContain('Öppna för underskrifter: 1');
    expect(swedish.body).not.toContain('Benker');
    expect((await page(`/${fjordvik.slug}`)).body).toMatch(new RegExp(`href="/${fjordvik.slug}/deltakelse">\\s*Medvirkning`));
    expect((await page(`/${fjordvik.slug}/politikk`)).body).toContain(`href="/${fjordvik.slug}/deltakelse">Medvirkning</a>`);
    expect((await page(`/${sjoby.slug}/politikk`)).body).toContain(`href="/${sjoby.slug}/deltakelse">Medverkan</a>`);
    expect((await page('/ingen-slik-kommune/deltakelse')).statusCode).toBe(404);
  });
});

describe('the list of proposals', () => {
  it('lists every proposal newest first with its status, and filters open (signable now), reached and decided', async () => {
    const all = await visit(`/${fjordvik.slug}/deltakelse/forslag`);
    expect(all.statusCode).toBe(200);
    expect(all.body).toMatch(new RegExp(`${ids.bus}[\\s\\S]*${ids.benches}[\\s\\S]*${ids.agenda}[\\s\\S]*${ids.lapsed}[\\s\\S]*${ids.decided}`));
    expect(all.body).toMatch(/Hundepark i sentrum[\s\S]*?Fikk ikke nok underskrifter/);
    const ofStatus = async (status: string) => (await visit(`/${fjordvik.slug}/deltakelse/forslag?status=${status}`)).body;
    const open = await ofStatus('open');
    expect(open).toContain(ids.benches);
    expect(open).toContain(ids.bus);
    expect(open).not.toContain(ids.lapsed);
    expect(open).not.toContain(ids.agenda);
    const reached = await ofStatus('reached');
    expect(reached).toContain(ids.agenda);
    expect(reached).toContain('Satt på sakskartet');
    expect(reached).not.toContain(ids.benches);
    const decided = await ofStatus('decided');
    expect(decided).toContain(ids.decided);
    expect(decided).not.toContain(ids.agenda);
    expect(decided).toContain('<option value="decided" selected="">');
  });

  it('searches title and text in the visitor\'s words, in this municipality only', async () => {
    const hit = await visit(`/${fjordvik.slug}/deltakelse/forslag?q=badeplassen`);
    expect(hit.body).toContain(ids.benches);
    expect(hit.body).not.toContain(ids.bus);
    expect((await visit(`/${fjordvik.slug}/deltakelse/forslag?q=${encodeURIComponent('buss eldre')}&status=open`)).body).toContain(ids.bus);
    expect((await visit(`/${fjordvik.slug}/deltakelse/forslag?q=parkb%C3%A4nkar`)).body).toContain('Ingen forslag.');
    for (const q of ['"" OR -', '&&!(:*', "'; drop table x; --", '<b>']) {
      const res = await visit(`/${fjordvik.slug}/deltakelse/forslag?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
    }
  });

  it('pages by twenty with next and previous links', async () => {
    const first = await visit(`/${bakkedal.slug}/deltakelse/forslag`);
    expect(first.body.match(/Forslag nummer \d+/g)).toHaveLength(PAGE_SIZE);
    expect(first.body).toContain('Forslag nummer 25<');
    expect(first.body).toContain(`href="/${bakkedal.slug}/deltakelse/forslag?page=2" rel="next"`);
    expect(first.body).not.toContain('rel="prev"');
    const second = await visit(`/${bakkedal.slug}/deltakelse/forslag?page=2`);
    expect(second.body.match(/Forslag nummer \d+/g)).toEqual(['Forslag nummer 5', 'Forslag nummer 4', 'Forslag nummer 3', 'Forslag nummer 2', 'Forslag nummer 1']);
    expect(second.body).toContain(`href="/${bakkedal.slug}/deltakelse/forslag" rel="prev"`);
    expect(second.body).not.toContain('rel="next"');
    const empty = await visit(`/${bakkedal.slug}/deltakelse/forslag?page=9`);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('Ingen forslag.');
  });

  it('answers a hostile or malformed query with a 4xx page, never a 500', async () => {
    const base = `/${fjordvik.slug}/deltakelse/forslag`;
    for (const query of ['status=ukjent', 'status=open&status=decided', 'page=0', 'page=-1', 'page=1e3', 'page=abc', `q=${'x'.repeat(201)}`, 'q=%ff', 'q=%00', 'lang=%ff']) {
      const res = await page(`${base}?${query}`);
      expect(res.statusCode, query).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, query).toBeLessThan(500);
    }
    expect((await page(`/${fjordvik.slug}/deltakelse?x=%00`)).statusCode).toBe(400);
    // A parameter the page does not know is ignored: a normal page.
    expect((await page(`${base}?status[]=open&x=1`)).statusCode).toBe(200);
  });
});

describe('a proposal', () => {
  it('shows an open proposal: text escaped, author, count, progress, threshold, closing day, and links to sign and write in the web app', async () => {
    const res = await visit(`/${fjordvik.slug}/deltakelse/forslag/${ids.benches}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(titleOf(body)).toBe('Benker langs fjordstien – Rådhus');
    expect(body).toContain('<p class="ds-paragraph">Eldre treng kvilestader.</p>');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).not.toContain('<script>');
    expect(body).toContain('Åse Innbyggjar');
    expect(body).toContain('<progress class="proposal-progress" aria-labelledby="progress" value="120" max="300">');
    expect(body).toContain('<p class="ds-paragraph" id="progress">120 av 300 underskrifter (40 %)</p>');
    expect(body).toMatch(/Åpent for signering til<\/dt><dd>10\. aug\. 2026/);
    expect(body).toContain(`href="/app/${fjordvik.slug}/proposals/${ids.benches}"`);
    expect(body).toContain('Signer med e-ID');
    expect(body).toContain(`href="/app/${fjordvik.slug}/proposals/new"`);
    expect(body).not.toContain('postliste/sak');
  });

  it('shows what a reached proposal became: the case in the journal, the body, the deadline and the meeting; no signing', async () => {
    const body = (await visit(`/${fjordvik.slug}/deltakelse/forslag/${ids.agenda}`)).body;
    expect(body).toContain('Satt på sakskartet');
    expect(body).toContain('value="300" max="300"');
    expect(body).toContain('312 av 300 underskrifter (100 %)');
    expect(body).toContain(`href="/${fjordvik.slug}/postliste/sak/2026-77">Sak 2026/77 i postlisten</a>`);
    expect(body).toContain('Behandles av</dt><dd>Kommunestyret</dd>');
    expect(body).toContain('Frist for vedtak</dt><dd>15.07.2026</dd>');
    expect(body).toMatch(/Grensen ble nådd<\/dt><dd>15\. jan\. 2026/);
    expect(body).toContain(`href="/${fjordvik.slug}/politikk/mote/${ids.meeting}#sak-2">PS 2/26 Innbyggjarforslag: Lys i lysløypa i møtet Kommunestyret`);
    expect(body).not.toContain('/proposals/');
    expect(body).not.toContain('Signer med e-ID');
  });

  it('shows the decision of a decided proposal, with its line breaks', async () => {
    const body = (await visit(`/${fjordvik.slug}/deltakelse/forslag/${ids.decided}?lang=en`)).body;
    expect(body).toContain('Decision</h2>');
    expect(body).toContain('Kommunestyret vedtek å byggje gapahuk.<br/>Arbeidet startar til våren.');
    expect(body).toMatch(/Decided 12 Feb 2026/);
    expect(body).not.toContain('Decision due by');
    expect(body).toContain(`href="/${fjordvik.slug}/postliste/sak/2025-310"`);
  });

  it('is 404 when unknown, malformed or another municipality\'s', async () => {
    expect((await page(`/${fjordvik.slug}/deltakelse/forslag/0190c0de-0000-7000-8000-000000000000`)).statusCode).toBe(404);
    expect((await page(`/${fjordvik.slug}/deltakelse/forslag/ukjent`)).statusCode).toBe(404);
    expect((await page(`/${fjordvik.slug}/deltakelse/forslag/${ids.swedish}`)).statusCode).toBe(404);
    expect((await page(`/${sjoby.slug}/deltakelse/forslag/${ids.benches}`)).statusCode).toBe(404);
    expect((await visit(`/${sjoby.slug}/deltakelse/forslag/${ids.swedish}`)).body).toContain('Skriv under med e-legitimation');
  });
});

describe('the Atom feed', () => {
  it('lists the municipality\'s new proposals, valid', async () => {
    const res = await radhus.app.inject({ url: `/${fjordvik.slug}/deltakelse/forslag/atom` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const dir = mkdtempSync(join(tmpdir(), 'atom-'));
    writeFileSync(join(dir, 'feed.xml'), res.body);
    execFileSync('xmllint', ['--noout', join(dir, 'feed.xml')]);
    expect(res.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(res.body).toContain('Innbyggerforslag – Fjordvik kommune');
    expect(res.body).toMatch(new RegExp(`Gratis buss for eldre[\\s\\S]*${ids.bus}[\\s\\S]*Benker langs fjordstien`));
    expect(res.body).toContain('&lt;script&gt;');
    expect(res.body).not.toContain('Sjöby');
    visited.push(res.body);
  });
});

describe('privacy', () => {
  it('puts no identity number and no e-mail address on any page it rendered', () => {
    expect(visited.length).toBeGreaterThan(15);
    for (const body of visited) {
      // Not inside a word: a random UUID's hex (…-f04879474966) may hold eleven digits in a row.
      expect(body).not.toMatch(/(?<![\w-])\d{11,12}(?![\w-])/);
      expect(body).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    }
  });
});
