// SPDX-License-Identifier: EUPL-1.2
// Nothing in a closed case may change: the API refuses (409), and so does the database when the
// application role writes the rows directly (the freeze triggers of migration 0010).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { multipartBody } from '../test-support/multipart.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { databaseSnapshot } from '../conformance/fixtures.ts';

let radhus: TestRadhus;
let tenant: Tenant;
let auth: { authorization: string };
const api = (path: string) => `/api/v1/${tenant.slug}${path}`;
const ids = { caseFile: '', letter: '', reply: '', voided: '', letterDoc: '', voidedDoc: '', openCase: '', openEntry: '' };

async function post(path: string, payload: object) {
  const res = await radhus.app.inject({ method: 'POST', url: api(path), headers: auth, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

async function upload(path: string, name = 'brev.txt', content = `bytes of ${name} ${Math.random()}`) {
  const form = multipartBody({ file: { name, type: 'text/plain', content: Buffer.from(content) } });
  return radhus.app.inject({ method: 'POST', url: api(path), headers: { ...auth, ...form.headers }, payload: form.body });
}

/** Runs one statement as radhus_app in the tenant, as a request would; resolves to the error, if any. */
function asApp(statement: ReturnType<typeof sql>): Promise<string | undefined> {
  return withTenant(radhus.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'attacker', name: 'attacker' } }, async (tx) => {
    await statement.execute(tx);
  }).then(
    () => undefined,
    (error: Error) => error.message,
  );
}

beforeAll(async () => {
  radhus = await createTestRadhus();
  tenant = await radhus.tenant();
  auth = { authorization: `Bearer ${await radhus.token(tenant, 'archivist')}` };
  ids.caseFile = (await post('/case-files', { title: 'Byggesak gnr. 1 bnr. 2' })).id;
  ids.letter = (await post(`/case-files/${ids.caseFile}/registry-entries`, { type: 'incoming', title: 'Søknad', correspondents: [{ name: 'Kari Nordmann', kind: 'person', role: 'sender' }] })).id;
  ids.letterDoc = (await upload(`/registry-entries/${ids.letter}/documents`, 'soknad.txt')).json().id;
  ids.voided = (await post(`/case-files/${ids.caseFile}/registry-entries`, { type: 'outgoing', title: 'Utkast som ble feil', correspondents: [{ name: 'Kari Nordmann', kind: 'person', role: 'recipient' }] })).id;
  ids.voidedDoc = (await upload(`/registry-entries/${ids.voided}/documents`, 'utkast.txt')).json().id;
  const voided = await radhus.app.inject({ method: 'PATCH', url: api(`/registry-entries/${ids.voided}`), headers: auth, payload: { status: 'void' } });
  expect(voided.statusCode).toBe(200);
  ids.reply = (await post(`/case-files/${ids.caseFile}/registry-entries`, { type: 'outgoing', title: 'Svar', correspondents: [{ name: 'Kari Nordmann', kind: 'person', role: 'recipient' }], followsUp: [ids.letter] })).id;
  // Closing sets every entry but the void one to archived: the triggers must let that through.
  await post(`/case-files/${ids.caseFile}/close`, {});
  ids.openCase = (await post('/case-files', { title: 'En annen sak' })).id;
  ids.openEntry = (await post(`/case-files/${ids.openCase}/registry-entries`, { type: 'internal-with-followup', title: 'Notat' })).id;
});
afterAll(() => radhus?.close());

describe('a closed case through the API', () => {
  it('closing archived the entries, finalised the documents, and left the void entry void', async () => {
    const caseFile = (await radhus.app.inject({ method: 'GET', url: api(`/case-files/${ids.caseFile}`), headers: auth })).json();
    expect(caseFile.status).toBe('closed');
    const statuses = Object.fromEntries(caseFile.registryEntries.map((e: { id: string; status: string }) => [e.id, e.status]));
    expect(statuses).toEqual({ [ids.letter]: 'archived', [ids.voided]: 'void', [ids.reply]: 'archived' });
  });

  it('refuses every change to an entry that was void before the case closed, and writes nothing', async () => {
    const before = await databaseSnapshot(radhus, tenant.id);
    const attempts = [
      await radhus.app.inject({ method: 'PATCH', url: api(`/registry-entries/${ids.voided}`), headers: auth, payload: { status: 'registered' } }),
      await radhus.app.inject({ method: 'PATCH', url: api(`/registry-entries/${ids.voided}`), headers: auth, payload: { title: 'Omdøpt' } }),
      await upload(`/registry-entries/${ids.voided}/documents`, 'nytt.txt'),
      await upload(`/documents/${ids.voidedDoc}/objects`, 'ny-versjon.txt'),
      await radhus.app.inject({ method: 'PATCH', url: api(`/documents/${ids.voidedDoc}`), headers: auth, payload: { title: 'Nytt navn' } }),
      await radhus.app.inject({ method: 'POST', url: api(`/registry-entries/${ids.voided}/follow-ups`), headers: auth, payload: { method: 'noted' } }),
    ];
    for (const res of attempts) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().detail).toMatch(/closed|archived/);
    }
    expect(await databaseSnapshot(radhus, tenant.id)).toEqual(before);
  });

  it('refuses changes to the archived entries and their documents', async () => {
    const before = await databaseSnapshot(radhus, tenant.id);
    for (const res of [
      await radhus.app.inject({ method: 'PATCH', url: api(`/registry-entries/${ids.letter}`), headers: auth, payload: { title: 'Endret' } }),
      await upload(`/registry-entries/${ids.letter}/documents`, 'vedlegg.txt'),
      await upload(`/documents/${ids.letterDoc}/objects`, 'v2.txt'),
      await radhus.app.inject({ method: 'PATCH', url: api(`/documents/${ids.letterDoc}`), headers: auth, payload: { title: 'Nytt' } }),
      await radhus.app.inject({ method: 'PATCH', url: api(`/case-files/${ids.caseFile}`), headers: auth, payload: { title: 'Ny tittel' } }),
    ]) {
      expect(res.statusCode, res.body).toBe(409);
    }
    expect(await databaseSnapshot(radhus, tenant.id)).toEqual(before);
  });
});

