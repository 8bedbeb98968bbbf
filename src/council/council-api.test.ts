// SPDX-License-Identifier: EUPL-1.2
// The secretariat's council API (issue 10 §1–§2) through the real app: the roster with every
// failing field named and nothing written, the summons with the Norwegian publication rule, agenda
// items tied to this municipality's political cases, attendance; who may do it.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { smallCouncil, secretariatHeaders, type SmallCouncil } from './test-support.ts';

let t: TestRadhus;
let tenant: Tenant;
let other: Tenant;
let sec: Record<string, string>;
let council: SmallCouncil;
const DAY = 86_400_000;

const api = (path: string, slug = tenant.slug) => `/api/v1/${slug}/council${path}`;
const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, headers = sec) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where tenant_id = ${tenant.id}`.execute(t.ctx.db.kysely)).rows[0]!.n);
const fields = (body: string) => (JSON.parse(body) as { errors: { field: string; code: string }[] }).errors.map((e) => `${e.field}:${e.code}`).sort();

async function caseFile(of: Tenant, title: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/${of.slug}/case-files`, headers: { authorization: `Bearer ${await t.token(of, 'case-officer')}` }, payload: { title } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ country: 'NO' });
  other = await t.tenant({ country: 'NO' });
  sec = await secretariatHeaders(t, tenant);
  council = await smallCouncil(t, tenant, { body: { publishDaysBefore: 7 } });
}, 120_000);
afterAll(() => t?.close());

