// SPDX-License-Identifier: EUPL-1.2
// Prepared statements must change nothing but the speed: the same rows for the same values
// (hostile ones included), the same errors, the same tenant boundaries and the same refusals per
// role. Each statement below runs three times: as an ordinary statement (first sighting), while
// being prepared (second) and as a prepared statement (third).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCache, sqlLiteral } from './statement-cache.ts';
import { withPublic, withTenant } from './transaction.ts';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';

describe('StatementCache', () => {
  it('prepares a text the second time it is seen, and only plain single statements', () => {
    const cache = new StatementCache(10);
    expect(cache.admit('select 1 where $1')).toBeUndefined();
    const second = cache.admit('select 1 where $1');
    expect(second).toMatchObject({ isNew: true, statement: { name: 'rh_1' } });
    expect(cache.admit('select 1 where $1')).toMatchObject({ isNew: false, statement: { name: 'rh_1' } });
    for (const text of ['create table x (a int)', 'select 1; select 2', 'set role x', 'copy t from stdin']) {
      cache.admit(text);
      expect(cache.admit(text)).toBeUndefined();
    }
    expect(cache.admit('  WITH a as (select 1) select * from a')).toBeUndefined();
    expect(cache.admit('  WITH a as (select 1) select * from a')?.isNew).toBe(true);
  });

  it('drops the least recently used statement to make room, or runs new ones unprepared when it may not drop', () => {
    const evicting = new StatementCache(2);
    const twice = (c: StatementCache, text: string) => (c.admit(text), c.admit(text));
    twice(evicting, 'select $1');
    twice(evicting, 'select $1, 2');
    evicting.admit('select $1'); // now the most recent
    expect(twice(evicting, 'select $1, 3')).toMatchObject({ isNew: true, evicted: { name: 'rh_2' } });
    expect(evicting.size).toBe(2);
    expect(evicting.admit('select $1')).toMatchObject({ isNew: false, statement: { name: 'rh_1' } });

    const fixed = new StatementCache(1, { evict: false });
    twice(fixed, 'select $1');
    expect(twice(fixed, 'select $1, 2')).toBeUndefined();
    expect(fixed.admit('select $1')?.isNew).toBe(false);
  });

  it('is off at capacity 0', () => {
    const off = new StatementCache(0);
    off.admit('select $1');
    expect(off.admit('select $1')).toBeUndefined();
  });

  it('writes literals that only a quote can end, and none with a NUL byte', () => {
    expect(sqlLiteral(`it's`)).toBe(`'it''s'`);
    expect(sqlLiteral(`\\'); drop table x; --`)).toBe(`'\\''); drop table x; --'`);
    expect(sqlLiteral('a\0b')).toBeUndefined();
  });
});

describe('prepared statements on the engine', () => {
  let radhus: TestRadhus;
  beforeAll(async () => {
    radhus = await createTestRadhus();
    await radhus.ctx.db.execScript(`create table zz_literals (n serial primary key, t text, d date, ts timestamptz, b bytea, j jsonb, a text[], i int, f boolean)`);
  });
  afterAll(async () => radhus?.close());

  const hostile = [
    `it's`,
    `\\'); drop table zz_literals; --`,
    `\\x41\\\\ and \\n`,
    `$1 $$ dollar $q$ quoted $q$`,
    'ÆØÅ æøå 😀 \u2028 \t\r\n',
    '',
    `E'\\047'`,
  ];

  it('stores and reads back every value as an ordinary statement does, on each of three runs', async () => {
    const db = radhus.ctx.db.kysely;
    for (const text of hostile) {
      const rows = [];
      for (let run = 0; run < 3; run++) {
        const inserted = await sql<{ n: number }>`insert into zz_literals (t, d, ts, b, j, a, i, f)
          values (${text}, ${'2026-02-28'}, ${new Date('2026-11-30T12:00:00.123Z')}, ${Buffer.from(text + '\u0000\u00ff')},
                  ${JSON.stringify({ text, nested: [text] })}, ${[text, 'a,b', '{c}', '"d"', null]}, ${-7}, ${run === 1})
          returning n`.execute(db);
        const read = await sql<Record<string, unknown>>`select t, d, ts, b, j, a, i from zz_literals where n = ${inserted.rows[0]!.n} and t = ${text}`.execute(db);
        rows.push(read.rows);
      }
      expect(rows[0]).toHaveLength(1);
      expect(rows[0]![0]).toMatchObject({ t: text, d: '2026-02-28', i: -7, j: { text, nested: [text] }, a: [text, 'a,b', '{c}', '"d"', null] });
      expect(Buffer.from(rows[0]![0]!.b as Uint8Array).toString()).toBe(text + '\u0000\u00ff');
      expect(rows[1]).toEqual(rows[0]);
      expect(rows[2]).toEqual(rows[0]);
    }
    const count = await sql<{ n: number }>`select count(*)::int as n from zz_literals`.execute(db);
    expect(count.rows[0]!.n).toBe(hostile.length * 3);
  });

  it('refuses a NUL in text as an ordinary statement does, and writes nothing', async () => {
    const db = radhus.ctx.db.kysely;
    const before = (await sql<{ n: number }>`select count(*)::int as n from zz_literals`.execute(db)).rows[0]!.n;
    for (let run = 0; run < 3; run++) {
      const error = await sql`insert into zz_literals (t) values (${'a\u0000b'})`.execute(db).then(() => undefined, (e: { code?: string }) => e);
      expect(error?.code).toBe('22021');
    }
    expect((await sql<{ n: number }>`select count(*)::int as n from zz_literals`.execute(db)).rows[0]!.n).toBe(before);
  });

  it('keeps each municipality to its own rows and each role to its grants', async () => {
    const a = await radhus.tenant();
    const b = await radhus.tenant();
    const actor = { kind: 'cli' as const, id: 'test', name: 'test' };
    const fondsOf = (tenantId: string) =>
      withTenant(radhus.ctx.db, { tenantId, actor }, async (tx) => {
        const result = await sql<{ tenant_id: string }>`select tenant_id from fonds where title <> ${'no such title'}`.execute(tx);
        const prepared = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where name like ${'rh\\_%'}`.execute(tx);
        return { tenants: [...new Set(result.rows.map((r) => r.tenant_id))], prepared: prepared.rows[0]!.n };
      });
    for (let run = 0; run < 3; run++) {
      expect((await fondsOf(a.id)).tenants).toEqual([a.id]);
      expect((await fondsOf(b.id)).tenants).toEqual([b.id]);
    }
    // The statement really ran prepared (on PostgreSQL: on the connection that ran it).
    expect((await fondsOf(a.id)).prepared).toBeGreaterThan(0);
    // The public role may not read the archive, prepared or not.
    for (let run = 0; run < 3; run++) {
      const error = await withPublic(radhus.ctx.db, (tx) => sql`select tenant_id from fonds where title <> ${'no such title'}`.execute(tx)).then(
        () => undefined,
        (e: Error) => e.message,
      );
      expect(error).toMatch(/permission denied/);
    }
  });
});
