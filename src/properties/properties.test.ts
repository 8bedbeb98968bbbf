// SPDX-License-Identifier: EUPL-1.2
// The property register: `radhus import properties` takes CSV or JSON all or nothing (every bad line
// reported by line and field, nothing written), and My page shows a person the properties they own,
// with services, next pick-ups, fees and the building cases naming the property; another person's
// property is a 404.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { captureOutput } from '../cli/io.ts';
import { importPropertiesCommand } from '../cli/commands/import-properties.ts';
import { installationSnapshot } from '../conformance/fixtures.ts';
import { loggedInPerson, type TestPerson } from '../test-support/person.ts';

type Json = Record<string, any>;
let t: TestRadhus;
let a: Tenant;
let b: Tenant;
let kari: TestPerson;
let ola: TestPerson;
let dir: string;

async function runImport(tenant: Tenant, name: string, content: string) {
  const file = join(dir, name);
  await writeFile(file, content);
  const io = captureOutput();
  const code = await importPropertiesCommand.run({ ctx: t.ctx, values: { tenant: tenant.slug, file }, io, operator: 'test', migrated: [] });
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}
const get = (person: TestPerson, tenant: Tenant, path: string) => t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/my${path}`, headers: { cookie: person.headers.cookie } });

beforeAll(async () => {
  t = await createTestRadhus();
  a = await t.tenant();
  b = await t.tenant();
  kari = await loggedInPerson(t, [a.id, b.id], { name: 'Kari Nordmann' });
  ola = await loggedInPerson(t, [a.id], { name: 'Ola Nordmann' });
  dir = await mkdtemp(join(tmpdir(), 'radhus-properties-'));
}, 60_000);
afterAll(() => t?.close());

describe('import properties', () => {
  it('refuses a file with bad lines whole, naming each line and field, and writes nothing', async () => {
    const before = await installationSnapshot(t);
    const n = a.officialNumber;
    const csv = [
      'matrikkel;type;address;identity_number;name;service;next_pickups;description;amount;due_date;invoice_number;status',
      `${n}-12/34;property;Storgata 1;;;;;;;;;`,
      `${n}-12/34;owner;;${kari.identityNumber};Kari Nordmann;;;;;;;`,
      `${n}-12/34;owner;;01010112345;Feil Nummer;;;;;;;`,
      `9999-1/1;property;Feil kommune;;;;;;;;;`,
      `${n}-12/34;service;;;;fjernvarme;;;;;;`,
      `${n}-12/34;service;;;;waste;2026-02-30;Restavfall;;;;`,
      `${n}-12/34;invoice;;;;;;Kommunale avgifter;12,5x;2026-03-20;;`,
    ].join('\n');
    const res = await runImport(a, 'eiendommer.csv', csv);
    expect(res.code).toBe(1);
    expect(res.err).toContain('nothing was imported');
    for (const line of ['line 4, identity_number', 'line 5, matrikkel', 'line 6, service', 'line 7, next_pickups', 'line 8, amount', 'line 8, invoice_number']) expect(res.err).toContain(line);
    const after = await installationSnapshot(t);
    expect(after.counts).toEqual(before.counts);

    const json = await runImport(a, 'eiendommer.json', JSON.stringify({ properties: [{ matrikkel: `${n}-1/2`, owners: [{ identityNumber: 'x', name: '' }] }] }, null, 2));
    expect(json.code).toBe(1);
    expect(json.err).toMatch(/line 3, properties\[0\]\.owners\[0\]\.identityNumber/);
    expect(json.err).toMatch(/properties\[0\]\.owners\[0\]\.name/);
    expect((await installationSnapshot(t)).counts).toEqual(before.counts);
  });

  it('imports CSV and JSON; the owner sees services, upcoming pick-ups, fees and the building cases; others get 404', async () => {
    const n = a.officialNumber;
    const csv = [
      'matrikkel,type,address,identity_number,name,service,next_pickups,description,amount,due_date,invoice_number,status',
      `${n}-12/34/0/0,property,"Storgata 1, 9050 Storsteinnes",,,,,,,,,`,
      `${n}-12/34,owner,,${kari.identityNumber},Kari Nordmann,,,,,,,`,
      `${n}-12/34,owner,,${ola.identityNumber},Ola Nordmann,,,,,,,`,
      `${n}-12/34,service,,,,water,,Kommunalt vann,,,,`,
      `${n}-12/34,service,,,,waste,2026-02-20 2026-03-06 2026-03-20,Restavfall,,,,`,
      `${n}-12/34,fee,,,,,,Vannavgift 2026,4321.50,,,`,
      `${n}-12/34,invoice,,,,,,Kommunale avgifter 1. termin,2160.75,2026-03-20,2026-1001,open`,
    ].join('\r\n');
    const res = await runImport(a, 'eiendommer.csv', csv);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toContain('Imported 1 property');
    const json = await runImport(a, 'hytte.json', JSON.stringify({ properties: [{ matrikkel: `${n}-7/8/1`, address: 'Fjellveien 3', owners: [{ identityNumber: ola.identityNumber, name: 'Ola Nordmann' }], services: [{ service: 'sewage' }], fees: [] }] }));
    expect(json.code).toBe(0);

    const token = await t.token(a, 'case-officer');
    const staff = (path: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/${a.slug}${path}`, headers: { authorization: `Bearer ${token}` }, payload });
    const building = (await staff('/case-files', { title: 'Byggesak gnr. 12 bnr. 34 – garasje' })).json();
    const slash = (await staff('/case-files', { title: 'Dispensasjon 12/34 Storgata 1' })).json();
    await staff('/case-files', { title: 'Byggesak 112/34 og 12/345' });

    const mine = (await get(kari, a, '/properties')).json().items;
    expect(mine.map((p: Json) => p.matrikkel)).toEqual([`${n}-12/34/0/0`]);
    t.clock.set('2026-03-02T09:00:00Z');
    const property = (await get(kari, a, `/properties/${mine[0].id}`)).json();
    expect(property).toMatchObject({
      address: 'Storgata 1, 9050 Storsteinnes',
      owners: expect.arrayContaining([{ name: 'Kari Nordmann', you: true }, { name: 'Ola Nordmann', you: false }]),
      services: [{ service: 'water', description: 'Kommunalt vann', nextPickups: [] }, { service: 'waste', description: 'Restavfall', nextPickups: ['2026-03-06', '2026-03-20'] }],
      fees: [{ kind: 'invoice', amount: 2160.75, currency: 'NOK', dueDate: '2026-03-20', invoiceNumber: '2026-1001', status: 'open' }, { kind: 'fee', amount: 4321.5, dueDate: null }],
    });
    expect(property.buildingCases.map((c: Json) => c.id).sort()).toEqual([building.id, slash.id].sort());
    expect(JSON.stringify(property)).not.toContain(ola.identityNumber);

    const olas = (await get(ola, a, '/properties')).json().items;
    expect(olas).toHaveLength(2);
    const cabin = olas.find((p: Json) => p.matrikkel === `${n}-7/8/1/0`);
    expect((await get(kari, a, `/properties/${cabin.id}`)).statusCode).toBe(404);
    expect((await get(kari, b, `/properties/${mine[0].id}`)).statusCode).toBe(404);
    expect((await get(kari, b, '/properties')).json().items).toEqual([]);

    // Importing again replaces the owners: Ola sold his share.
    await runImport(a, 'eiendommer.csv', csv.split('\r\n').filter((l) => !l.includes('Ola')).join('\n'));
    expect((await get(ola, a, `/properties/${mine[0].id}`)).statusCode).toBe(404);
    const owners = await sql<{ n: string }>`select count(*)::text as n from property_owners where property_id = ${mine[0].id}`.execute(t.ctx.db.kysely);
    expect(owners.rows[0]!.n).toBe('1');
  });
});
