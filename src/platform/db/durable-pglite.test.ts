// SPDX-License-Identifier: EUPL-1.2
import { fsyncSync, readlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { durablePgliteOptions } from './durable-pglite.ts';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('durable PGlite options', () => {
  it('fsyncs the write-ahead log on the host before a commit returns, and the row is there after reopening', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'radhus-durable-pglite-'));
    folders.push(folder);
    const synced: string[] = [];
    const sync = (fd: number) => {
      synced.push(readlinkSync(`/proc/self/fd/${fd}`));
      fsyncSync(fd);
    };
    const pg = await PGlite.create({ ...durablePgliteOptions(folder, sync) });
    expect((await pg.query<{ fsync: string }>('show fsync')).rows[0]!.fsync).toBe('on');
    await pg.exec('create table letters (id serial primary key, title text not null)');
    synced.length = 0;
    await pg.query('insert into letters (title) values ($1)', ['Søknad om byggeløyve']);
    expect(synced.some((path) => path.startsWith(join(folder, 'pg_wal') + '/'))).toBe(true);
    await pg.close();

    const again = await PGlite.create({ ...durablePgliteOptions(folder) });
    expect((await again.query<{ title: string }>('select title from letters')).rows).toEqual([{ title: 'Søknad om byggeløyve' }]);
    await again.close();
  });

  it('syncs nothing with PGlite’s own start parameters (fsync off): the gap the options close', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'radhus-durable-pglite-'));
    folders.push(folder);
    let syncs = 0;
    const { fs } = durablePgliteOptions(folder, () => (syncs += 1));
    const pg = await PGlite.create({ fs });
    await pg.exec('create table letters (id serial primary key, title text not null)');
    await pg.query('insert into letters (title) values ($1)', ['Svar på søknad']);
    expect((await pg.query<{ fsync: string }>('show fsync')).rows[0]!.fsync).toBe('off');
    expect(syncs).toBe(0);
    await pg.close();
  });
});
