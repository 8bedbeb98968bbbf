// SPDX-License-Identifier: EUPL-1.2
// A municipality's own closed days through the API, and the working-day calendar built from them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { withTenant } from '../platform/db/transaction.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { addWorkingDays, isWorkingDay } from '../common/calendar/working-days.ts';
import { workingDayCalendar } from './service.ts';

let t: TestRadhus;
let balsfjord: Tenant;
let aneby: Tenant;
let admin: string;
let officer: string;
let otherAdmin: string;

beforeAll(async () => {
  t = await createTestRadhus();
  balsfjord = await t.tenant({ country: 'NO' });
  aneby = await t.tenant({ country: 'SE' });
  admin = await t.token(balsfjord, 'tenant-admin');
  officer = await t.token(balsfjord, 'case-officer');
  otherAdmin = await t.token(aneby, 'tenant-admin');
});
afterAll(async () => t?.close());

const request = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

const count = async () => Number((await sql<{ n: string }>`select count(*) as n from closed_days`.execute(t.ctx.db.kysely)).rows[0]!.n);

describe('closed days', () => {
  it('a tenant administrator adds, lists and removes closed days; deadlines skip them', async () => {
    const url = `/api/v1/${balsfjord.slug}/closed-days`;
    const added = await request(admin, 'POST', url, { date: '2026-05-15', reason: 'Inneklemt dag etter Kristi himmelfart' });
    expect(added.statusCode).toBe(201);
    const day = added.json() as { id: string; date: string; reason: string; createdBy: string };
    expect(day).toMatchObject({ date: '2026-05-15', reason: 'Inneklemt dag etter Kristi himmelfart' });
    expect(day.createdBy).toMatch(/^system:/);
    await request(admin, 'POST', url, { date: '2026-12-31', reason: 'Nyttårsaften' });

    const listed = await request(officer, 'GET', `${url}?from=2026-01-01&to=2026-06-30`);
    expect(listed.statusCode).toBe(200);
    expect((listed.json() as { items: { date: string }[] }).items.map((i) => i.date)).toEqual(['2026-05-15']);

    const calendar = await withTenant(t.ctx.db, { tenantId: balsfjord.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, (tx) => workingDayCalendar(tx, balsfjord));
    expect(isWorkingDay('2026-05-15', calendar)).toBe(false);
    // Wednesday 13 May + 2 working days: Ascension (14), the closed day (15), the weekend with 17 May → Tuesday 19 May.
    expect(addWorkingDays('2026-05-13', 2, calendar)).toBe('2026-05-19');

    expect((await request(admin, 'DELETE', `${url}/${day.id}`)).statusCode).toBe(204);
    expect((await request(admin, 'DELETE', `${url}/${day.id}`)).statusCode).toBe(404);
    const after = (await request(officer, 'GET', url)).json() as { items: { date: string }[] };
    expect(after.items.map((i) => i.date)).toEqual(['2026-12-31']);
  });

  it('refuses bad input, a second closed day on one date and callers without the role, writing nothing', async () => {
    const url = `/api/v1/${balsfjord.slug}/closed-days`;
    const before = await count();
    const bad = await request(admin, 'POST', url, { date: '2026-02-30', reason: '' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['date', 'reason']);
    const farAway = await request(admin, 'POST', url, { date: '1066-10-14', reason: 'Hastings' });
    expect(farAway.statusCode).toBe(400);
    expect(farAway.json()).toMatchObject({ code: 'validation', errors: [{ field: 'date', code: 'outOfRange' }] });
    const twice = await request(admin, 'POST', url, { date: '2026-12-31', reason: 'Again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'conflict', errors: [{ field: 'date', code: 'taken' }] });
    expect((await request(officer, 'POST', url, { date: '2026-07-01', reason: 'Sommar' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url, payload: { date: '2026-07-01', reason: 'Sommar' } })).statusCode).toBe(401);
    expect((await request(officer, 'GET', `${url}?from=2026-13-01`)).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it("one municipality neither sees nor removes another's closed days, in the API or in the database", async () => {
    const mine = (await request(admin, 'POST', `/api/v1/${balsfjord.slug}/closed-days`, { date: '2026-08-14', reason: 'Bygdedag' })).json() as { id: string };
    const theirs = await request(otherAdmin, 'GET', `/api/v1/${aneby.slug}/closed-days`);
    expect((theirs.json() as { items: unknown[] }).items).toEqual([]);
    expect((await request(otherAdmin, 'DELETE', `/api/v1/${aneby.slug}/closed-days/${mine.id}`)).statusCode).toBe(404);
    // As the application role directly: row-level security refuses a row for another municipality.
    await expect(
      withTenant(t.ctx.db, { tenantId: aneby.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, (tx) =>
        sql`insert into closed_days (id, tenant_id, day, reason, created_at, created_by)
            values (gen_random_uuid(), ${balsfjord.id}, '2026-09-01', 'sneaky', now(), 'test')`.execute(tx),
      ),
    ).rejects.toThrow(/row-level security/);
    const seen = await withTenant(t.ctx.db, { tenantId: aneby.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, (tx) =>
      sql<{ n: number }>`select count(*)::int as n from closed_days`.execute(tx),
    );
    expect(seen.rows[0]!.n).toBe(0);
    const sweden = await withTenant(t.ctx.db, { tenantId: aneby.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, (tx) => workingDayCalendar(tx, aneby));
    expect(isWorkingDay('2026-08-14', sweden)).toBe(true);
    expect(isWorkingDay('2026-06-19', sweden)).toBe(false);
  });
});
