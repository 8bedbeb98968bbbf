// SPDX-License-Identifier: EUPL-1.2
// The demo consultations: a Norwegian and a Swedish demo municipality each get an open consultation
// on a case of their archive, its letter as the document, one comment filed as an incoming entry and
// published; its public page shows it; a second run adds nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { consultationsDemo } from './demo.ts';

let t: TestRadhus;
let balsfjord: Tenant;
let aneby: Tenant;
let first: { added: string[] };

beforeAll(async () => {
  t = await createTestRadhus();
  balsfjord = await t.tenant({ slug: 'balsfjord', country: 'NO', name: 'Balsfjord kommune' });
  aneby = await t.tenant({ slug: 'aneby', country: 'SE', name: 'Aneby kommun' });
  first = await consultationsDemo(t.ctx);
  await t.settle();
}, 120_000);
afterAll(() => t?.close());

describe(`consultations demo (${testEngine()})`, () => {
  it('each demo municipality gets an open consultation with its letter and a published comment; a second run adds nothing', async () => {
    expect(first.added).toEqual(['balsfjord', 'aneby']);
    for (const [tenant, sender, entryTitle] of [[balsfjord, 'Kari Nordmann', 'Høringsuttalelse: Ny forskrift om gebyr for renovasjon'], [aneby, 'Anna Andersson', 'Remissvar: Ny taxa för avfallshantering']] as const) {
      const list = (await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/consultations?status=open` })).json();
      expect(list.items).toHaveLength(1);
      const one = (await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/consultations/${list.items[0].id}` })).json();
      expect(one.documents).toHaveLength(1);
      expect(one.comments).toEqual([expect.objectContaining({ sender, text: expect.any(String) })]);
      const journal = (await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/public-journal/${one.comments[0].registryEntryId}` })).json();
      expect(journal).toMatchObject({ title: entryTitle, entryType: 'incoming' });
      const page = await t.app.inject({ method: 'GET', url: `/${tenant.slug}/deltakelse/horinger/${one.id}`, headers: { accept: 'text/html' } });
      expect(page.body).toContain(sender);
    }
    expect((await consultationsDemo(t.ctx)).added).toEqual([]);
    expect((await sql<{ n: number }>`select count(*)::int as n from consultations`.execute(t.ctx.db.kysely)).rows[0]!.n).toBe(2);
  });
});
