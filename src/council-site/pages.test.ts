// SPDX-License-Identifier: EUPL-1.2
// The council's public pages and feeds on the real app and database, seeded with public projection
// rows: what each page shows, what it never shows (a closed item's text, a secret vote's members, an
// agenda before it is public, another municipality's meeting), iCalendar parsed back, Atom valid.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { councilSeeder } from './test-support.ts';

let radhus: TestRadhus;
let fjordvik: Tenant;
let sjoby: Tenant;
const ids = {} as Record<'ap' | 'h' | 'kari' | 'ola' | 'siri' | 'council' | 'formannskap' | 'held' | 'future' | 'other' | 'swedish', string>;

const html = { accept: 'text/html' };
const page = (url: string) => radhus.app.inject({ url, headers: html });
const titleOf = (body: string) => /<title>([^<]*)<\/title>/.exec(body)?.[1];

beforeAll(async () => {
  radhus = await createTestRadhus();
  fjordvik = await radhus.tenant({ name: 'Fjordvik kommune', country: 'NO' });
  sjoby = await radhus.tenant({ name: 'Sjöby kommun', country: 'SE' });
  const seed = councilSeeder(radhus.ctx.db, fjordvik.id);
  ids.ap = await seed.party('Ap', 'Arbeiderpartiet');
  ids.h = await seed.party('H', 'Høyre');
  ids.kari = await seed.person('Kari', 'Leder', ids.ap);
  ids.ola = await seed.person('Ola', 'Medlem', ids.h);
  ids.siri = await seed.person('Siri', 'Vara', ids.ap);
  ids.council = await seed.body('kommunestyret', 'Kommunestyret');
  ids.formannskap = await seed.body('formannskapet', 'Formannskapet', 'executive');
  await seed.membership(ids.council, ids.ola, 'member', ids.h);
  await seed.membership(ids.council, ids.kari, 'leader', ids.ap);
  await seed.membership(ids.council, ids.siri, 'substitute', ids.ap, 1);
  const held = await seed.meeting({
    bodyId: ids.council, startsAt: '2026-03-05T16:00:00Z', endsAt: '2026-03-05T20:00:00Z', location: 'Kommunestyresalen', status: 'held',
    liveStreamUrl: 'https://video.example/live', recordingUrl: 'https://video.example/opptak.mp4', minutesEntryId: '0190c0de-0000-7000-8000-00000000aaaa', minutesPublishedAt: '2026-03-09T08:00:00Z',
    items: [
      {
        itemNumber: 'PS 12/26', title: 'Nytt skulebygg på Fjordvik', caseNumber: '2026/44', presentationEntryId: '0190c0de-0000-7000-8000-00000000bbbb',
        decision: 'Kommunestyret vedtar å byggje skulebygget.', videoOffsetSeconds: 754,
        proposals: [{ position: 1, kind: 'recommendation', text: 'Kommunedirektøren rår til bygging.', proposerPersonId: null, partyId: null }, { position: 2, kind: 'proposal', text: 'Saka blir utsett.', proposerPersonId: ids.ola, partyId: ids.h }],
        votes: [{ position: 1, subject: 'Innstilling mot utsetjingsforslag', method: 'roll-call', outcome: 'for', counts: [{ option: 'for', label: 'Innstillinga', count: 1 }, { option: 'against', label: 'Utsetjing', count: 1 }], parties: [{ partyId: ids.ap, option: 'for', count: 1 }, { partyId: ids.h, option: 'against', count: 1 }], ballots: [{ personId: ids.kari, partyId: ids.ap, option: 'for' }, { personId: ids.ola, partyId: ids.h, option: 'against' }] }],
      },
      { itemNumber: 'PS 13/26', title: 'Tilleggssak om brøyting', late: true, decision: 'Brøytinga blir styrkt.' },
      // A closed item written as a broken projection might: the page must still show none of its text.
      { itemNumber: 'PS 14/26', title: 'Personalsak', closed: 'Offentleglova § 13, jf. forvaltningslova § 13', decision: 'LØYNLEG VEDTAKSTEKST', proposals: [{ position: 1, kind: 'proposal', text: 'LØYNLEG FORSLAG', proposerPersonId: ids.kari, partyId: null }] },
      { itemNumber: 'PS 15/26', title: 'Val av ordførar', decision: 'Kari Leder er vald.', votes: [{ position: 1, subject: 'Val', method: 'secret', outcome: 'kari', counts: [{ option: 'kari', label: 'Kari Leder', count: 2 }], parties: [], ballots: [{ personId: ids.siri, partyId: ids.ap, option: 'kari' }] }] },
    ],
    notices: [{ kind: 'minutes', title: 'Protokoll frå kommunestyret 5. mars', postedOn: '2026-03-10', appealClosesOn: '2026-03-31' }],
  });
  ids.held = held.id;
  ids.future = (await seed.meeting({ bodyId: ids.council, startsAt: '2026-04-16T16:00:00Z', agendaPublishedAt: null, items: [{ itemNumber: 'PS 20/26', title: 'Sak før sakskartet er offentleg' }] })).id;
  ids.other = (await seed.meeting({ bodyId: ids.formannskap, startsAt: '2026-03-19T12:00:00Z', location: 'Møterom 1; 2. etasje, rådhuset', items: [{ itemNumber: 'FS 3/26', title: 'Budsjettjustering' }] })).id;
  const swedishBody = await councilSeeder(radhus.ctx.db, sjoby.id).body('kf', 'Kommunfullmäktige');
  ids.swedish = (await councilSeeder(radhus.ctx.db, sjoby.id).meeting({ bodyId: swedishBody, startsAt: '2026-03-12T17:00:00Z', items: [{ itemNumber: '§ 1', title: 'Sjöbys hemliga ärende' }] })).id;
}, 120_000);

