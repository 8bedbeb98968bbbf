// SPDX-License-Identifier: EUPL-1.2
// The public question pages on the real app and database: the list with its filters (answered,
// unanswered with their age, per politician and party), one question with its answer, in the four
// languages; a bad filter is a 400 page, another municipality's question a 404; the asker's login
// never shows. The texts have every key in every language with the same placeholders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages, placeholders } from '../common/languages.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { TestPerson } from '../test-support/person.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { smallCouncil, type SmallCouncil } from '../council/test-support.ts';
import { questionsModule } from './manifest.ts';
import { questionTexts } from './texts.ts';
import { answer, ask, citizen, politicianOf } from './test-support.ts';

let t: TestRadhus;
let tenant: Tenant;
let other: Tenant;
let small: SmallCouncil;
let asker: TestPerson;
const ids = {} as Record<'open' | 'answered' | 'party' | 'foreign', string>;
const DAY = 86_400_000;
const page = (url: string, lang?: string) => t.app.inject({ url: lang ? `${url}${url.includes('?') ? '&' : '?'}lang=${lang}` : url, headers: { accept: 'text/html' } });

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ name: 'Fjordvik kommune', country: 'NO' });
  other = await t.tenant({ name: 'Andvik kommune', country: 'NO' });
  small = await smallCouncil(t, tenant);
  const otherSmall = await smallCouncil(t, other);
  asker = await citizen(t, tenant, 'Ola Innbygger');
  const kari = await politicianOf(t, tenant, small.members[0]!);
  ids.answered = (await ask(t, tenant, asker, { personId: small.members[0]!.id, text: 'Kommer det lys i lysløypa i vinter?', askerName: 'Ola fra Nes' })).json().id;
  expect((await answer(t, tenant, kari, ids.answered, 'Ja, lysene kommer i desember.')).statusCode).toBe(200);
  ids.party = (await ask(t, tenant, asker, { partyId: small.parties[1]!.id, text: 'Vil partiet gå inn for gratis SFO?', askerName: 'Ola fra Nes' })).json().id;
  t.clock.advance(-12 * DAY);
  ids.open = (await ask(t, tenant, asker, { personId: small.members[3]!.id, text: 'Når blir gang- og sykkelveien ferdig?', askerName: 'Ola fra Nes' })).json().id;
  t.clock.advance(12 * DAY);
  const otherAsker = await citizen(t, other, 'Per Annen');
  ids.foreign = (await ask(t, other, otherAsker, { personId: otherSmall.members[0]!.id, text: 'Et spørsmål i en annen kommune.', askerName: 'Per' })).json().id;
  await t.settle();
});
afterAll(() => t.close());

describe('the question list', () => {
  it('shows answered and unanswered questions, the latter with their age, in four languages', async () => {
    const res = await page(`/${tenant.slug}/deltakelse/sporsmal`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Kommer det lys i lysløypa i vinter?');
    expect(res.body).toContain('Ja, lysene kommer i desember.');
    expect(res.body).toContain('Stilt for 12 dager siden, ikke besvart');
    expect(res.body).toContain(`Til partigruppen ${small.parties[1]!.name}`);
    expect(res.body).toContain(`/app/${tenant.slug}/questions/new`);
    expect(res.body).not.toContain('Et spørsmål i en annen kommune.');
    expect(res.body).not.toContain('Ola Innbygger');
    expect(res.body).not.toContain(asker.identityNumber);
    const expected = { nb: 'Stilt for 12 dager siden', nn: 'Stilt for 12 dagar sidan', sv: 'Ställd för 12 dagar sedan', en: 'Asked 12 days ago' };
    for (const language of languages) {
      const r = await page(`/${tenant.slug}/deltakelse/sporsmal`, language);
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain(`<html lang="${language}"`);
      expect(r.body).toContain(expected[language]);
    }
  });

  it('filters by status and by politician or party', async () => {
    const answered = await page(`/${tenant.slug}/deltakelse/sporsmal?status=answered`);
    expect(answered.body).toContain('Kommer det lys');
    expect(answered.body).not.toContain('gang- og sykkelveien');
    const unanswered = await page(`/${tenant.slug}/deltakelse/sporsmal?status=unanswered`);
    expect(unanswered.body).toContain('gang- og sykkelveien');
    expect(unanswered.body).not.toContain('Kommer det lys');
    const person = await page(`/${tenant.slug}/deltakelse/sporsmal?til=person:${small.members[3]!.id}`);
    expect(person.body).toContain('gang- og sykkelveien');
    expect(person.body).not.toContain('gratis SFO');
    const party = await page(`/${tenant.slug}/deltakelse/sporsmal?til=parti:${small.parties[1]!.id}`);
    expect(party.body).toContain('gratis SFO');
    expect(party.body).not.toContain('gang- og sykkelveien');
  });

  it('answers a bad filter with 400 and an unknown municipality with 404', async () => {
    expect((await page(`/${tenant.slug}/deltakelse/sporsmal?status=maybe`)).statusCode).toBe(400);
    expect((await page(`/${tenant.slug}/deltakelse/sporsmal?til=someone`)).statusCode).toBe(400);
    expect((await page(`/${tenant.slug}/deltakelse/sporsmal?cursor=abc`)).statusCode).toBe(400);
    expect((await page(`/no-such-town/deltakelse/sporsmal`)).statusCode).toBe(404);
  });
});

describe('one question', () => {
  it('shows the question and its answer, or its age', async () => {
    const res = await page(`/${tenant.slug}/deltakelse/sporsmal/${ids.answered}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Ja, lysene kommer i desember.');
    expect(res.body).toContain(`Svar fra ${small.members[0]!.given_name} ${small.members[0]!.family_name}`);
    const open = await page(`/${tenant.slug}/deltakelse/sporsmal/${ids.open}`, 'sv');
    expect(open.body).toContain('Ställd för 12 dagar sedan, inte besvarad');
  });

  it('is 404 for another municipality’s question and for a malformed id', async () => {
    expect((await page(`/${tenant.slug}/deltakelse/sporsmal/${ids.foreign}`)).statusCode).toBe(404);
    expect((await page(`/${tenant.slug}/deltakelse/sporsmal/not-an-id`)).statusCode).toBe(404);
    expect((await page(`/${other.slug}/deltakelse/sporsmal/${ids.foreign}`)).statusCode).toBe(200);
  });
});

describe('the council site', () => {
  it('links a politician’s page to the questions to that politician', async () => {
    const person = small.members[3]!;
    const res = await page(`/${tenant.slug}/politikk/politiker/${person.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain(`href="/${tenant.slug}/deltakelse/sporsmal?til=person:${person.id}"`);
    expect(res.body).toContain(`Spørsmål til ${person.given_name} ${person.family_name} og svarene`);
  });
});

describe('texts', () => {
  it('has every key in nb, nn, sv and en, none empty, with the same placeholders', () => {
    const keys = Object.keys(questionTexts.nb).sort();
    for (const language of languages) {
      const texts = questionTexts[language] as Record<string, string>;
      expect(Object.keys(texts).sort(), language).toEqual(keys);
      for (const key of keys) {
        expect(texts[key]!.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(texts[key]!), `${language} ${key}`).toEqual(placeholders((questionTexts.nb as Record<string, string>)[key]!));
      }
    }
    expect(questionsModule.texts).toBe(questionTexts);
  });
});
