// SPDX-License-Identifier: EUPL-1.2
// What the archive holds for the public journal, through the real API and the database itself:
// screening changed after archiving (change log, public title, projection; nothing else may change,
// also as radhus_app directly), a screening lifted by its `until` job, parties screened on their own,
// documents published in full, accessibleAfter, the publication policy (delay in working days,
// excluded classes, units and types), and history imported by a system user.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { multipartBody } from '../test-support/multipart.ts';
import { newId } from '../platform/ids.ts';
import { syntheticNorwegianNumber } from '../common/idnumbers.ts';
import type { Tenant } from '../tenants/tenant.ts';

let t: TestRadhus;
let tenant: Tenant;
let archivist: string;
let admin: string;
let system: string;
const legalBasis = 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1';
const api = (path: string) => `/api/v1/${tenant.slug}${path}`;

async function call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, payload?: object, bearer = archivist) {
  return t.app.inject({ method, url: api(path), headers: { authorization: `Bearer ${bearer}` }, ...(payload ? { payload } : {}) });
}
async function ok(method: 'POST' | 'PUT' | 'PATCH', path: string, payload: object, bearer = archivist) {
  const res = await call(method, path, payload, bearer);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}
const entry = (type: string, title: string, extra: object = {}) => ({ type, title, correspondents: [{ name: 'Nordbygg AS', kind: 'organisation', role: type === 'incoming' ? 'sender' : 'recipient' }], ...extra });
async function publicEntry(id: string) {
  const res = await t.app.inject({ method: 'GET', url: api(`/public-journal/${id}`) });
  return res.statusCode === 200 ? res.json() : null;
}
async function found(q: string): Promise<number> {
  return (await t.app.inject({ method: 'GET', url: api(`/public-journal?q=${encodeURIComponent(q)}`) })).json().total;
}
function asApp(statement: ReturnType<typeof sql>): Promise<string | undefined> {
  return withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'attacker', name: 'attacker' } }, (tx) => statement.execute(tx)).then(
    () => undefined,
    (error: Error) => error.message,
  );
}

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ name: 'Publiseringsvik kommune' });
  archivist = await t.token(tenant, 'archivist');
  admin = await t.token(tenant, 'tenant-admin');
  system = await t.token(tenant, 'system');
}, 120_000);
afterAll(() => t?.close());

