// SPDX-License-Identifier: EUPL-1.2
// Citizen proposals over the real API and database (issue 11 §1): the settings and the threshold
// rule, writing, signing with e-ID until the threshold, the case it becomes in the archive (in the
// signing transaction, with the count and never the signers), the public projection, the council's
// agenda and decision reaching the proposal with one mail per step, paper lists, and lapsing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { syntheticNorwegianNumber } from '../common/idnumbers.ts';
import { createAgendaItem, secretariatHeaders, smallCouncil, type SmallCouncil } from '../council/test-support.ts';
import { citizenSession, headersOf, proposalMails, type Headers, type Json } from './test-support.ts';

let t: TestRadhus;
let tenant: Tenant;
let council: SmallCouncil;
let staff: Headers;
const nr = (birth: string, seq = 0) => syntheticNorwegianNumber(birth, seq);

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ country: 'NO' });
  council = await smallCouncil(t, tenant);
  staff = await secretariatHeaders(t, tenant);
});
afterAll(() => t?.close());

const api = (path: string) => `/api/v1/${tenant.slug}${path}`;
const send = (method: 'GET' | 'POST' | 'PUT', path: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url: api(path), headers: headersOf(headers), ...(payload ? { payload } : {}) });

describe('settings', () => {
  it('without settings no proposal can be written; the secretariat sets the rule (2 %, at most 300) or its own number', async () => {
    expect((await send('GET', '/participation/settings', staff)).json()).toMatchObject({ threshold: null, rule: 'missing', proposalBodyId: null });
    const kari = await citizenSession(t, tenant, { identityNumber: nr('1980-01-02') });
    const refused = await send('POST', '/proposals', kari, { title: 'Et forslag', body: 'Et forslag med nok tekst.' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'settings', code: 'notConfigured' })]);
    expect((await t.ctx.db.kysely.selectFrom('citizen_proposals' as never).selectAll().execute()).length).toBe(0);

    const set = await send('PUT', '/participation/settings', staff, { inhabitants: 5600, proposalBodyId: council.body.id });
    expect(set.json()).toMatchObject({ inhabitants: 5600, threshold: 112, rule: 'two-percent' });
    expect((await send('PUT', '/participation/settings', staff, { inhabitants: 40000 })).json()).toMatchObject({ threshold: 300 });
    const unknownBody = await send('PUT', '/participation/settings', staff, { proposalBodyId: '01900000-0000-7000-8000-000000000000' });
    expect(unknownBody.statusCode).toBe(400);
    expect(unknownBody.json().errors).toEqual([expect.objectContaining({ field: 'proposalBodyId', code: 'notFound' })]);
    expect((await send('PUT', '/participation/settings', staff, { proposalThreshold: 3 })).json()).toMatchObject({ threshold: 3, rule: 'override', proposalBodyId: council.body.id });
    // A citizen may not change them.
    expect((await send('PUT', '/participation/settings', kari, { proposalThreshold: 1 })).statusCode).toBe(403);
  });
});

