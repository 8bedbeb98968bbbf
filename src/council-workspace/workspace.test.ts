// SPDX-License-Identifier: EUPL-1.2
// The politician's workspace through the real app (issue 11 §3–§4): a member's meetings and the
// whole agenda with closed items and their unpublished papers, nothing of another body's; private
// notes that another member can neither see nor change; absence calling the next substitute of the
// list (mail to the substitute and the secretariat), twice refused, for a held meeting refused;
// a substitute who declines makes the next be called; the secretariat's current item and calls.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentMail } from '../access-requests/test-support.ts';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { loggedInPerson, type TestPerson } from '../test-support/person.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import { grantLocalRole } from '../identity/users.ts';
import type { Tenant } from '../tenants/tenant.ts';
import * as council from '../council/service.ts';
import { createMeeting, createMembership, createPerson, inCouncil, publishSummons, secretariatHeaders, smallCouncil, type SmallCouncil } from '../council/test-support.ts';
import { itemWithPaper, politician } from '../test-support/council-workspace.ts';

let t: TestRadhus;
let a: Tenant;
let sc: SmallCouncil;
let other: SmallCouncil;
let A: TestPerson; // leader, first party
let B: TestPerson; // member, first party
let S: TestPerson; // the first party's substitute
let D: TestPerson; // member, second party
let S2: TestPerson; // the second party's first substitute
let X: TestPerson; // member of another body only
let unlinked: TestPerson;
let secretary: TestPerson;
let open: Awaited<ReturnType<typeof itemWithPaper>>;
let closed: Awaited<ReturnType<typeof itemWithPaper>>;
let stray: Awaited<ReturnType<typeof itemWithPaper>>;
let s3: council.PersonRow;

const api = (tenant: Tenant) => `/api/v1/${tenant.slug}`;
const get = (who: TestPerson, path: string) => t.app.inject({ method: 'GET', url: `${api(a)}${path}`, headers: who.headers });
const send = (who: TestPerson, method: 'POST' | 'PATCH' | 'DELETE' | 'PUT', path: string, payload?: unknown) =>
  t.app.inject({ method, url: `${api(a)}${path}`, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.ctx.db.kysely)).rows[0]!.n);
const snapshot = async () => ({ attendance: await count('council_attendance'), calls: await count('council_substitute_calls'), notes: await count('council_member_notes'), mail: (await sentMail(t)).length });

beforeAll(async () => {
  t = await createTestRadhus();
  a = await t.tenant();
  sc = await smallCouncil(t, a);
  other = await smallCouncil(t, a);
  await inCouncil(t, a, async (tx, c) => {
    for (const [i, s] of sc.substitutes.entries()) await council.updatePerson(tx, c, s.id, { email: `vara${i}@example.org` });
  });
  s3 = await createPerson(t, a, { partyId: sc.parties[1]!.id, email: 'vara-to@example.org' });
  await createMembership(t, a, sc.body.id, { termId: sc.term.id, personId: s3.id, role: 'substitute', substituteOrder: 2 });
  A = await politician(t, a, 'Anne Leder', sc.members[0]!.id);
  B = await politician(t, a, 'Bjørn Medlem', sc.members[1]!.id);
  S = await politician(t, a, 'Siri Vara', sc.substitutes[0]!.id);
  D = await politician(t, a, 'Dag Høyre', sc.members[3]!.id);
  S2 = await politician(t, a, 'Stine Vara', sc.substitutes[1]!.id);
  X = await politician(t, a, 'Xander Annet', other.members[0]!.id);
  unlinked = await politician(t, a, 'Ulla Uten');
  secretary = await loggedInPerson(t, [a.id], { name: 'Sekretær', email: 'sekretariat@example.org' });
  await withoutTenant(t.ctx.db, (tx) => grantLocalRole(tx, a.id, secretary.userId, 'secretariat', t.clock.now()));
  open = await itemWithPaper(t, a, sc.meeting.id, { title: 'Trafikksikkerhetsplan', published: true });
  closed = await itemWithPaper(t, a, sc.meeting.id, { title: 'Erstatningssak', published: false, closed: true });
  stray = await itemWithPaper(t, a, other.meeting.id, { title: 'Annet organs sak', published: false });
  await publishSummons(t, a, sc.meeting.id, { late: true });
  await publishSummons(t, a, other.meeting.id, { late: true });
}, 180_000);
afterAll(() => t?.close());