describe('the freeze triggers, as the application role', () => {
  const refused = /closed|archived|frozen/;

  it('refuse updates of any entry of a closed case, whatever its status', async () => {
    expect(await asApp(sql`update registry_entries set status = 'registered' where id = ${ids.voided}`)).toMatch(refused);
    expect(await asApp(sql`update registry_entries set title = 'Omdøpt' where id = ${ids.voided}`)).toMatch(refused);
    expect(await asApp(sql`update registry_entries set title = 'Omdøpt' where id = ${ids.letter}`)).toMatch(refused);
    expect(await asApp(sql`update registry_entries set status = 'registered', archived_at = null where id = ${ids.reply}`)).toMatch(refused);
  });

  it('refuse new entries in a closed case and changes to the closed case itself', async () => {
    expect(
      await asApp(sql`insert into registry_entries (id, tenant_id, case_file_id, entry_year, entry_sequence, number_in_case, type, status, title, public_title, journal_date, created_at, created_by, updated_at)
        values (${newId()}, ${tenant.id}, ${ids.caseFile}, 2026, 9999, 99, 'case-memo', 'registered', 'Sneket inn', 'Sneket inn', '2026-01-01', now(), 'x', now())`),
    ).toMatch(refused);
    expect(await asApp(sql`update case_files set title = 'Ny tittel' where id = ${ids.caseFile}`)).toMatch(refused);
    expect(await asApp(sql`update case_files set status = 'in-progress', closed_at = null where id = ${ids.caseFile}`)).toMatch(refused);
  });

  it('refuse documents, document objects, correspondents and follow-ups of archived or void entries of a closed case', async () => {
    for (const entry of [ids.letter, ids.voided]) {
      expect(
        await asApp(sql`insert into documents (id, tenant_id, registry_entry_id, document_number, relation, title, status, created_at, created_by)
          values (${newId()}, ${tenant.id}, ${entry}, 50, 'attachment', 'Sneket inn', 'draft', now(), 'x')`),
      ).toMatch(refused);
      expect(await asApp(sql`update documents set title = 'Nytt' where registry_entry_id = ${entry}`)).toMatch(refused);
      expect(
        await asApp(sql`insert into correspondents (id, tenant_id, registry_entry_id, kind, role, name, position)
          values (${newId()}, ${tenant.id}, ${entry}, 'person', 'copy', 'Ola', 9)`),
      ).toMatch(refused);
      expect(await asApp(sql`update correspondents set name = 'Ola' where registry_entry_id = ${entry}`)).toMatch(refused);
      expect(
        await asApp(sql`insert into follow_ups (id, tenant_id, registry_entry_id, method, followed_up_at, followed_up_by)
          values (${newId()}, ${tenant.id}, ${entry}, 'noted', now(), 'x')`),
      ).toMatch(refused);
    }
    for (const doc of [ids.letterDoc, ids.voidedDoc]) {
      expect(
        await asApp(sql`insert into document_objects (id, tenant_id, document_id, version, variant, format, mime_type, file_name, checksum, size, created_at, created_by)
          values (${newId()}, ${tenant.id}, ${doc}, 7, 'production', 'x-fmt/111', 'text/plain', 'x.txt', ${'a'.repeat(64)}, 1, now(), 'x')`),
      ).toMatch(refused);
      expect(await asApp(sql`update document_objects set file_name = 'evil.exe' where document_id = ${doc}`)).toMatch(refused);
    }
    expect(await asApp(sql`update follow_ups set method = 'noted' where registry_entry_id = ${ids.letter}`)).toMatch(refused);
  });

  it('still let an open case change', async () => {
    expect(await asApp(sql`update registry_entries set title = 'Notat om saken' where id = ${ids.openEntry}`)).toBeUndefined();
    expect(await asApp(sql`update case_files set title = 'Endret tittel' where id = ${ids.openCase}`)).toBeUndefined();
    const closed = await radhus.app.inject({ method: 'POST', url: api(`/registry-entries/${ids.openEntry}/follow-ups`), headers: auth, payload: { method: 'noted' } });
    expect(closed.statusCode).toBe(201);
    expect((await radhus.app.inject({ method: 'POST', url: api(`/case-files/${ids.openCase}/close`), headers: auth })).statusCode).toBe(200);
    expect(await asApp(sql`update case_files set title = 'Etterpå' where id = ${ids.openCase}`)).toMatch(refused);
  });
});