describe(`council staff API (${testEngine()})`, () => {
  it('the roster: lists, creates; a bad request names every failing field and writes nothing', async () => {
    const bodies = (await send('GET', api('/bodies'))).json();
    expect(bodies.items.map((b: { id: string }) => b.id)).toEqual([council.body.id]);
    const members = (await send('GET', api(`/bodies/${council.body.id}/memberships`))).json().items;
    expect(members.map((m: { role: string; substituteOrder: number | null }) => `${m.role}${m.substituteOrder ?? ''}`)).toEqual(['leader', 'member', 'member', 'member', 'member', 'substitute1', 'substitute1']);

    const before = await Promise.all(['council_persons', 'council_memberships', 'council_parties', 'council_bodies', 'outbox'].map(count));
    const person = await send('POST', api('/persons'), { givenName: ' ', familyName: 'Hansen', partyId: '00000000-0000-7000-8000-000000000001', email: 'not-mail' });
    expect(person.statusCode).toBe(400);
    expect(fields(person.body)).toEqual(['email:invalidEmail', 'givenName:required', 'partyId:notFound']);
    const party = await send('POST', api('/parties'), { code: council.parties[0]!.code, name: 'Kopi' });
    expect(party.statusCode).toBe(400);
    expect(fields(party.body)).toEqual(['code:taken']);
    const membership = await send('POST', api(`/bodies/${council.body.id}/memberships`), { termId: '00000000-0000-7000-8000-000000000002', personId: council.members[0]!.id, role: 'substitute' });
    expect(fields(membership.body)).toEqual(['termId:notFound']);
    const sub = await send('POST', api(`/bodies/${council.body.id}/memberships`), { termId: council.term.id, personId: council.members[0]!.id, role: 'substitute', partyId: council.parties[0]!.id, substituteOrder: 1, endsOn: '2000-01-01' });
    expect(fields(sub.body)).toEqual(['endsOn:outOfRange', 'substituteOrder:taken']);
    const body = await send('POST', api('/bodies'), { code: council.body.code, kind: 'committee', name: 'Utvalg', unitId: '00000000-0000-7000-8000-000000000003' });
    expect(fields(body.body)).toEqual(['code:taken', 'unitId:notFound']);
    const after = await Promise.all(['council_persons', 'council_memberships', 'council_parties', 'council_bodies', 'outbox'].map(count));
    expect(after).toEqual(before);

    const created = await send('POST', api('/persons'), { givenName: 'Ola', familyName: 'Nordmann', partyId: council.parties[1]!.id, email: 'Ola@Example.org' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Ola Nordmann', email: 'ola@example.org', partyId: council.parties[1]!.id });
    const seat = await send('POST', api(`/bodies/${council.body.id}/memberships`), { termId: council.term.id, personId: created.json().id, role: 'substitute', substituteOrder: 2 });
    expect(seat.statusCode, seat.body).toBe(201);
    expect(seat.json()).toMatchObject({ partyId: council.parties[1]!.id, substituteOrder: 2, startsOn: council.term.starts_on });
    const moved = await send('PATCH', api(`/memberships/${seat.json().id}`), { role: 'member' });
    expect(moved.json()).toMatchObject({ role: 'member', substituteOrder: null });
  });

  it('only the secretariat and the tenant administrator; another municipality’s body is not found', async () => {
    for (const role of ['case-officer', 'archivist', 'politician', 'citizen'] as const) {
      const res = await send('GET', api('/bodies'), undefined, { authorization: `Bearer ${await t.token(tenant, role)}` });
      expect(res.statusCode, role).toBe(403);
    }
    const admin = await send('GET', api('/terms'), undefined, { authorization: `Bearer ${await t.token(tenant, 'tenant-admin')}` });
    expect(admin.statusCode).toBe(200);
    const otherSec = await secretariatHeaders(t, other);
    expect((await send('PATCH', api(`/bodies/${council.body.id}`, other.slug), { name: 'Kapret' }, otherSec)).statusCode).toBe(404);
    expect((await send('GET', api(`/meetings/${council.meeting.id}`, other.slug), undefined, otherSec)).statusCode).toBe(404);
  });

  it('agenda items: a case of this municipality, never another’s; closed items name their legal basis', async () => {
    const mine = await caseFile(tenant, 'Økonomiplan 2027–2030');
    const theirs = await caseFile(other, 'Nabokommunens sak');
    const items = await count('council_agenda_items');
    const foreign = await send('POST', api(`/meetings/${council.meeting.id}/agenda-items`), { caseFileId: theirs, closed: true });
    expect(foreign.statusCode).toBe(400);
    expect(fields(foreign.body)).toEqual(['caseFileId:notFound', 'closedLegalBasis:required']);
    const missing = await send('POST', api(`/meetings/${council.meeting.id}/agenda-items`), { caseFileId: '00000000-0000-7000-8000-000000000009' });
    expect(fields(missing.body)).toEqual(['caseFileId:notFound']);
    expect(await count('council_agenda_items')).toBe(items);

    const item = await send('POST', api(`/meetings/${council.meeting.id}/agenda-items`), { caseFileId: mine, itemNumber: 'PS 1/27' });
    expect(item.statusCode, item.body).toBe(201);
    expect(item.json()).toMatchObject({ title: 'Økonomiplan 2027–2030', publicTitle: 'Økonomiplan 2027–2030', caseFileId: mine, itemNumber: 'PS 1/27', late: false, closed: false });
    const closed = await send('POST', api(`/meetings/${council.meeting.id}/agenda-items`), { title: 'Tilsetting av kommunedirektør', closed: true, closedLegalBasis: 'kommuneloven § 11-5 andre ledd' });
    expect(closed.json()).toMatchObject({ position: 2, closed: true, closedLegalBasis: 'kommuneloven § 11-5 andre ledd' });
    const unclose = await send('PATCH', api(`/agenda-items/${closed.json().id}`), { closedLegalBasis: null });
    expect(fields(unclose.body)).toEqual(['closedLegalBasis:required']);
    const removable = await send('POST', api(`/meetings/${council.meeting.id}/agenda-items`), { title: 'Feilført' });
    expect((await send('DELETE', api(`/agenda-items/${removable.json().id}`))).statusCode).toBe(204);
    const detail = (await send('GET', api(`/meetings/${council.meeting.id}`))).json();
    expect(detail.items.map((i: { position: number }) => i.position)).toEqual([1, 2]);
    expect(detail.actions).toEqual(expect.arrayContaining(['summon', 'addItem', 'cancel']));
  });

  it('the summons: 7 days ahead the agenda is public then; later it is refused unless late, then public at once', async () => {
    const meeting = council.meeting;
    const onTime = await send('POST', api(`/meetings/${meeting.id}/summons`), {});
    expect(onTime.statusCode, onTime.body).toBe(200);
    expect(onTime.json()).toMatchObject({ status: 'summoned', late: false, publicFrom: new Date(meeting.starts_at.getTime() - 7 * DAY).toISOString() });
    expect((await send('POST', api(`/meetings/${meeting.id}/summons`), {})).statusCode).toBe(409);
    const item = await send('POST', api(`/meetings/${meeting.id}/agenda-items`), { title: 'Ettersendt sak' });
    expect(item.json().late).toBe(true);
    const lastItem = (await send('GET', api(`/meetings/${meeting.id}`))).json().items.at(-1);
    expect((await send('DELETE', api(`/agenda-items/${lastItem.id}`))).statusCode).toBe(409);

    const soon = await send('POST', api('/meetings'), { bodyId: council.body.id, startsAt: new Date(t.clock.now().getTime() + 3 * DAY).toISOString() });
    expect(soon.statusCode).toBe(201);
    const refused = await send('POST', api(`/meetings/${soon.json().id}/summons`), {});
    expect(refused.statusCode).toBe(409);
    expect(fields(refused.body)).toEqual(['late:required']);
    expect((await send('GET', api(`/meetings/${soon.json().id}`))).json().status).toBe('planned');
    const late = await send('POST', api(`/meetings/${soon.json().id}/summons`), { late: true });
    expect(late.json()).toMatchObject({ late: true, publicFrom: t.clock.now().toISOString() });
    expect(late.json().message).toMatch(/late/);
  });

  it('attendance: members and substitutes of the body only; a substitute meets for a member; then held', async () => {
    const soon = await send('POST', api('/meetings'), { bodyId: council.body.id, startsAt: new Date(t.clock.now().getTime() + DAY).toISOString() });
    const id = soon.json().id;
    const [leader, m1] = council.members;
    const stranger = (await send('POST', api('/persons'), { givenName: 'Ikke', familyName: 'Medlem' })).json();
    const bad = await send('PUT', api(`/meetings/${id}/attendance`), {
      entries: [{ personId: stranger.id, status: 'present' }, { personId: m1!.id, status: 'present', substituteFor: leader!.id }, { personId: m1!.id, status: 'absent' }],
    });
    expect(fields(bad.body)).toEqual(['entries.0.personId:notFound', 'entries.1.substituteFor:notAllowed', 'entries.2.personId:duplicate']);
    expect(await count('council_attendance')).toBe(0);
    const ok = await send('PUT', api(`/meetings/${id}/attendance`), {
      entries: [{ personId: leader!.id, status: 'absent' }, { personId: council.substitutes[0]!.id, status: 'present', substituteFor: leader!.id }, { personId: m1!.id, status: 'present' }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await send('POST', api(`/meetings/${id}/held`))).statusCode).toBe(409);
    await send('POST', api(`/meetings/${id}/summons`), { late: true });
    t.clock.advance(2 * DAY);
    const held = await send('POST', api(`/meetings/${id}/held`));
    expect(held.json()).toMatchObject({ status: 'held', minutesStatus: 'draft' });
    expect((await send('POST', api(`/meetings/${id}/cancellation`))).statusCode).toBe(409);
  });
});