describe(`the politician's workspace (${testEngine()})`, () => {
  it("lists the meetings of my bodies; a login with no council person gets none; a substitute not called sees nothing", async () => {
    const mine = (await get(A, '/workspace/meetings')).json();
    expect(mine.items.map((m: { id: string }) => m.id)).toEqual([sc.meeting.id]);
    expect(mine.items[0]).toMatchObject({ role: 'member', agendaSent: true, bodyName: sc.body.name });
    expect((await get(unlinked, '/workspace/meetings')).json()).toEqual({ items: [] });
    expect((await get(S, '/workspace/meetings')).json()).toEqual({ items: [] });
    expect((await t.app.inject({ method: 'GET', url: `${api(a)}/workspace/meetings`, headers: secretary.headers })).statusCode).toBe(403);
  });

  it('shows the whole agenda with closed items and their unpublished papers, and serves the files; another body’s member gets 404', async () => {
    const res = await get(A, `/workspace/meetings/${sc.meeting.id}`);
    expect(res.statusCode).toBe(200);
    const meeting = res.json();
    expect(meeting.items.map((i: { id: string }) => i.id)).toEqual([open.item.id, closed.item.id]);
    expect(meeting.items[1]).toMatchObject({ closed: true, title: 'Erstatningssak', documents: [{ id: closed.documentId, mimeType: 'application/pdf' }] });
    expect(meeting.canReportAbsence).toBe(true);
    const file = await get(A, `/workspace/documents/${closed.documentId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^inline/);
    expect(Buffer.compare(file.rawPayload, closed.pdf)).toBe(0);
    // Not mine: another body's meeting and its paper, and my body's member asking for it.
    expect((await get(X, `/workspace/meetings/${sc.meeting.id}`)).statusCode).toBe(404);
    expect((await get(X, `/workspace/documents/${closed.documentId}`)).statusCode).toBe(404);
    expect((await get(A, `/workspace/documents/${stray.documentId}`)).statusCode).toBe(404);
    expect((await get(unlinked, `/workspace/documents/${open.documentId}`)).statusCode).toBe(404);
    expect((await get(X, `/workspace/documents/${stray.documentId}`)).statusCode).toBe(200);
  });

  it("keeps a member's notes private: another member neither sees, changes nor deletes them (404, nothing changed)", async () => {
    const made = await send(A, 'POST', `/workspace/agenda-items/${closed.item.id}/notes`, { text: 'Spør om forhandlingsrommet', presentationEntryId: closed.entryId });
    expect(made.statusCode).toBe(201);
    const note = made.json();
    expect((await get(B, `/workspace/agenda-items/${closed.item.id}/notes`)).json()).toEqual({ items: [] });
    expect((await get(B, `/workspace/meetings/${sc.meeting.id}`)).json().items[1].notes).toEqual([]);
    const before = await snapshot();
    expect((await send(B, 'PATCH', `/workspace/notes/${note.id}`, { text: 'overskrevet' })).statusCode).toBe(404);
    expect((await send(B, 'DELETE', `/workspace/notes/${note.id}`)).statusCode).toBe(404);
    expect((await send(X, 'POST', `/workspace/agenda-items/${closed.item.id}/notes`, { text: 'fra utsiden' })).statusCode).toBe(404);
    expect((await send(A, 'POST', `/workspace/agenda-items/${closed.item.id}/notes`, { text: 'feil papir', presentationEntryId: open.entryId })).json().errors).toEqual([expect.objectContaining({ field: 'presentationEntryId' })]);
    expect(await snapshot()).toEqual(before);
    expect((await get(A, `/workspace/agenda-items/${closed.item.id}/notes`)).json().items).toEqual([expect.objectContaining({ id: note.id, text: 'Spør om forhandlingsrommet' })]);
    expect((await send(A, 'PATCH', `/workspace/notes/${note.id}`, { text: 'Spør om rammen' })).json()).toMatchObject({ text: 'Spør om rammen' });
    const second = (await send(A, 'POST', `/workspace/agenda-items/${open.item.id}/notes`, { text: 'Kort notat' })).json();
    expect((await send(A, 'DELETE', `/workspace/notes/${second.id}`)).statusCode).toBe(204);
    expect((await get(A, `/workspace/meetings/${sc.meeting.id}`)).json().items[1].notes).toEqual([expect.objectContaining({ text: 'Spør om rammen' })]);
  });

  it('absence: the next substitute of the list is called and mailed, the secretariat is mailed; twice is refused and writes nothing', async () => {
    const res = await send(A, 'POST', `/workspace/meetings/${sc.meeting.id}/absence`, { reason: 'Sykdom' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.attendance).toMatchObject({ personId: sc.members[0]!.id, status: 'absent' });
    expect(body.substituteCall).toMatchObject({ absentPersonId: sc.members[0]!.id, substitutePersonId: sc.substitutes[0]!.id, status: 'called' });
    const mail = await sentMail(t);
    expect(mail.filter((m) => m.to === 'vara0@example.org' && m.template === 'council-workspace.substitute-call')).toHaveLength(1);
    expect(mail.filter((m) => m.to === 'sekretariat@example.org' && m.template === 'council-workspace.absence-reported')).toHaveLength(1);
    const before = await snapshot();
    const twice = await send(A, 'POST', `/workspace/meetings/${sc.meeting.id}/absence`, { reason: 'Sykdom' });
    expect(twice.statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
    expect((await get(A, `/workspace/meetings/${sc.meeting.id}`)).json()).toMatchObject({ canReportAbsence: false, myAttendance: { status: 'absent' } });
    // The secretariat sees the call; the substitute now has the meeting and accepts.
    const calls = (await t.app.inject({ method: 'GET', url: `${api(a)}/council/meetings/${sc.meeting.id}/substitute-calls`, headers: await secretariatHeaders(t, a) })).json();
    expect(calls.items).toEqual([expect.objectContaining({ substitutePersonId: sc.substitutes[0]!.id, status: 'called' })]);
    expect((await get(S, '/workspace/meetings')).json().items).toEqual([expect.objectContaining({ id: sc.meeting.id, role: 'substitute' })]);
    expect((await get(S, `/workspace/documents/${closed.documentId}`)).statusCode).toBe(200);
    expect((await send(B, 'POST', `/workspace/substitute-calls/${body.substituteCall.id}/answer`, { accept: true })).statusCode).toBe(404);
    const accepted = await send(S, 'POST', `/workspace/substitute-calls/${body.substituteCall.id}/answer`, { accept: true });
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    expect((await send(S, 'POST', `/workspace/substitute-calls/${body.substituteCall.id}/answer`, { accept: false })).statusCode).toBe(409);
    const attendance = await inCouncil(t, a, (tx) => sql<{ person_id: string; status: string; substitute_for: string | null }>`select person_id, status, substitute_for from council_attendance where meeting_id = ${sc.meeting.id} order by status`.execute(tx));
    expect(attendance.rows).toEqual([{ person_id: sc.members[0]!.id, status: 'absent', substitute_for: null }, { person_id: sc.substitutes[0]!.id, status: 'present', substitute_for: sc.members[0]!.id }]);
  });

  it('with the list used up nobody is called and the secretariat is told so', async () => {
    const res = (await send(B, 'POST', `/workspace/meetings/${sc.meeting.id}/absence`, { reason: 'Jobbreise' })).json();
    expect(res.substituteCall).toBeNull();
  });

  it('a substitute who declines makes the next of the list be called', async () => {
    const first = (await send(D, 'POST', `/workspace/meetings/${sc.meeting.id}/absence`, { reason: 'Ferie' })).json();
    expect(first.substituteCall).toMatchObject({ substitutePersonId: sc.substitutes[1]!.id });
    expect((await send(S2, 'POST', `/workspace/substitute-calls/${first.substituteCall.id}/answer`, { accept: false })).json()).toMatchObject({ status: 'declined' });
    const calls = (await t.app.inject({ method: 'GET', url: `${api(a)}/council/meetings/${sc.meeting.id}/substitute-calls`, headers: await secretariatHeaders(t, a) })).json().items;
    expect(calls.filter((k: { absentPersonId: string }) => k.absentPersonId === sc.members[3]!.id).map((k: { substitutePersonId: string; status: string }) => [k.substitutePersonId, k.status])).toEqual([[sc.substitutes[1]!.id, 'declined'], [s3.id, 'called']]);
    expect((await sentMail(t)).filter((m) => m.to === 'vara-to@example.org')).toHaveLength(1);
    // The one who declined no longer has the meeting.
    expect((await get(S2, `/workspace/meetings/${sc.meeting.id}`)).statusCode).toBe(404);
  });

  it('refuses absence for a held meeting, writing nothing', async () => {
    const past = await createMeeting(t, a, { bodyId: sc.body.id, startsAt: new Date(t.clock.now().getTime() - 86_400_000).toISOString() });
    await publishSummons(t, a, past.id, { late: true });
    await inCouncil(t, a, (tx, c) => council.markHeld(tx, c, past.id));
    const before = await snapshot();
    const res = await send(B, 'POST', `/workspace/meetings/${past.id}/absence`, { reason: 'For sent' });
    expect(res.statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it('the secretariat sets the current item; members see it; an item of another meeting is refused', async () => {
    const headers = await secretariatHeaders(t, a);
    const set = await t.app.inject({ method: 'PUT', url: `${api(a)}/council/meetings/${sc.meeting.id}/current-item`, headers, payload: { itemId: open.item.id } });
    expect(set.statusCode).toBe(200);
    expect(set.json().currentItemId).toBe(open.item.id);
    expect((await get(B, `/workspace/meetings/${sc.meeting.id}`)).json().currentItemId).toBe(open.item.id);
    const wrong = await t.app.inject({ method: 'PUT', url: `${api(a)}/council/meetings/${sc.meeting.id}/current-item`, headers, payload: { itemId: stray.item.id } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ field: 'itemId' })]);
    expect((await get(B, `/workspace/meetings/${sc.meeting.id}`)).json().currentItemId).toBe(open.item.id);
  });
});
