// SPDX-License-Identifier: EUPL-1.2
// The meeting's current item (0028, held by 0029's trigger rather than a foreign key, which made a
// cycle the backup cannot order): as radhus_app, a meeting's current item must be one of its own
// items — another meeting's item or an unknown id is refused by the database itself — and removing
// the item clears it.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withTenant } from '../platform/db/transaction.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createAgendaItem, createMeeting, smallCouncil } from './test-support.ts';

let t: TestRadhus;
let a: Tenant;

beforeAll(async () => {
  t = await createTestRadhus();
  a = await t.tenant();
}, 120_000);
afterAll(() => t?.close());

const asApp = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(t.ctx.db, { tenantId: a.id, actor: { kind: 'system', id: 'current-item-test', name: 'test' } }, work);

describe(`the meeting's current item in the database (${testEngine()})`, () => {
  it("takes the meeting's own item, refuses another meeting's or an unknown one, and is cleared when the item goes", async () => {
    const sc = await smallCouncil(t, a);
    const own = await createAgendaItem(t, a, sc.meeting.id, { title: 'Eiga sak' });
    const other = await createMeeting(t, a, { bodyId: sc.body.id, startsAt: '2031-05-05T16:00:00Z' });
    const foreign = await createAgendaItem(t, a, other.id, { title: 'Anna møte' });
    const current = () => asApp(async (tx) => (await sql<{ id: string | null }>`select current_item_id as id from council_meetings where id = ${sc.meeting.id}`.execute(tx)).rows[0]!.id);

    await asApp((tx) => sql`update council_meetings set current_item_id = ${own.id} where id = ${sc.meeting.id}`.execute(tx));
    expect(await current()).toBe(own.id);
    for (const wrong of [foreign.id, '00000000-0000-7000-8000-000000000001']) {
      await expect(asApp((tx) => sql`update council_meetings set current_item_id = ${wrong} where id = ${sc.meeting.id}`.execute(tx))).rejects.toThrow(/is not an item of meeting/);
      expect(await current()).toBe(own.id);
    }
    await asApp((tx) => sql`delete from council_agenda_items where id = ${own.id}`.execute(tx));
    expect(await current()).toBeNull();
  });
});
