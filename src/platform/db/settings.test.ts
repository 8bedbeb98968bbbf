// SPDX-License-Identifier: EUPL-1.2
// The database settings read from the environment: defaults, accepted values and refusals that name
// the variable; and the public pool's URL, which keeps what DATABASE_URL says and adds its role last.
import { describe, expect, it } from 'vitest';
import { poolSize, preparedStatementCapacity, publicPoolSize, publicReadsUrl } from './database.ts';

describe('database settings', () => {
  it('take whole numbers in range, default when unset, and refuse the rest by name', () => {
    expect(preparedStatementCapacity({})).toBe(500);
    expect(preparedStatementCapacity({ DATABASE_PREPARED_STATEMENTS: ' 0 ' })).toBe(0);
    expect(poolSize({})).toBe(10);
    expect(poolSize({ DATABASE_POOL_SIZE: '40' })).toBe(40);
    expect(publicPoolSize({})).toBe(10);
    expect(publicPoolSize({ DATABASE_PUBLIC_POOL_SIZE: '25' })).toBe(25);
    for (const bad of ['-1', '1.5', 'many', '100001']) expect(() => preparedStatementCapacity({ DATABASE_PREPARED_STATEMENTS: bad }), bad).toThrow(/^DATABASE_PREPARED_STATEMENTS must be a whole number from 0 to 100000$/);
    for (const bad of ['0', '-1', '2.5', 'ten', '1001']) expect(() => poolSize({ DATABASE_POOL_SIZE: bad }), bad).toThrow(/^DATABASE_POOL_SIZE must be a whole number from 1 to 1000$/);
    for (const bad of ['0', '-1', '2.5', 'ten', '1001']) expect(() => publicPoolSize({ DATABASE_PUBLIC_POOL_SIZE: bad }), bad).toThrow(/^DATABASE_PUBLIC_POOL_SIZE must be a whole number from 1 to 1000$/);
  });

  it('gives the public pool the URL with its role and read-only mode after any options of its own', () => {
    const options = (url: string) => new URL(publicReadsUrl(url)).searchParams.get('options');
    expect(options('postgres://u:p@db.example:5432/radhus')).toBe('-c role=radhus_public -c default_transaction_read_only=on');
    expect(options('postgres://u:p@db.example/radhus?sslmode=require&options=-c%20role%3Downer')).toBe('-c role=owner -c role=radhus_public -c default_transaction_read_only=on');
    const kept = new URL(publicReadsUrl('postgres://u:p%40ss@db.example:6543/radhus?sslmode=require'));
    expect([kept.username, kept.password, kept.host, kept.pathname, kept.searchParams.get('sslmode')]).toEqual(['u', 'p%40ss', 'db.example:6543', '/radhus', 'require']);
    expect(options('postgres:///radhus?host=/run/postgresql')).toMatch(/role=radhus_public/);
    expect(() => publicReadsUrl('/run/postgresql radhus')).toThrow(/^DATABASE_URL must be a URL/);
  });
});
