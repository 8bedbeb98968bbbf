// SPDX-License-Identifier: EUPL-1.2
// Questions to politicians on the real app and database: a citizen asks a politician or a party
// group, the politician is mailed, the public list shows the question with its age while it is
// unanswered; only the politician asked (or, for a party, one of its politicians) answers, once,
// and the asker is mailed; the secretariat rejects, the asker withdraws. Every refusal is a clear
// 4xx and leaves the working table, the outbox and the mail queue as they were.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentMail } from '../access-requests/test-support.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { TestPerson } from '../test-support/person.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { secretariatHeaders, smallCouncil, type SmallCouncil } from '../council/test-support.ts';
import { projectQuestion, questionsProjection } from './projection.ts';
import { answer, ask, citizen, politicianOf } from './test-support.ts';

let t: TestRadhus;
let tenant: Tenant;
let other: Tenant;
let small: SmallCouncil;
let otherSmall: SmallCouncil;
let asker: TestPerson;
let stranger: TestPerson;
let kari: TestPerson; // members[0], party 0
let per: TestPerson; // members[1], party 0
let hanne: TestPerson; // members[3], party 1
const DAY = 86_400_000;
const text = 'Når blir gang- og sykkelveien langs Storgata ferdig?';

/** Everything a refused request could have written. */
async function state() {
  const q = await sql<{ rows: unknown }>`select coalesce(json_agg(q order by id), '[]') as rows from council_questions q`.execute(t.ctx.db.kysely);
  const n = async (table: string) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.ctx.db.kysely)).rows[0]!.n;
  return { questions: JSON.stringify(q.rows[0]!.rows), outbox: await n('outbox'), jobs: await n('jobs') };
}
const publicRows = async () => (await sql`select * from public_council_questions order by id`.execute(t.ctx.db.kysely)).rows;
const list = async (query = '') => (await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/questions${query}` })).json();

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ name: 'Fjordvik kommune', country: 'NO' });
  other = await t.tenant({ name: 'Andvik kommune', country: 'NO' });
  small = await smallCouncil(t, tenant);
  otherSmall = await smallCouncil(t, other);
  asker = await citizen(t, tenant, 'Ola Innbygger', 'ola@example.org');
  stranger = await citizen(t, tenant, 'Siri Annen');
  kari = await politicianOf(t, tenant, small.members[0]!);
  per = await politicianOf(t, tenant, small.members[1]!);
  hanne = await politicianOf(t, tenant, small.members[3]!);
  await t.settle();
});
afterAll(() => t.close());

describe('asking', () => {
  it('asks a named politician: the politician is mailed, the public sees the question and its age, never the login', async () => {
    const res = await ask(t, tenant, asker, { personId: small.members[0]!.id, text, askerName: 'Ola I.' });
    expect(res.statusCode, res.body).toBe(201);
    const q = res.json();
    expect(q).toMatchObject({ askerName: 'Ola I.', status: 'open', to: { kind: 'person', id: small.members[0]!.id, party: { id: small.parties[0]!.id } }, ageInDays: 0, answer: null });
    const mails = (await sentMail(t)).filter((m) => m.template === 'questions.asked' && m.to === small.members[0]!.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(text);
    await t.settle();
    t.clock.advance(12 * DAY);
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/questions/${q.id}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ id: q.id, text, status: 'open', ageInDays: 12 });
    expect(shown.body).not.toContain(asker.userId);
    expect(shown.body).not.toContain(asker.identityNumber);
    expect(shown.body).not.toContain('Ola Innbygger');
    expect((await list(`?person=${small.members[0]!.id}`)).items.map((i: { id: string }) => i.id)).toContain(q.id);
    expect((await list(`?status=answered`)).items.map((i: { id: string }) => i.id)).not.toContain(q.id);
    // Back again: the test sessions would expire.
    t.clock.advance(-12 * DAY);
  });

  it('asks a party group: each of its politicians with an address is mailed', async () => {
    const before = (await sentMail(t)).length;
    const res = await ask(t, tenant, asker, { partyId: small.parties[1]!.id, text: 'Hva mener partiet om ny skole på Nes?', askerName: 'Ola I.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().to).toMatchObject({ kind: 'party', id: small.parties[1]!.id, name: small.parties[1]!.name });
    const mails = (await sentMail(t)).slice(before).filter((m) => m.template === 'questions.asked');
    expect(mails.map((m) => m.to).sort()).toEqual([small.members[3]!.email, small.members[4]!.email].sort());
  });

  it.each([
    ['an unknown person', () => ({ personId: newId(), text, askerName: 'Ola' }), ['personId']],
    ['a person of another municipality', () => ({ personId: otherSmall.members[0]!.id, text, askerName: 'Ola' }), ['personId']],
    ['a party of another municipality', () => ({ partyId: otherSmall.parties[0]!.id, text, askerName: 'Ola' }), ['partyId']],
    // The schema's two shapes (to a person, to a party): both fields are named.
    ['both a person and a party', () => ({ personId: small.members[0]!.id, partyId: small.parties[0]!.id, text, askerName: 'Ola' }), ['partyId', 'personId']],
    ['nobody', () => ({ text, askerName: 'Ola' }), ['partyId', 'personId']],
    ['an empty text and no name', () => ({ personId: small.members[0]!.id, text: '   ', askerName: '' }), ['text', 'askerName']],
    ['a text too short', () => ({ personId: small.members[0]!.id, text: 'Hvorfor?', askerName: 'Ola' }), ['text']],
  ])('refuses %s with 400 naming the fields, and writes nothing', async (_what, payload, fields) => {
    const before = await state();
    const res = await ask(t, tenant, asker, payload());
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
    expect(await state()).toEqual(before);
  });

  it('refuses a token, a politician without the citizen role, and anonymous callers', async () => {
    const before = await state();
    const payload = { personId: small.members[0]!.id, text, askerName: 'Ola' };
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/questions`, payload })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/questions`, headers: { authorization: `Bearer ${await t.token(tenant, 'citizen')}` }, payload })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/questions`, headers: await secretariatHeaders(t, tenant), payload })).statusCode).toBe(403);
    expect(await state()).toEqual(before);
  });
});

