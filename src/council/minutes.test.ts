// SPDX-License-Identifier: EUPL-1.2
// Approving the minutes (Norway): generated from the record, filed in the archive in the body's
// minutes case, published through the projection's event; approved twice → 409; after approval the
// record is closed in the service (409, nothing written) and in the database itself (the triggers of
// migration 0024, exercised as radhus_app); the recording's video and captions may still come.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestRadhus } from '../test-support/app.ts';
import { withTenant } from '../platform/db/transaction.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createDecisionsRadhus, heldMeeting, type HeldMeeting } from './decisions-fixture.ts';
import { secretariatHeaders } from './test-support.ts';
import { renderMinutesPdf, runs } from './minutes-pdf.ts';

let t: TestRadhus;
let tenant: Tenant;
let m: HeldMeeting;
let headers: Record<string, string>;

beforeAll(async () => {
  t = await createDecisionsRadhus();
  tenant = await t.tenant({ country: 'NO' });
  m = await heldMeeting(t, tenant);
  headers = await secretariatHeaders(t, tenant);
}, 120_000);
afterAll(() => t?.close());

const call = (method: 'POST' | 'PUT', path: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/${tenant.slug}/council${path}`, headers, ...(payload ? { payload } : {}) });
const q = <R>(query: ReturnType<typeof sql<R>>) => query.execute(t.ctx.db.kysely).then((r) => r.rows);
const embeddedFonts = (pdf: Buffer) => (pdf.toString('latin1').match(/\/FontFile[23]?/g) ?? []).length;

describe(`council minutes (${testEngine()})`, () => {
  it('sets Sámi letters in the Latin Extended subset so that every name renders', async () => {
    expect(runs('Áŋŋel Čalmmiid – Ap')).toEqual([{ text: 'Á', extended: false }, { text: 'ŋŋ', extended: true }, { text: 'el ', extended: false }, { text: 'Č', extended: true }, { text: 'almmiid – Ap', extended: false }]);
    const at = new Date('2026-03-02T09:00:00Z');
    const plain = await renderMinutesPdf({ title: 'Møtebok', language: 'nb', at, lines: [{ label: 'Til stede', text: 'Kari Nordmann, Åse Øvrebø' }] });
    const sami = await renderMinutesPdf({ title: 'Møtebok', language: 'nb', at, lines: [{ label: 'Til stede', text: 'Máret Áŋŋel Đuođaš, Ŧ' }] });
    // Bold and regular Latin, plus the Latin Extended regular for the Sámi letters.
    expect(embeddedFonts(plain)).toBe(2);
    expect(embeddedFonts(sami)).toBe(3);
  });

  it('approves the minutes once: a PDF filed in the body’s minutes case, the record closed; twice → 409', async () => {
    const item = m.items[0]!.id;
    const [m0, m1, m2, m3, subB] = m.present as [string, string, string, string, string];
    await call('POST', `/agenda-items/${item}/proposals`, { kind: 'recommendation', text: 'Innstillingen vedtas.' });
    expect((await call('POST', `/agenda-items/${item}/votes`, {
      subject: 'Innstillingen', method: 'roll-call', outcome: 'for', counts: [{ option: 'for', label: 'For', count: 3 }, { option: 'against', label: 'Mot', count: 2 }],
      ballots: [m0, m1, m2].map((personId) => ({ personId, option: 'for' })).concat([m3, subB].map((personId) => ({ personId, option: 'against' }))),
    })).statusCode).toBe(201);
    await call('PUT', `/agenda-items/${item}/decision`, { text: 'Innstillingen vedtas.' });

    const approved = await call('POST', `/meetings/${m.meeting.id}/minutes`);
    expect(approved.statusCode).toBe(201);
    const body = approved.json() as { minutesEntryId: string; caseFileId: string; checksum: string; caseNumber: string };
    const [meeting] = await q(sql<{ minutes_status: string; minutes_entry_id: string; minutes_approved_by: string }>`select minutes_status, minutes_entry_id, minutes_approved_by from council_meetings where id = ${m.meeting.id}`);
    expect(meeting).toMatchObject({ minutes_status: 'approved', minutes_entry_id: body.minutesEntryId });
    const [entry] = await q(sql<{ case_file_id: string; type: string; title: string }>`select case_file_id, type, title from registry_entries where id = ${body.minutesEntryId}`);
    expect(entry).toMatchObject({ case_file_id: body.caseFileId, type: 'internal-without-followup' });
    expect(entry!.title).toMatch(/^Møtebok – Kommunestyret \d{4}-\d{2}-\d{2}$/);
    const [bodyRow] = await q(sql<{ minutes_case_file_id: string }>`select minutes_case_file_id from council_bodies where id = ${m.body.id}`);
    expect(bodyRow!.minutes_case_file_id).toBe(body.caseFileId);
    const pdf = await t.ctx.files.read(body.checksum);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The items' titles carry Sámi letters: the Latin Extended subset is embedded.
    expect(embeddedFonts(pdf)).toBe(3);
    const [doc] = await q(sql<{ n: string }>`select count(*) as n from documents d join document_objects o on o.document_id = d.id where d.registry_entry_id = ${body.minutesEntryId} and o.checksum = ${body.checksum}`);
    expect(Number(doc!.n)).toBe(1);

    // Norway: the projection publishes the approved minutes at once.
    await t.settle();
    const [published] = await q(sql<{ minutes_entry_id: string | null }>`select minutes_entry_id from public_council_meetings where id = ${m.meeting.id}`);
    expect(published!.minutes_entry_id).toBe(body.minutesEntryId);
    // Norway: the meeting record appears in the public journal (issue 10 §2), with the PDF.
    const [journal] = await q(sql<{ public_title: string; files: string }>`select e.public_title, (select count(*) from public_documents d where d.registry_entry_id = e.id) as files from public_registry_entries e where e.id = ${body.minutesEntryId}`);
    expect(journal).toMatchObject({ public_title: entry!.title });
    expect(Number(journal!.files)).toBe(1);

    const entriesBefore = await q(sql<{ n: string }>`select count(*) as n from registry_entries`);
    const again = await call('POST', `/meetings/${m.meeting.id}/minutes`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict', errors: [{ code: 'minutesApproved' }] });
    expect(await q(sql<{ n: string }>`select count(*) as n from registry_entries`)).toEqual(entriesBefore);
  });

  it('after approval refuses changes to the record (409, nothing written), in the service and in the database', async () => {
    const item = m.items[0]!.id;
    const snapshot = () => q(sql`select (select count(*) from council_proposals) as p, (select count(*) from council_votes) as v, (select count(*) from council_reservations) as r,
      (select count(*) from council_disqualifications) as d, (select decision_text from council_agenda_items where id = ${item}) as decision`);
    const before = await snapshot();
    for (const [method, path, payload] of [
      ['POST', `/agenda-items/${item}/proposals`, { kind: 'proposal', text: 'For sent' }],
      ['POST', `/agenda-items/${item}/disqualifications`, { personId: m.present[0], reason: 'For sent' }],
      ['POST', `/agenda-items/${item}/votes`, { subject: 'x', method: 'show-of-hands', outcome: 'for', counts: [{ option: 'for', label: 'For', count: 5 }] }],
      ['PUT', `/agenda-items/${item}/decision`, { text: 'Endret' }],
      ['POST', `/agenda-items/${item}/reservations`, { personId: m.present[3] }],
    ] as const) {
      const res = await call(method, path, payload);
      expect(res.statusCode, path).toBe(409);
      expect(res.json()).toMatchObject({ errors: [{ code: 'minutesApproved' }] });
    }
    expect(await snapshot()).toEqual(before);

    // The database says no as well, to the app's own role in the right municipality.
    const asApp = (statement: ReturnType<typeof sql>) => withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, (tx) => statement.execute(tx));
    await expect(asApp(sql`update council_agenda_items set decision_text = 'Endret' where id = ${item}`)).rejects.toThrow(/minutes of meeting .* are approved/);
    await expect(asApp(sql`delete from council_ballots`)).rejects.toThrow(/minutes of the meeting are approved/);
    await expect(asApp(sql`update council_vote_counts set count = count + 1`)).rejects.toThrow(/minutes of the meeting are approved/);
    await expect(asApp(sql`delete from council_proposals`)).rejects.toThrow(/minutes of the meeting are approved/);
    await expect(asApp(sql`insert into council_reservations (id, tenant_id, agenda_item_id, party_id, created_at) values (gen_random_uuid(), ${tenant.id}, ${item}, ${m.parties[0]!.id}, now())`)).rejects.toThrow(/approved/);
    await expect(asApp(sql`update council_attendance set status = 'absent' where meeting_id = ${m.meeting.id}`)).rejects.toThrow(/approved/);
    await expect(asApp(sql`delete from council_agenda_items where id = ${m.items[1]!.id}`)).rejects.toThrow(/approved/);
    expect(await snapshot()).toEqual(before);

    // The recording comes afterwards: its offset may still be set.
    const video = await call('PUT', `/agenda-items/${item}/video`, { offsetSeconds: 754 });
    expect(video.statusCode).toBe(200);
    expect(video.json()).toMatchObject({ offsetSeconds: 754 });
    await asApp(sql`update council_agenda_items set video_offset_seconds = 800 where id = ${item}`);
  });
});