describe(`publication in the archive (${testEngine()})`, () => {
  it('screens an archived entry afterwards: change log, public title, projection; nothing else may change', async () => {
    const kase = await ok('POST', '/case-files', { title: 'Tilsyn med Solbakken barnehage' });
    const letter = await ok('POST', `/case-files/${kase.id}/registry-entries`, entry('outgoing', 'Tilsynsrapport om Mona Mørk ved Solbakken'));
    await ok('POST', `/case-files/${kase.id}/close`, {});
    await t.settle();
    expect(await found('Mørk')).toBe(1);

    const set = await ok('PUT', `/registry-entries/${letter.id}/screening`, { screening: { legalBasis, titleWords: ['Mona Mørk'], until: '2026-06-01' } });
    expect(set.publicTitle).toBe('Tilsynsrapport om ***** ved Solbakken');
    await t.settle();
    expect((await publicEntry(letter.id)).title).toBe('Tilsynsrapport om ***** ved Solbakken');
    expect(await found('Mørk')).toBe(0);
    expect(await found('Tilsynsrapport')).toBe(1);
    const log = await sql<{ field: string; actor: string }>`select field, actor from change_log where entity_id = ${letter.id} and operation = 'update' and field in ('screening', 'public_title') order by id`.execute(t.ctx.db.kysely);
    expect(log.rows.map((r) => r.field).sort()).toEqual(['public_title', 'screening']);

    // Everything else about the archived entry stays as it was: the API says 409, the database says no.
    expect((await call('PATCH', `/registry-entries/${letter.id}`, { title: 'Endret' })).statusCode).toBe(409);
    for (const change of [sql`update registry_entries set title = 'Endret' where id = ${letter.id}`, sql`update registry_entries set screening = null, title = 'Endret' where id = ${letter.id}`, sql`update registry_entries set accessible_after = now() where id = ${letter.id}`, sql`update case_files set title = 'Endret' where id = ${kase.id}`])
      expect(await asApp(change)).toMatch(/archived|closed/);
    expect(await asApp(sql`update registry_entries set screening = null, public_title = title where id = ${letter.id}`)).toBeUndefined();
    // A party's and a document's screening may change too, their other columns not.
    expect(await asApp(sql`update correspondents set name = 'Endret' where registry_entry_id = ${letter.id}`)).toMatch(/archived|closed/);
    expect(await asApp(sql`update correspondents set screening = '{"legalBasis":"x","accessCode":"U","until":null}'::jsonb where registry_entry_id = ${letter.id}`)).toBeUndefined();
    expect(await asApp(sql`update correspondents set screening = null where registry_entry_id = ${letter.id}`)).toBeUndefined();
    await ok('PUT', `/registry-entries/${letter.id}/screening`, { screening: { legalBasis, titleWords: ['Mona Mørk'], until: '2026-06-01' } });

    // The screening ends on its until day: the job lifts it, logs it, and the journal shows the name.
    t.clock.set('2026-06-01T00:00:01Z');
    await t.settle();
    expect((await publicEntry(letter.id)).title).toBe('Tilsynsrapport om Mona Mørk ved Solbakken');
    const lifted = await sql<{ actor: string }>`select actor from change_log where entity_id = ${letter.id} and field = 'screening' order by id desc limit 1`.execute(t.ctx.db.kysely);
    expect(lifted.rows[0]!.actor).toMatch(/^system:screening-expiry/);
    t.clock.set('2026-03-02T09:00:00Z');
  });

  it('screens a case file after it is closed: its entries follow', async () => {
    const kase = await ok('POST', '/case-files', { title: 'Klage fra Åse Ærlig' });
    const letter = await ok('POST', `/case-files/${kase.id}/registry-entries`, entry('outgoing', 'Svar på klage'));
    await ok('POST', `/case-files/${kase.id}/close`, {});
    await ok('PUT', `/case-files/${kase.id}/screening`, { screening: { legalBasis, titleWords: ['Åse Ærlig'] } });
    await t.settle();
    expect((await publicEntry(letter.id)).caseTitle).toBe('Klage fra *****');
    expect(await found('Ærlig')).toBe(0);
    // Lifted again.
    await ok('PUT', `/case-files/${kase.id}/screening`, { screening: null });
    await t.settle();
    expect((await publicEntry(letter.id)).caseTitle).toBe('Klage fra Åse Ærlig');
    // A screening that names words not in the title is refused, naming the field; nothing changes.
    const bad = await call('PUT', `/case-files/${kase.id}/screening`, { screening: { legalBasis: ' ', titleWords: ['Ingen'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['screening.legalBasis', 'screening.titleWords.0']);
  });

  it('screens a party on its own (at registration and later), and publishes a document in full only when told', async () => {
    const kase = await ok('POST', '/case-files', { title: 'Naboklage' });
    const letter = await ok('POST', `/case-files/${kase.id}/registry-entries`, {
      type: 'incoming',
      title: 'Klage på hagearbeid',
      correspondents: [
        { name: 'Sverre Skjult', kind: 'person', role: 'sender', screening: { legalBasis, accessCode: 'P' } },
        { name: 'Kari Synlig', kind: 'person', role: 'copy' },
      ],
    });
    const form = multipartBody({ file: { name: 'klage.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.7\n%%EOF\n') }, title: 'Klagen' });
    const doc = (await t.app.inject({ method: 'POST', url: api(`/registry-entries/${letter.id}/documents`), headers: { authorization: `Bearer ${archivist}`, ...form.headers }, payload: form.body })).json();
    await t.settle();
    let shown = await publicEntry(letter.id);
    expect(shown.correspondents).toEqual([{ name: '*****', role: 'sender' }, { name: 'Kari Synlig', role: 'copy' }]);
    // Not published in full: not listed at all.
    expect(shown.documents).toEqual([]);
    expect(await found('Skjult')).toBe(0);

    const kari = (await sql<{ id: string }>`select id from correspondents where name = 'Kari Synlig'`.execute(t.ctx.db.kysely)).rows[0]!.id;
    await ok('PUT', `/correspondents/${kari}/screening`, { screening: { legalBasis } });
    await ok('PUT', `/documents/${doc.id}/publication`, { publishedInFull: true });
    await t.settle();
    shown = await publicEntry(letter.id);
    expect(shown.correspondents).toEqual([{ name: '*****', role: 'sender' }, { name: '*****', role: 'copy' }]);
    expect(shown.documents).toEqual([expect.objectContaining({ title: 'Klagen', publishedInFull: true, fileName: 'klage.pdf', mimeType: 'application/pdf' })]);
    expect(await found('Synlig')).toBe(0);
    // The entry's screening reaches its document (inherited): no longer in full.
    await ok('PUT', `/registry-entries/${letter.id}/screening`, { screening: { legalBasis, titleWords: ['hagearbeid'] } });
    await t.settle();
    expect((await publicEntry(letter.id)).documents).toEqual([]);
    expect(JSON.stringify(await publicEntry(letter.id))).not.toMatch(/Skjult|Synlig|hagearbeid/);
  });

  it('keeps an entry out until its accessibleAfter, then the job publishes it', async () => {
    const kase = await ok('POST', '/case-files', { title: 'Anbud på brøyting' });
    const letter = await ok('POST', `/case-files/${kase.id}/registry-entries`, entry('incoming', 'Anbud fra Brøytelaget', { accessibleAfter: '2026-03-10T12:00:00Z', assessedAt: '2026-03-02T09:00:00Z' }));
    await t.settle();
    expect(await publicEntry(letter.id)).toBeNull();
    expect(await found('Brøytelaget')).toBe(0);
    const rows = await sql<{ n: number }>`select count(*)::int as n from public_registry_entries where id = ${letter.id}`.execute(t.ctx.db.kysely);
    expect(rows.rows[0]!.n).toBe(0);
    t.clock.set('2026-03-10T12:00:01Z');
    await t.settle();
    expect((await publicEntry(letter.id)).title).toBe('Anbud fra Brøytelaget');
    t.clock.set('2026-03-02T09:00:00Z');
  });

  it('applies the publication policy: a delay in working days, and classes, units and types never listed', async () => {
    expect((await call('GET', '/publication-policy', undefined, admin)).json()).toMatchObject({ delayWorkingDays: 0, excludedEntryTypes: [] });
    const unit = await ok('POST', '/units', { code: 'BV', name: 'Barnevernet' }, admin);
    const kase = await ok('POST', '/case-files', { title: 'Diverse' });
    const memo = await ok('POST', `/case-files/${kase.id}/registry-entries`, { type: 'case-memo', title: 'Saksframlegg om budsjett' });
    const child = await ok('POST', `/case-files/${kase.id}/registry-entries`, entry('incoming', 'Melding til barnevernet', { responsibleUnitId: unit.id }));
    await t.settle();
    expect(await publicEntry(memo.id)).not.toBeNull();

    for (const [body, fields] of [
      [{ delayWorkingDays: 61, excludedClassCodes: [], excludedUnitIds: [], excludedEntryTypes: ['secret'] }, ['delayWorkingDays', 'excludedEntryTypes.0']],
      [{ delayWorkingDays: 1, excludedClassCodes: [' '], excludedUnitIds: ['00000000-0000-7000-8000-000000000000'], excludedEntryTypes: [] }, ['excludedClassCodes.0', 'excludedUnitIds.0']],
    ] as const) {
      const bad = await call('PUT', '/publication-policy', body, admin);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(fields);
    }
    expect((await call('GET', '/publication-policy', undefined, admin)).json().updatedAt).toBeNull();
    expect((await call('PUT', '/publication-policy', { delayWorkingDays: 1, excludedClassCodes: [], excludedUnitIds: [], excludedEntryTypes: [] }, archivist)).statusCode).toBe(200);
    expect((await call('PUT', '/publication-policy', { delayWorkingDays: 1, excludedClassCodes: [], excludedUnitIds: [], excludedEntryTypes: [] }, await t.token(tenant, 'case-officer'))).statusCode).toBe(403);

    const policy = await ok('PUT', '/publication-policy', { delayWorkingDays: 2, excludedClassCodes: ['X99'], excludedUnitIds: [unit.id], excludedEntryTypes: ['case-memo'] }, admin);
    expect(policy).toMatchObject({ delayWorkingDays: 2, excludedUnitIds: [unit.id], excludedEntryTypes: ['case-memo'] });
    await t.settle();
    expect(await publicEntry(memo.id)).toBeNull();
    expect(await publicEntry(child.id)).toBeNull();

    // Registered Friday 6 March: two working days later is Tuesday 10 March (the weekend does not count).
    t.clock.set('2026-03-06T10:00:00Z');
    const delayed = await ok('POST', `/case-files/${kase.id}/registry-entries`, entry('incoming', 'Søknad om utsatt frist'));
    await t.settle();
    t.clock.set('2026-03-10T09:59:00Z');
    await t.settle();
    expect(await publicEntry(delayed.id)).toBeNull();
    t.clock.set('2026-03-10T10:00:01Z');
    await t.settle();
    expect((await publicEntry(delayed.id)).title).toBe('Søknad om utsatt frist');

    await ok('PUT', '/publication-policy', { delayWorkingDays: 0, excludedClassCodes: [], excludedUnitIds: [], excludedEntryTypes: [] }, admin);
    await t.settle();
    expect(await publicEntry(memo.id)).not.toBeNull();
    expect(await publicEntry(child.id)).not.toBeNull();
    t.clock.set('2026-03-02T09:00:00Z');
  });

  it('shows the class code, ***** where it reveals a person; an excluded class is never listed', async () => {
    const person = syntheticNorwegianNumber('1990-05-17', 4);
    const classes: Record<string, string> = {};
    await withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) => {
      const system = (await sql<{ id: string }>`select id from classification_systems limit 1`.execute(tx)).rows[0]!.id;
      for (const code of ['611', person, 'X99']) {
        classes[code] = newId();
        await sql`insert into classes (id, tenant_id, classification_system_id, class_id, title, created_at, created_by)
          values (${classes[code]}, ${tenant.id}, ${system}, ${code}, ${`Klasse ${code}`}, now(), 'test')`.execute(tx);
      }
    });
    const open = await ok('POST', '/case-files', { title: 'Skjenkebevilling', classId: classes['611'] });
    const personal = await ok('POST', '/case-files', { title: 'Personalsak', classId: classes[person] });
    const excluded = await ok('POST', '/case-files', { title: 'Særskilt sak', classId: classes['X99'] });
    const a = await ok('POST', `/case-files/${open.id}/registry-entries`, entry('outgoing', 'Bevilling'));
    const b = await ok('POST', `/case-files/${personal.id}/registry-entries`, entry('outgoing', 'Tilsetting'));
    const c = await ok('POST', `/case-files/${excluded.id}/registry-entries`, entry('outgoing', 'Særskilt brev'));
    await ok('PUT', '/publication-policy', { delayWorkingDays: 0, excludedClassCodes: ['x99'], excludedUnitIds: [], excludedEntryTypes: [] }, admin);
    await t.settle();
    expect((await publicEntry(a.id)).classCode).toBe('611');
    expect((await publicEntry(b.id)).classCode).toBe('*****');
    expect(await publicEntry(c.id)).toBeNull();
    expect(JSON.stringify(await publicEntry(b.id))).not.toContain(person);
    await ok('PUT', '/publication-policy', { delayWorkingDays: 0, excludedClassCodes: [], excludedUnitIds: [], excludedEntryTypes: [] }, admin);
    await t.settle();
  });

  it('lets a system user import history with journalDate and publishedAt, under the same rules', async () => {
    const kase = await ok('POST', '/case-files', { title: 'Eldre sak' }, system);
    const old = await ok('POST', `/case-files/${kase.id}/registry-entries`, {
      type: 'incoming',
      title: 'Gammelt brev',
      journalDate: '2024-05-02',
      publishedAt: '2024-05-03T08:00:00Z',
      correspondents: [{ name: 'Gudrun Gammel', kind: 'person', role: 'sender' }],
    }, system);
    expect((await call('POST', `/case-files/${kase.id}/registry-entries`, { ...entry('incoming', 'Forsøk'), publishedAt: '2024-05-03T08:00:00Z' })).statusCode).toBe(403);
    await t.settle();
    const shown = await publicEntry(old.id);
    expect(shown).toMatchObject({ journalDate: '2024-05-02', publishedAt: '2024-05-03T08:00:00.000Z', correspondents: [{ name: 'Gudrun Gammel', role: 'sender' }] });
    // Published more than 12 months ago: listed, but not found by the person's name.
    expect(await found('Gammel')).toBe(0);
    expect(await found('Gammelt brev')).toBe(1);
  });
});