describe('answering', () => {
  let toKari: string;
  let toParty: string;
  beforeAll(async () => {
    toKari = (await ask(t, tenant, asker, { personId: small.members[0]!.id, text: 'Kommer det lys i lysløypa i vinter?', askerName: 'Ola I.' })).json().id;
    toParty = (await ask(t, tenant, asker, { partyId: small.parties[0]!.id, text: 'Vil partiet gå inn for gratis SFO?', askerName: 'Ola I.' })).json().id;
    await t.settle();
  });

  it('lists the questions to the politician and to their party, unanswered first', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/questions/mine`, headers: kari.headers });
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([toKari, toParty]));
    const hannes = (await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/questions/mine`, headers: hanne.headers })).json().items.map((i: { id: string }) => i.id);
    expect(hannes).not.toContain(toKari);
    expect(hannes).not.toContain(toParty);
  });

  it('refuses the wrong politician, another party’s politician and the secretariat with 403; an empty answer with 400; nothing changes', async () => {
    const before = await state();
    expect((await answer(t, tenant, per, toKari, 'Ja.')).statusCode).toBe(403);
    expect((await answer(t, tenant, hanne, toParty, 'Nei.')).statusCode).toBe(403);
    expect((await answer(t, tenant, { authorization: `Bearer ${await t.token(tenant, 'secretariat')}` }, toKari, 'Ja.')).statusCode).toBe(403);
    expect((await answer(t, tenant, { authorization: `Bearer ${await t.token(tenant, 'politician')}` }, toKari, 'Ja.')).statusCode).toBe(403);
    const empty = await answer(t, tenant, kari, toKari, '  ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((e: { field: string }) => e.field)).toEqual(['text']);
    expect((await answer(t, tenant, kari, newId(), 'Ja.')).statusCode).toBe(404);
    expect(await state()).toEqual(before);
  });

  it('the politician asked answers once; the asker is mailed; a second answer is 409 and changes nothing', async () => {
    const res = await answer(t, tenant, kari, toKari, 'Ja, lysene kommer i desember.');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'answered', ageInDays: null, answer: { text: 'Ja, lysene kommer i desember.', by: { id: small.members[0]!.id } } });
    const mails = (await sentMail(t)).filter((m) => m.template === 'questions.answered' && m.to === 'ola@example.org');
    expect(mails).toHaveLength(1);
    const before = await state();
    const again = await answer(t, tenant, kari, toKari, 'Nei, likevel ikke.');
    expect(again.statusCode).toBe(409);
    expect(await state()).toEqual(before);
    await t.settle();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/questions/${toKari}` })).json()).toMatchObject({ status: 'answered', answer: { text: 'Ja, lysene kommer i desember.' } });
  });

  it('any politician of the party answers a party question, in their own name', async () => {
    const res = await answer(t, tenant, per, toParty, 'Ja, det står i programmet vårt.');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().answer.by.id).toBe(small.members[1]!.id);
  });
});

describe('rejecting and withdrawing', () => {
  it('the secretariat rejects with a reason shown publicly (without the text); not twice', async () => {
    const id = (await ask(t, tenant, asker, { personId: small.members[3]!.id, text: 'Et spørsmål som bryter reglene for spørsmål.', askerName: 'Ola' })).json().id;
    const headers = await secretariatHeaders(t, tenant);
    const blank = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/questions/${id}/rejection`, headers, payload: { reason: ' ' } });
    expect(blank.statusCode).toBe(400);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/questions/${id}/rejection`, headers, payload: { reason: 'Personangrep' } });
    expect(res.statusCode, res.body).toBe(200);
    const before = await state();
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/questions/${id}/rejection`, headers, payload: { reason: 'Igjen' } })).statusCode).toBe(409);
    expect((await answer(t, tenant, hanne, id, 'For sent.')).statusCode).toBe(409);
    expect(await state()).toEqual(before);
    await t.settle();
    const shown = (await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/questions/${id}` })).json();
    expect(shown).toMatchObject({ status: 'rejected', rejectedReason: 'Personangrep', text: '' });
  });

  it('only the asker withdraws; the question leaves the public list', async () => {
    const id = (await ask(t, tenant, asker, { personId: small.members[4]!.id, text: 'Et spørsmål jeg angrer på å ha stilt.', askerName: 'Ola' })).json().id;
    await t.settle();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/questions/${id}` })).statusCode).toBe(200);
    const before = await state();
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/questions/${id}/withdrawal`, headers: stranger.headers })).statusCode).toBe(404);
    expect(await state()).toEqual(before);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/questions/${id}/withdrawal`, headers: asker.headers });
    expect(res.statusCode, res.body).toBe(200);
    await t.settle();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/questions/${id}` })).statusCode).toBe(404);
    const mine = (await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/questions/asked`, headers: asker.headers })).json().items;
    expect(mine.find((q: { id: string }) => q.id === id).status).toBe('withdrawn');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/questions/asked`, headers: stranger.headers })).json().items).toEqual([]);
  });
});

describe('the projection', () => {
  it('is rebuilt the same by replay, and another municipality sees none of it', async () => {
    await t.settle();
    const before = await publicRows();
    expect(before.length).toBeGreaterThan(3);
    await withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'system', id: 'test', name: 'test' } }, async (tx) => {
      await questionsProjection.reset!(tx);
      const ids = (await sql<{ id: string }>`select id from council_questions`.execute(tx)).rows.map((r) => r.id);
      // Twice: the projection of a question is the same however often its event comes.
      for (const id of [...ids, ...ids]) await projectQuestion(tx, id);
    });
    expect(await publicRows()).toEqual(before);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/${other.slug}/questions` })).json().items).toEqual([]);
  });

  it('pages the public list with a cursor bound to its filter', async () => {
    const first = await list('?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.items[0].id).not.toBe(first.items[1].id);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/questions?status=open&cursor=${first.nextCursor}` })).statusCode).toBe(400);
  });
});