afterAll(async () => {
  await radhus?.close();
});

describe('the calendar', () => {
  it('shows the month of today in the municipality, filters by body, pages by month', async () => {
    const res = await page(`/${fjordvik.slug}/politikk`);
    expect(res.statusCode).toBe(200);
    expect(titleOf(res.body)).toBe('Politikk – Rådhus');
    expect(res.body).toContain(`href="/${fjordvik.slug}/politikk/mote/${ids.held}"`);
    expect(res.body).toContain(`href="/${fjordvik.slug}/politikk/mote/${ids.other}"`);
    expect(res.body).not.toContain(ids.future);
    expect(res.body).toContain(`href="/${fjordvik.slug}/politikk?month=2026-04"`);
    const filtered = await page(`/${fjordvik.slug}/politikk?month=2026-03&body=formannskapet`);
    expect(filtered.body).toContain(ids.other);
    expect(filtered.body).not.toContain(ids.held);
    expect((await page(`/${fjordvik.slug}/politikk?month=2026-04`)).body).toContain(ids.future);
    expect((await page(`/${fjordvik.slug}/politikk?month=2026-13`)).statusCode).toBe(400);
    expect((await page(`/${fjordvik.slug}/politikk?body=ukjent`)).statusCode).toBe(400);
    expect((await page(`/${fjordvik.slug}/politikk?month=2026-03&month=2026-04`)).statusCode).toBe(400);
  });

  it('speaks the language chosen, and the front page links to it', async () => {
    const sv = await page(`/${fjordvik.slug}/politikk?lang=sv`);
    expect(titleOf(sv.body)).toBe('Politik – Rådhus');
    expect(sv.body).toContain('Sammanträdeskalender');
    expect((await page(`/${sjoby.slug}/politikk`)).body).toContain('<html lang="sv"');
    expect((await page(`/${fjordvik.slug}`)).body).toContain(`href="/${fjordvik.slug}/politikk"`);
  });
});

