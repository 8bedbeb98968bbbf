// SPDX-License-Identifier: EUPL-1.2
// Proof that one municipality can neither read nor change another's data. The walk takes every
// operation under /api/v1/{tenant}/ from the OpenAPI document, so a new route is covered the day it
// is added (or makes this test fail, when the walk cannot fill its parameters).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { newId } from '../platform/ids.ts';
import { roles } from '../platform/http/auth.ts';
import { apiSnapshot, databaseSnapshot, seededMunicipality, type Fixture } from './fixtures.ts';
import { hasPathIds, PlanError, planOperation, tenantOperations, type Ids, type OpenApiDocument, type PlannedOperation } from './support.ts';

let radhus: TestRadhus;
let doc: OpenApiDocument;

/** Seeds one municipality; each operation's own-data control gets a fresh one so state never blocks it. */
const municipality = (label: string): Promise<Fixture> => seededMunicipality(radhus, label);

beforeAll(async () => {
  radhus = await createTestRadhus();
  const res = await radhus.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(() => radhus?.close());

type Response = Awaited<ReturnType<TestRadhus['app']['inject']>>;

/** B's secrets that the response may not contain; the ids the caller sent may be echoed back. */
function leaked(res: Response, victim: Fixture, sent: string): string[] {
  return victim.secrets.filter((secret) => res.body.includes(secret) && !sent.includes(secret));
}

describe('tenant isolation through every API operation', () => {
  it('refuses tenant A every operation on tenant B’s data and leaves B unchanged', async () => {
    const a = await municipality('Alfa');
    const b = await municipality('Beta');
    const apiBefore = await apiSnapshot(radhus, b);
    const dbBefore = await databaseSnapshot(radhus, b.tenant.id);

    const operations = tenantOperations(doc);
    expect(operations.length, 'the OpenAPI document lists the tenant routes').toBeGreaterThan(10);
    const unplanned: string[] = [];
    const planned: PlannedOperation[] = [];
    for (const op of operations) {
      try {
        planned.push(planOperation(op, doc));
      } catch (error) {
        if (error instanceof PlanError) unplanned.push(error.message);
        else throw error;
      }
    }
    expect(unplanned, 'operations the walk cannot exercise').toEqual([]);

    const failures: string[] = [];
    let reader: Fixture | undefined;
    let writer: Fixture | undefined;
    const exercised = new Set<string>();
    let nonce = 0;
    // `person`: sent with a person's session instead of the token (My page answers a person, by identity number).
    const send = async (op: PlannedOperation, options: { slug: string; token: string; path: Ids; fields: (field: string) => Ids; person?: Fixture['person'] }) => {
      const request = op.build({ ...options, nonce: `${++nonce}-${randomBytes(3).toString('hex')}` });
      if (options.person) {
        const { authorization: _token, ...rest } = request.headers as Record<string, string>;
        request.headers = { ...rest, ...options.person.headers };
      }
      const res = await radhus.app.inject(request);
      return { res, sent: `${request.url} ${Buffer.isBuffer(request.payload) ? request.payload.toString('latin1') : JSON.stringify(request.payload ?? '')}` };
    };

    for (const op of planned) {
      // 1. A's token on A's routes with B's ids in the path (and in every id field), for every role.
      // 2. A's own path with one of B's ids in one body or query field at a time.
      const attacks: Array<{ label: string; path: Ids; fields: (field: string) => Ids }> = [{ label: 'B ids in path and fields', path: b.ids, fields: () => b.ids }];
      for (const field of op.idFields) attacks.push({ label: `B id in ${field}`, path: a.ids, fields: (f) => (f === field ? b.ids : a.ids) });
      // Without any id to substitute (a list, a search for B's title) an answer is fine, a leak is not.
      const substitutes = hasPathIds(op) || op.idFields.length > 0;
      for (const attack of attacks) {
        for (const role of roles) {
          const { res, sent } = await send(op, { slug: a.tenant.slug, token: a.tokens[role], path: attack.path, fields: attack.fields });
          const what = `${op.name} as ${role} with ${attack.label}`;
          if (res.statusCode < 300 && substitutes) failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 300 && ![400, 403, 404, 409, 422].includes(res.statusCode)) failures.push(`${what}: unexpected ${res.statusCode} ${res.body.slice(0, 200)}`);
          const leaks = leaked(res, b, sent);
          if (leaks.length) failures.push(`${what}: the answer contains ${leaks.join(', ')}`);
        }
        // A's logged-in person (a citizen of A, a party there) with B's ids.
        const { res, sent } = await send(op, { slug: a.tenant.slug, token: a.tokens.citizen, path: attack.path, fields: attack.fields, person: a.person });
        const what = `${op.name} as A's person with ${attack.label}`;
        if (res.statusCode < 300 && substitutes) failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (res.statusCode >= 300 && ![400, 403, 404, 409, 422].includes(res.statusCode)) failures.push(`${what}: unexpected ${res.statusCode} ${res.body.slice(0, 200)}`);
        const leaks = leaked(res, b, sent);
        if (leaks.length) failures.push(`${what}: the answer contains ${leaks.join(', ')}`);
      }
      // 3. A's token on B's routes: the token does not exist there.
      for (const role of roles) {
        const { res, sent } = await send(op, { slug: b.tenant.slug, token: a.tokens[role], path: b.ids, fields: () => b.ids });
        if (res.statusCode !== 401) failures.push(`${op.name} on B's routes with A's ${role} token: ${res.statusCode}, expected 401`);
        const leaks = leaked(res, b, sent);
        if (leaks.length) failures.push(`${op.name} on B's routes with A's ${role} token: the answer contains ${leaks.join(', ')}`);
      }
      // 4. Control: the same request with A's own ids works for some role (or meets a state rule),
      // so the refusals above came from isolation, not from a malformed request.
      // Reads share one municipality. A write first tries the municipality the previous writes used;
      // only when that answers anything but success (an earlier write closed, revoked or deleted what
      // it needs) is the answer discarded and the write repeated on a fresh municipality, which is
      // judged exactly as before and then serves the next writes. Seeding one municipality per write
      // was four fifths of the walk's time (docs/testing.md).
      const tryControl = async (own: Fixture): Promise<{ role: string; res: Response } | undefined> => {
        for (const role of ['case-officer', 'archivist', 'system', 'tenant-admin', 'politician', 'citizen'] as const) {
          // The citizen is the fixture's person: a citizen token is no person, so My page has nothing of its.
          const { res } = await send(op, { slug: own.tenant.slug, token: own.tokens[role], path: own.ids, fields: () => own.ids, ...(role === 'citizen' ? { person: own.person } : {}) });
          if (res.statusCode !== 403) return { role, res };
        }
        return undefined;
      };
      let answer: { role: string; res: Response } | undefined;
      if (op.method === 'GET') answer = await tryControl((reader ??= await municipality('Lesar')));
      else {
        if (writer) answer = await tryControl(writer);
        if (!answer || answer.res.statusCode >= 300) answer = await tryControl((writer = await municipality('Kontroll')));
      }
      let control: string | undefined;
      if (answer) {
        const { role, res } = answer;
        control = `${role}: ${res.statusCode}`;
        // 409 and 422: a state rule of the data or the municipality (Sweden's justering in a Norwegian one).
        if (res.statusCode < 300 || res.statusCode === 409 || res.statusCode === 422) exercised.add(op.name);
        else failures.push(`${op.name} with the tenant's own ids as ${role} fails (${res.statusCode} ${res.body.slice(0, 300)}): the walk's request is wrong, so its refusals prove nothing`);
      }
      if (!control) failures.push(`${op.name}: every role was refused (403), so the walk exercised nothing`);
    }

    expect(failures).toEqual([]);
    expect([...exercised].sort()).toEqual(planned.map((op) => op.name).sort());
    // The core of the contract must be among what was walked.
    expect([...exercised]).toEqual(expect.arrayContaining(['createCaseFile', 'getCaseFile', 'listCaseFiles', 'createRegistryEntry', 'uploadDocument', 'downloadDocument']));

    expect(await apiSnapshot(radhus, b)).toEqual(apiBefore);
    expect(await databaseSnapshot(radhus, b.tenant.id)).toEqual(dbBefore);
    // A fresh municipality per write took the walk past nine minutes on a loaded machine once the
    // council's routes (issue 10) came; one is now seeded only when the previous one cannot serve.
  }, 900_000);

  it('the snapshots notice a change, so the comparison above can fail', async () => {
    const b = await municipality('Gamma');
    const apiBefore = await apiSnapshot(radhus, b);
    const dbBefore = await databaseSnapshot(radhus, b.tenant.id);
    const res = await radhus.app.inject({ method: 'PATCH', url: `/api/v1/${b.tenant.slug}/registry-entries/${b.ids.registryEntry}`, headers: { authorization: `Bearer ${b.tokens['case-officer']}` }, payload: { description: 'endret' } });
    expect(res.statusCode).toBe(200);
    // The leak detector finds B's own data in B's own answer.
    expect(leaked(res, b, '')).toContain(b.ids.registryEntry);
    expect(await apiSnapshot(radhus, b)).not.toEqual(apiBefore);
    expect((await databaseSnapshot(radhus, b.tenant.id)).change_log).not.toEqual(dbBefore.change_log);
  });
});

describe('tenant isolation in the database itself', () => {
  it('row-level security binds the application role: reads, inserts and the role’s own attributes', async () => {
    const a = await municipality('Delta');
    const b = await municipality('Epsilon');
    const owner = radhus.ctx.db.kysely;
    const countOf = async (tenantId: string) =>
      Number((await sql<{ n: string }>`select count(*)::text as n from case_files where tenant_id = ${tenantId}`.execute(owner)).rows[0]!.n);
    const ownA = await countOf(a.tenant.id);
    expect(ownA).toBeGreaterThan(0);
    expect(await countOf(b.tenant.id)).toBeGreaterThan(0);

    const actor = { kind: 'cli' as const, id: 'test', name: 'isolation test' };
    await withTenant(radhus.ctx.db, { tenantId: a.tenant.id, actor }, async (tx) => {
      const seen = await sql<{ n: string; tenants: string }>`select count(*)::text as n, count(distinct tenant_id)::text as tenants from case_files`.execute(tx);
      expect(Number(seen.rows[0]!.n)).toBe(ownA);
      expect(seen.rows[0]!.tenants).toBe('1');
      const direct = await sql`select id from case_files where id = ${b.ids.caseFile}`.execute(tx);
      expect(direct.rows).toEqual([]);
      const role = await sql<{ rolsuper: boolean; rolbypassrls: boolean; who: string }>`
        select rolsuper, rolbypassrls, current_user as who from pg_roles where rolname = current_user`.execute(tx);
      expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false, who: 'radhus_app' }]);
    });

    const seriesOfB = (await sql<{ series_id: string }>`select series_id from case_files where id = ${b.ids.caseFile}`.execute(owner)).rows[0]!.series_id;
    const at = new Date();
    const insertForB = withTenant(radhus.ctx.db, { tenantId: a.tenant.id, actor }, (tx) =>
      sql`insert into case_files (id, tenant_id, series_id, case_year, case_sequence, title, public_title, status, case_date, created_at, created_by, updated_at)
          values (${newId()}, ${b.tenant.id}, ${seriesOfB}, 2026, 9999, 'Smuggled', 'Smuggled', 'in-progress', '2026-03-02', ${at}, 'test', ${at})`.execute(tx),
    );
    await expect(insertForB).rejects.toThrow(/row-level security/);
    const updateOfB = await withTenant(radhus.ctx.db, { tenantId: a.tenant.id, actor }, (tx) =>
      sql`update case_files set title = 'Hijacked' where id = ${b.ids.caseFile}`.execute(tx),
    );
    expect(Number(updateOfB.numAffectedRows ?? 0)).toBe(0);
    expect(await countOf(b.tenant.id)).toBeGreaterThan(0);
    const title = await sql<{ title: string }>`select title from case_files where id = ${b.ids.caseFile}`.execute(owner);
    expect(title.rows[0]!.title).not.toBe('Hijacked');
  });
});