describe('a proposal from writing to decision', () => {
  let id: string;
  let caseFileId: string;

  it('is written with the author’s signature as the first, and shown publicly without any identity number', async () => {
    const author = await citizenSession(t, tenant, { name: 'Kari Nordmann', identityNumber: nr('1975-03-04') });
    const created = await send('POST', '/proposals', author, { title: 'Lys i lysløypa', body: 'Vi foreslår lys i lysløypa hele vinteren.', notifyEmail: 'kari@example.no' });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json() as Json;
    expect(body).toMatchObject({ title: 'Lys i lysløypa', authorName: 'Kari Nordmann', status: 'open', threshold: 3, signatureCount: 1, progressPercent: 33, mine: true, caseFileId: null });
    id = body.id;
    expect((await send('GET', `/proposals/${id}/my-signature`, author)).json()).toMatchObject({ signed: true, source: 'eid', mine: true });
    await t.settle();
    const shown = await send('GET', `/proposals/${id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ id, signatureCount: 1, status: 'open', progressPercent: 33 });
    expect(shown.body).not.toContain(nr('1975-03-04'));
    expect(shown.body).not.toContain('kari@example.no');
    const list = (await send('GET', '/proposals?status=open')).json() as Json;
    expect(list.items.map((p: Json) => p.id)).toContain(id);
    expect((await send('GET', '/proposals?q=lysløypa')).json().items.map((p: Json) => p.id)).toEqual([id]);
    expect((await send('GET', '/proposals?q=svømmehall')).json().items).toEqual([]);
  });

  it('reaches its threshold with the third signature and becomes a case in the archive in the same transaction', async () => {
    const ola = await citizenSession(t, tenant, { name: 'Ola Signer', identityNumber: nr('1960-05-06'), level: 'substantial' });
    const signed = await send('POST', `/proposals/${id}/signatures`, ola, { notifyEmail: 'ola@example.no' });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json()).toMatchObject({ signatureCount: 2, status: 'open' });
    expect((await send('GET', `/proposals/${id}/my-signature`, ola)).json()).toMatchObject({ signed: true, mine: false });

    const siri = await citizenSession(t, tenant, { name: 'Siri Signer', identityNumber: nr('1990-07-08') });
    const reached = await send('POST', `/proposals/${id}/signatures`, siri, { identityNumber: nr('1990-07-08') });
    expect(reached.statusCode, reached.body).toBe(201);
    const p = reached.json() as Json;
    expect(p).toMatchObject({ signatureCount: 3, status: 'reached', bodyId: council.body.id, caseNumber: expect.stringMatching(/^\d{4}\/\d+$/) });
    caseFileId = p.caseFileId;
    // Six months from the day it was reached (Norway).
    const today = new Date(t.clock.now()).toISOString().slice(0, 10);
    expect(p.decisionDueOn > today).toBe(true);

    const kase = await sql<Json>`select title, responsible_unit_id from case_files where id = ${caseFileId}`.execute(t.ctx.db.kysely);
    expect(kase.rows[0]!.title).toBe('Innbyggerforslag: Lys i lysløypa');
    const entry = await sql<Json>`select e.type, c.name, c.identity_number from registry_entries e join correspondents c on c.registry_entry_id = e.id where e.id = ${p.registryEntryId}`.execute(t.ctx.db.kysely);
    expect(entry.rows).toEqual([{ type: 'incoming', name: 'Kari Nordmann', identity_number: nr('1975-03-04') }]);
    const docs = await sql<{ checksum: string }>`select o.checksum from document_objects o join documents d on d.id = o.document_id where d.registry_entry_id = ${p.registryEntryId}`.execute(t.ctx.db.kysely);
    expect(docs.rows).toHaveLength(1);
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const sum = docs.rows[0]!.checksum;
    const text = await readFile(join(t.config.dataDir, 'files', sum.slice(0, 2), sum.slice(2, 4), sum), 'utf8');
    expect(text).toContain('Vi foreslår lys i lysløypa');
    expect(text).toContain('Antall underskrifter: 3');
    // The signers are counted, never named in the case.
    for (const n of [nr('1960-05-06'), nr('1990-07-08'), nr('1975-03-04'), 'Ola Signer', 'Siri Signer']) expect(text).not.toContain(n);

    // The author and Ola asked to be told; Siri did not.
    expect((await proposalMails(t)).map((m) => m.to).sort()).toEqual(['kari@example.no', 'ola@example.no']);
    await t.settle();
    expect((await send('GET', `/proposals/${id}`)).json()).toMatchObject({ status: 'reached', caseNumber: p.caseNumber, caseUrl: `/${tenant.slug}/postliste/sak/${p.caseNumber.replace('/', '-')}` });
    const staffList = (await send('GET', '/proposals/staff?status=reached', staff)).json() as Json;
    expect(staffList.items).toEqual([expect.objectContaining({ id, caseNumber: p.caseNumber, status: 'reached' })]);
  });

  it('is on the agenda once the meeting’s agenda is public, then decided; each step mailed once', async () => {
    const item = await createAgendaItem(t, tenant, council.meeting.id, { caseFileId });
    await t.settle();
    // Not public yet (no summons): nothing moves.
    expect((await send('GET', `/proposals/${id}`)).json().status).toBe('reached');
    const summons = await t.app.inject({ method: 'POST', url: api(`/council/meetings/${council.meeting.id}/summons`), headers: staff, payload: {} });
    expect(summons.statusCode, summons.body).toBe(200);
    await t.settle();
    // Summoned on time: the agenda is public a week before the meeting (the body's rule), not yet.
    expect((await send('GET', `/proposals/${id}`)).json().status).toBe('reached');
    t.clock.advance(24 * 86_400_000);
    await t.settle();
    expect((await send('GET', `/proposals/${id}`)).json()).toMatchObject({ status: 'on-agenda', meetingId: council.meeting.id, agendaItemId: item.id });
    expect((await proposalMails(t)).filter((m) => /sakskartet/.test(m.subject)).map((m) => m.to).sort()).toEqual(['kari@example.no', 'ola@example.no']);

    // Another change to the meeting sends nothing again.
    await t.app.inject({ method: 'PATCH', url: api(`/council/meetings/${council.meeting.id}`), headers: staff, payload: { location: 'Rådhuset' } });
    await t.settle();
    expect((await proposalMails(t)).filter((m) => /sakskartet/.test(m.subject))).toHaveLength(2);

    const decided = await t.app.inject({ method: 'PUT', url: api(`/council/agenda-items/${item.id}/decision`), headers: staff, payload: { text: 'Kommunestyret vedtar lys i lysløypa.' } });
    expect(decided.statusCode, decided.body).toBe(200);
    await t.settle();
    expect((await send('GET', `/proposals/${id}`)).json()).toMatchObject({ status: 'decided', decisionText: 'Kommunestyret vedtar lys i lysløypa.', decidedAt: expect.any(String) });
    const decisionMails = (await proposalMails(t)).filter((m) => /Vedtak/.test(m.subject));
    expect(decisionMails.map((m) => m.to).sort()).toEqual(['kari@example.no', 'ola@example.no']);
    expect(decisionMails[0]!.text).toContain('Kommunestyret vedtar lys i lysløypa.');
  });

  it('is rebuilt the same by a replay of the projection', async () => {
    const before = await sql<Json>`select * from public_citizen_proposals order by id`.execute(t.ctx.db.kysely);
    await sql`delete from public_citizen_proposals`.execute(t.ctx.db.kysely);
    const { projectProposal } = await import('./projection.ts');
    const { withTenant } = await import('../platform/db/transaction.ts');
    await withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'system', id: 'test', name: 'test' } }, async (tx) => {
      for (const row of before.rows) await projectProposal(tx, row.id);
    });
    const after = await sql<Json>`select * from public_citizen_proposals order by id`.execute(t.ctx.db.kysely);
    expect(after.rows).toEqual(before.rows);
  });
});

describe('paper lists and lapsing', () => {
  it('takes paper lists only from a person of the secretariat', async () => {
    const author = await citizenSession(t, tenant, { identityNumber: nr('1985-09-10') });
    const p = (await send('POST', '/proposals', author, { title: 'Benker ved kaia', body: 'Vi trenger flere benker ved kaia.' })).json() as Json;
    const res = await send('POST', `/proposals/${p.id}/paper-signatures`, await citizenSession(t, tenant, { identityNumber: nr('1999-01-01') }), { signatures: [{ name: 'A', identityNumber: nr('1950-01-01') }] });
    expect(res.statusCode).toBe(403);
    // A token has no person behind it to answer for the list: only a logged-in secretariat member.
    expect((await send('POST', `/proposals/${p.id}/paper-signatures`, staff, { signatures: [{ name: 'A', identityNumber: nr('1950-01-01') }] })).statusCode).toBe(422);
  });

  it('an open proposal lapses at its closing date', async () => {
    const author = await citizenSession(t, tenant, { identityNumber: nr('1986-09-10') });
    const p = (await send('POST', '/proposals', author, { title: 'Hundepark', body: 'En inngjerdet hundepark i sentrum.', notifyEmail: 'hund@example.no' })).json() as Json;
    t.clock.advance(181 * 86_400_000);
    await t.settle();
    expect((await send('GET', `/proposals/${p.id}`)).json().status).toBe('lapsed');
    expect((await proposalMails(t)).filter((m) => m.to === 'hund@example.no')).toHaveLength(1);
    const late = await send('POST', `/proposals/${p.id}/signatures`, await citizenSession(t, tenant, { identityNumber: nr('1987-09-10') }), {});
    expect(late.statusCode).toBe(409);
  });
});
