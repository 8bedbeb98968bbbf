// SPDX-License-Identifier: EUPL-1.2
// The promise of migration 0013, kept by the database itself: as radhus_app, the hash of a
// requester's link (or their login) lets them read their own requests in every municipality and
// nothing else; it never lets them write; and the files of a request reach them only once decided.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withoutTenant, type Tx } from '../platform/db/transaction.ts';
import { hashOf } from './links.ts';
import { call, publishedLetter, type Published } from './test-support.ts';

let t: TestRadhus;
let p: Published;
let mine: { id: string; key: string; requestId: string };
let other: { id: string; requestId: string };

beforeAll(async () => {
  t = await createTestRadhus();
  p = await publishedLetter(t);
  const ask = async (email: string) => {
    const order = await call(t, {}, 'POST', '/api/v1/access-requests', { entries: [p.entry.id], email });
    return { id: order.id as string, key: new URL(order.statusUrl).searchParams.get('key')!, requestId: order.requests[0].id as string };
  };
  mine = await ask('mine@example.no');
  other = await ask('other@example.no');
}, 120_000);
afterAll(() => t?.close());

const asRequester = <T>(key: string, work: (tx: Tx) => Promise<T>) =>
  withoutTenant(t.ctx.db, async (tx) => {
    await sql`select set_config('radhus.access_key', ${hashOf(key)}, true)`.execute(tx);
    return work(tx);
  });

describe(`access requests' row-level security (${testEngine()})`, () => {
  it('a link reads its own requests and entries, nobody else’s, and writes nothing', async () => {
    const seen = await asRequester(mine.key, async (tx) => (await sql<{ id: string }>`select id from access_requests`.execute(tx)).rows.map((r) => r.id));
    expect(seen).toEqual([mine.requestId]);
    const entries = await asRequester(mine.key, async (tx) => (await sql<{ request_id: string }>`select request_id from access_request_entries`.execute(tx)).rows);
    expect(entries.map((e) => e.request_id)).toEqual([mine.requestId]);
    const updated = await asRequester(mine.key, async (tx) => (await sql`update access_requests set status = 'decided', outcome = 'granted' where id = ${mine.requestId}`.execute(tx)).numAffectedRows);
    expect(Number(updated ?? 0)).toBe(0);
    await expect(asRequester(mine.key, (tx) => sql`delete from access_requests`.execute(tx))).rejects.toThrow(/permission denied/);
    const none = await withoutTenant(t.ctx.db, async (tx) => (await sql`select id from access_requests`.execute(tx)).rows);
    expect(none).toEqual([]);
    expect(other.requestId).not.toBe(mine.requestId);
  });

  it('files reach the requester only when the request is decided', async () => {
    const tenantCall = (path: string, payload: object) => call(t, p.officer, 'POST', `/api/v1/${p.tenant.slug}${path}`, payload);
    // Confirming through the link is tested elsewhere; here the owner marks it received to decide it.
    await sql`update access_requests set status = 'received', confirm_hash = null, received_at = now(), deadline = '2026-03-05' where id = ${mine.requestId}`.execute(t.ctx.db.kysely);
    // An undecided request with a file row (as the owner, to test the policy alone).
    await sql`insert into access_request_files (id, tenant_id, request_id, variant, file_name, mime_type, checksum, size, created_at)
      values (gen_random_uuid(), ${p.tenant.id}, ${mine.requestId}, 'original', 'early.pdf', 'application/pdf', 'x', 1, now())`.execute(t.ctx.db.kysely);
    const before = await asRequester(mine.key, async (tx) => (await sql`select file_name from access_request_files`.execute(tx)).rows);
    expect(before).toEqual([]);
    await tenantCall(`/access-requests/${mine.requestId}/decision`, { outcome: 'granted' });
    const after = await asRequester(mine.key, async (tx) => (await sql<{ file_name: string }>`select file_name from access_request_files order by file_name`.execute(tx)).rows.map((r) => r.file_name));
    expect(after).toContain('early.pdf');
    expect(after).toContain('soknad.pdf');
  });
});