describe('a body', () => {
  it('lists members by role and party, and substitutes in order', async () => {
    const res = await page(`/${fjordvik.slug}/politikk/organ/kommunestyret`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/Medlemmer[\s\S]*Kari Leder[\s\S]*Leder, Arbeiderpartiet \(Ap\)[\s\S]*Ola Medlem[\s\S]*Varamedlemmer[\s\S]*1\. [\s\S]*Siri Vara/);
    expect(res.body).toContain(`href="/${fjordvik.slug}/politikk/organ/kommunestyret/ical"`);
    expect((await page(`/${fjordvik.slug}/politikk/organ/ukjent`)).statusCode).toBe(404);
  });
});

describe('a meeting', () => {
  it('shows the agenda, late and closed items as such, proposals, votes per party and member, decisions, video and minutes', async () => {
    const res = await page(`/${fjordvik.slug}/politikk/mote/${ids.held}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('PS 12/26 Nytt skulebygg på Fjordvik');
    expect(body).toContain('Kommunestyret vedtar å byggje skulebygget.');
    expect(body).toContain(`href="/${fjordvik.slug}/postliste/0190c0de-0000-7000-8000-00000000bbbb"`);
    expect(body).toContain('Forslag (Ola Medlem, Høyre (H)): Saka blir utsett.');
    expect(body).toMatch(/Per parti[\s\S]*Arbeiderpartiet \(Ap\)<\/td><td>Innstillinga<\/td><td>1/);
    expect(body).toMatch(/Per representant[\s\S]*Ola Medlem<\/a><\/th><td>Høyre \(H\)<\/td><td>Utsetjing/);
    expect(body).toMatch(/PS 13\/26 Tilleggssak om brøyting<\/h3><p class="ds-paragraph">Sak meldt etter innkallingen/);
    expect(body).toContain('Lukket sak. Hjemmel: Offentleglova § 13, jf. forvaltningslova § 13');
    expect(body).not.toContain('LØYNLEG');
    expect(body).toContain('Hemmelig avstemning');
    expect(body).not.toContain('Siri Vara');
    expect(body).toContain('href="https://video.example/opptak.mp4#t=754"');
    expect(body).toContain(`href="/${fjordvik.slug}/postliste/0190c0de-0000-7000-8000-00000000aaaa"`);
    // The live stream only while the meeting runs.
    expect(body).not.toContain('https://video.example/live');
    radhus.clock.set('2026-03-05T17:00:00Z');
    try {
      expect((await page(`/${fjordvik.slug}/politikk/mote/${ids.held}`)).body).toContain('href="https://video.example/live"');
    } finally {
      radhus.clock.set('2026-03-02T09:00:00Z');
    }
  });

  it('shows no item before the agenda is public, and no meeting of another municipality', async () => {
    const future = await page(`/${fjordvik.slug}/politikk/mote/${ids.future}`);
    expect(future.statusCode).toBe(200);
    expect(future.body).toContain('Sakskartet er ikke publisert ennå.');
    expect(future.body).not.toContain('Sak før sakskartet');
    expect((await page(`/${fjordvik.slug}/politikk/mote/${ids.swedish}`)).statusCode).toBe(404);
    expect((await page(`/${fjordvik.slug}/politikk/mote/ikkje-ein-id`)).statusCode).toBe(404);
  });
});

describe('a politician', () => {
  it('shows bodies, party, what they proposed and how they voted', async () => {
    const res = await page(`/${fjordvik.slug}/politikk/politiker/${ids.ola}`);
    expect(res.statusCode).toBe(200);
    expect(titleOf(res.body)).toBe('Ola Medlem – Rådhus');
    expect(res.body).toMatch(/Verv[\s\S]*Kommunestyret<\/a>: Medlem, Høyre \(H\)/);
    expect(res.body).toContain('Saka blir utsett.');
    expect(res.body).toMatch(/Innstilling mot utsetjingsforslag: Utsetjing/);
    // Kari's only proposal is in a closed item; Siri's only ballot was secret.
    expect((await page(`/${fjordvik.slug}/politikk/politiker/${ids.kari}`)).body).not.toContain('LØYNLEG');
    expect((await page(`/${fjordvik.slug}/politikk/politiker/${ids.siri}`)).body).not.toContain('Val av ordførar');
    expect((await page(`/${sjoby.slug}/politikk/politiker/${ids.ola}`)).statusCode).toBe(404);
  });
});

describe('search and the notice board', () => {
  it('finds decisions by their words, in this municipality only', async () => {
    const res = await page(`/${fjordvik.slug}/politikk/sok?q=skulebygget`);
    expect(res.body).toContain('1 treff');
    expect(res.body).toContain(`/${fjordvik.slug}/politikk/mote/${ids.held}#sak-1`);
    expect((await page(`/${fjordvik.slug}/politikk/sok?q=hemliga`)).body).toContain('Ingen treff.');
    expect((await page(`/${fjordvik.slug}/politikk/sok?q=${encodeURIComponent('"" OR -')}`)).statusCode).toBe(200);
  });

  it('posts the adjusted minutes with the last day to appeal until that day has passed', async () => {
    const before = await page(`/${fjordvik.slug}/politikk/oppslagstavle`);
    expect(before.body).not.toContain('Protokoll frå kommunestyret');
    radhus.clock.set('2026-03-31T20:00:00Z');
    try {
      const on = await page(`/${fjordvik.slug}/politikk/oppslagstavle`);
      expect(on.body).toContain('Protokoll frå kommunestyret 5. mars');
      expect(on.body).toContain('Siste dag for klage: 31.03.2026');
      radhus.clock.set('2026-04-01T08:00:00Z');
      expect((await page(`/${fjordvik.slug}/politikk/oppslagstavle`)).body).not.toContain('Protokoll frå kommunestyret');
    } finally {
      radhus.clock.set('2026-03-02T09:00:00Z');
    }
  });
});

describe('feeds', () => {
  it('iCalendar of the municipality and of a body, parsed back', async () => {
    const all = await radhus.app.inject({ url: `/${fjordvik.slug}/politikk/ical` });
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(all.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const events = new ICAL.Component(ICAL.parse(all.body)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.uid).sort()).toEqual([ids.held, ids.future, ids.other].map((id) => `${id}@${new URL(radhus.ctx.config.publicUrl).host}`).sort());
    const other = events.find((e) => e.uid.startsWith(ids.other))!;
    expect(other.location).toBe('Møterom 1; 2. etasje, rådhuset');
    expect(other.summary).toBe('Formannskapet');
    expect(other.startDate.toJSDate().toISOString()).toBe('2026-03-19T12:00:00.000Z');
    const body = await radhus.app.inject({ url: `/${fjordvik.slug}/politikk/organ/formannskapet/ical` });
    expect(new ICAL.Component(ICAL.parse(body.body)).getAllSubcomponents('vevent')).toHaveLength(1);
    expect((await radhus.app.inject({ url: `/${fjordvik.slug}/politikk/organ/ukjent/ical` })).statusCode).toBe(404);
  });

  it('Atom of new agendas and minutes, valid', async () => {
    const res = await radhus.app.inject({ url: `/${fjordvik.slug}/politikk/atom` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const dir = mkdtempSync(join(tmpdir(), 'atom-'));
    writeFileSync(join(dir, 'feed.xml'), res.body);
    execFileSync('xmllint', ['--noout', join(dir, 'feed.xml')]);
    expect(res.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(res.body).toContain('Protokoll publisert: Kommunestyret');
    expect(res.body).toContain('Sakskart publisert: Formannskapet');
    expect(res.body).not.toContain(ids.future);
    expect(res.body).not.toContain(ids.swedish);
  });
});
