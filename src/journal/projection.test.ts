// SPDX-License-Identifier: EUPL-1.2
// The public projection through the real API: what reaches public_case_files and
// public_registry_entries is what the public may see, and nothing screened ever does.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import { syntheticNorwegianNumber } from '../common/idnumbers.ts';
import type { Tenant } from '../tenants/tenant.ts';

let t: TestRadhus;
let tenant: Tenant;
let auth: { authorization: string };
const api = (path: string) => `/api/v1/${tenant.slug}${path}`;
const secretNumber = syntheticNorwegianNumber('1987-05-17', 3);
const legalBasis = 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1';

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ name: 'Skjermvik kommune' });
  auth = { authorization: `Bearer ${await t.token(tenant, 'archivist')}` };
  await withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) => {
    for (const [code, name, hidden] of [['BV', 'Barnevernstjenesten Skjermvik', true], ['PLAN', 'Plan og bygg', false]] as const)
      await sql`insert into administrative_units (id, tenant_id, code, name, hidden_from_public, created_at, created_by)
        values (${newId()}, ${tenant.id}, ${code}, ${name}, ${hidden}, now(), 'test')`.execute(tx);
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

async function post(path: string, payload: object) {
  const res = await t.app.inject({ method: 'POST', url: api(path), headers: auth, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function patch(path: string, payload: object) {
  const res = await t.app.inject({ method: 'PATCH', url: api(path), headers: auth, payload });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function publicRows() {
  const cases = await sql<Record<string, unknown>>`select * from public_case_files order by case_year, case_sequence`.execute(t.ctx.db.kysely);
  const entries = await sql<Record<string, unknown>>`select * from public_registry_entries order by entry_year, entry_sequence`.execute(t.ctx.db.kysely);
  return { cases: cases.rows, entries: entries.rows };
}

describe(`the public journal projection (${testEngine()})`, () => {
  it('holds public titles, numbers, dates, units and parties — and never a screened word, name or identity number', async () => {
    const open = await post('/case-files', { title: 'Byggesak for gnr. 12 bnr. 3', responsibleUnit: 'Plan og bygg' });
    const letter = await post(`/case-files/${open.id}/registry-entries`, {
      type: 'incoming',
      title: 'Søknad om rammetillatelse',
      documentDate: '2026-02-27',
      correspondents: [{ name: 'Per Åpen', kind: 'person', role: 'sender' }],
    });
    const child = await post('/case-files', {
      title: 'Barnevernssak for Ola Nordmann',
      responsibleUnit: 'Barnevernstjenesten Skjermvik',
      screening: { legalBasis, titleWords: ['Ola Nordmann'] },
    });
    const worry = await post(`/case-files/${child.id}/registry-entries`, {
      type: 'incoming',
      title: 'Bekymringsmelding om Ola Nordmann',
      correspondents: [
        { name: 'Kari Hemmelig', kind: 'person', role: 'sender', identityNumber: secretNumber },
        { name: 'Helsestasjonen', kind: 'organisation', role: 'copy' },
      ],
      screening: { legalBasis, titleWords: ['Ola Nordmann'], fields: ['correspondents'] },
    });
    // Not screened itself, but it names the child and copies him: the case's words still apply.
    const copy = await post(`/case-files/${child.id}/registry-entries`, {
      type: 'outgoing',
      title: 'Kopi til Ola Nordmann',
      correspondents: [{ name: 'Ola Nordmann', kind: 'person', role: 'recipient' }],
    });
    const hidden = await post(`/case-files/${child.id}/registry-entries`, {
      type: 'internal-without-followup',
      title: 'Hemmelig notat om familien Sørensen',
      screening: { legalBasis, fields: ['title', 'description', 'correspondents', 'documents'] },
    });
    const voided = await post(`/case-files/${open.id}/registry-entries`, { type: 'case-memo', title: 'Feilført notat om Viggo Vekk' });
    await t.settle();
    expect((await publicRows()).entries.map((e) => e.id)).toContain(voided.id);
    await patch(`/registry-entries/${voided.id}`, { status: 'void' });
    await t.settle();

    const { cases, entries } = await publicRows();
    const year = open.caseNumber.split('/')[0];
    expect(cases).toEqual([
      expect.objectContaining({ id: open.id, tenant_id: tenant.id, case_number: open.caseNumber, public_title: 'Byggesak for gnr. 12 bnr. 3', status: 'in-progress', responsible_unit: 'Plan og bygg' }),
      expect.objectContaining({ id: child.id, case_number: child.caseNumber, public_title: 'Barnevernssak for *****', responsible_unit: null }),
    ]);
    expect(entries.map((e) => e.id)).toEqual([letter.id, worry.id, copy.id]);
    expect(entries[0]).toMatchObject({
      registry_number: letter.registryNumber,
      entry_year: Number(year),
      document_number: `${open.caseNumber}-1`,
      entry_type: 'incoming',
      case_number: open.caseNumber,
      case_public_title: 'Byggesak for gnr. 12 bnr. 3',
      public_title: 'Søknad om rammetillatelse',
      document_date: '2026-02-27',
      journal_date: '2026-03-02',
      responsible_unit: 'Plan og bygg',
      correspondents: [{ name: 'Per Åpen', role: 'sender' }],
    });
    expect(entries[1]).toMatchObject({
      public_title: 'Bekymringsmelding om *****',
      case_public_title: 'Barnevernssak for *****',
      responsible_unit: null,
      correspondents: [
        { name: '*****', role: 'sender' },
        { name: '*****', role: 'copy' },
      ],
    });
    expect(entries[2]).toMatchObject({ public_title: 'Kopi til *****', correspondents: [{ name: '*****', role: 'recipient' }] });

    const everything = JSON.stringify({ cases, entries }).toLocaleLowerCase();
    for (const secret of ['Ola Nordmann', 'Kari Hemmelig', secretNumber, 'Sørensen', 'Hemmelig notat', 'Viggo Vekk', 'Barnevernstjenesten', 'Helsestasjonen'])
      expect(everything, secret).not.toContain(secret.toLocaleLowerCase());
    // Correspondent objects hold a name and a role, nothing else.
    for (const e of entries) for (const p of e.correspondents as object[]) expect(Object.keys(p).sort()).toEqual(['name', 'role']);
    expect(hidden.id).toBeDefined();
  });

  it('follows changes: a screened case title reaches its entries, a later screening removes the words again', async () => {
    const kase = await post('/case-files', { title: 'Klage fra Nina Nabo på støy' });
    const entry = await post(`/case-files/${kase.id}/registry-entries`, { type: 'incoming', title: 'Klage på støy', correspondents: [{ name: 'Nina Nabo', kind: 'person', role: 'sender' }] });
    await t.settle();
    let row = (await publicRows()).entries.find((e) => e.id === entry.id)!;
    expect(row).toMatchObject({ case_public_title: 'Klage fra Nina Nabo på støy', correspondents: [{ name: 'Nina Nabo', role: 'sender' }] });

    await patch(`/case-files/${kase.id}`, { screening: { legalBasis, titleWords: ['Nina Nabo'] } });
    await t.settle();
    row = (await publicRows()).entries.find((e) => e.id === entry.id)!;
    expect(row).toMatchObject({ case_public_title: 'Klage fra ***** på støy', correspondents: [{ name: '*****', role: 'sender' }] });
    expect((await publicRows()).cases.find((c) => c.id === kase.id)).toMatchObject({ public_title: 'Klage fra ***** på støy' });
    expect(JSON.stringify(await publicRows())).not.toContain('Nina Nabo');

    // Handling the same events again changes nothing (idempotent upserts).
    const before = await publicRows();
    await sql`update event_consumers set position_tx = '0', position_id = 0 where name = 'journal-projection'`.execute(t.ctx.db.kysely);
    await t.settle();
    expect(await publicRows()).toEqual(before);
  });

  it('is readable by the public role, which cannot read the archive', async () => {
    const { withPublic } = await import('../platform/db/transaction.ts');
    const count = await withPublic(t.ctx.db, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from public_registry_entries`.execute(tx)).rows[0]!.n);
    expect(count).toBeGreaterThan(0);
    await expect(withPublic(t.ctx.db, (tx) => sql`select title from registry_entries`.execute(tx))).rejects.toThrow(/permission denied/);
  });
});
