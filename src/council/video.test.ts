// SPDX-License-Identifier: EUPL-1.2
// Video per agenda item: the offset, and the WebVTT transcript checked before it is stored (header,
// cue timings, UTF-8, size), kept content-addressed; a refused upload leaves no file behind.
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { createDecisionsRadhus, heldMeeting, type HeldMeeting } from './decisions-fixture.ts';
import { secretariatHeaders } from './test-support.ts';
import { TRANSCRIPT_MAX_BYTES, webVttProblems } from './video.ts';

const vtt = 'WEBVTT - Kommunestyret\n\n1\n00:12:34.000 --> 00:12:38.500\nOrdføreren: Sak 12, Gáldu-senteret.\n\n12:41.000 --> 12:45.000 align:start\nNeste taler.\n';

describe('WebVTT check', () => {
  it('accepts a valid file and names what is wrong with a bad one', () => {
    expect(webVttProblems(Buffer.from(vtt))).toEqual([]);
    expect(webVttProblems(Buffer.from(`\uFEFF${vtt}`))).toEqual([]);
    expect(webVttProblems(Buffer.from('WEBVTTX\n\n00:00.000 --> 00:01.000\nx\n'))).toEqual(['the file must start with the line "WEBVTT"']);
    expect(webVttProblems(Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nSRT\n'))).toEqual(['the file must start with the line "WEBVTT"']);
    expect(webVttProblems(Buffer.from('WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nx\n'))).toEqual(['line 3: the cue ends before it starts']);
    expect(webVttProblems(Buffer.from('WEBVTT\n\n00:00:05.000 --> 00:00:61.000\nx\n'))).toEqual(['line 3: a cue timing must read "hh:mm:ss.ttt --> hh:mm:ss.ttt"']);
    expect(webVttProblems(Buffer.from('WEBVTT\n\n'))).toEqual(['the file has no cues']);
    expect(webVttProblems(Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff]))).toEqual(['the file is not UTF-8']);
  });
});

let t: TestRadhus;
let tenant: Tenant;
let m: HeldMeeting;
let headers: Record<string, string>;

beforeAll(async () => {
  t = await createDecisionsRadhus();
  tenant = await t.tenant({ country: 'NO' });
  m = await heldMeeting(t, tenant, { items: 1 });
  headers = await secretariatHeaders(t, tenant);
}, 120_000);
afterAll(() => t?.close());

const storedFiles = async () => {
  const names: string[] = [];
  const walk = async (dir: string) => {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await walk(join(dir, e.name));
      else names.push(join(dir, e.name));
    }
  };
  await walk(t.config.dataDir);
  return names.filter((n) => !n.includes('pglite')).sort();
};
const upload = (itemId: string, payload: string | Buffer, contentType = 'text/vtt') =>
  t.app.inject({ method: 'PUT', url: `/api/v1/${tenant.slug}/council/agenda-items/${itemId}/transcript`, headers: { ...headers, 'content-type': contentType }, payload });

describe(`video per agenda item (${testEngine()})`, () => {
  it('sets the offset and stores a valid transcript under its SHA-256', async () => {
    const item = m.items[0]!.id;
    const offset = await t.app.inject({ method: 'PUT', url: `/api/v1/${tenant.slug}/council/agenda-items/${item}/video`, headers, payload: { offsetSeconds: 754 } });
    expect(offset.json()).toMatchObject({ itemId: item, offsetSeconds: 754, transcriptSha256: null });
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/${tenant.slug}/council/agenda-items/${item}/video`, headers, payload: { offsetSeconds: -1 } })).statusCode).toBe(400);

    const res = await upload(item, vtt);
    expect(res.statusCode).toBe(200);
    const sha = createHash('sha256').update(vtt).digest('hex');
    expect(res.json()).toMatchObject({ transcriptSha256: sha, offsetSeconds: 754 });
    expect((await t.ctx.files.read(sha)).toString()).toBe(vtt);
    const [row] = (await sql<{ transcript_sha256: string; video_offset_seconds: number }>`select transcript_sha256, video_offset_seconds from council_agenda_items where id = ${item}`.execute(t.ctx.db.kysely)).rows;
    expect(row).toEqual({ transcript_sha256: sha, video_offset_seconds: 754 });
  });

  it('refuses a bad, oversized or mislabelled transcript and leaves no file behind', async () => {
    const item = m.items[0]!.id;
    const files = await storedFiles();
    const before = (await sql`select transcript_sha256, updated_at from council_agenda_items where id = ${item}`.execute(t.ctx.db.kysely)).rows;
    const bad = await upload(item, 'WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nbaklengs\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation', errors: [{ field: 'body', code: 'invalidWebVtt' }] });
    const big = await upload(item, `${vtt}${'x'.repeat(TRANSCRIPT_MAX_BYTES)}`);
    expect(big.statusCode).toBe(413);
    expect((await upload(item, vtt, 'text/plain')).statusCode).toBe(415);
    expect((await upload('0190aaaa-0000-7000-8000-000000000000', vtt)).statusCode).toBe(404);
    expect(await storedFiles()).toEqual(files);
    expect((await sql`select transcript_sha256, updated_at from council_agenda_items where id = ${item}`.execute(t.ctx.db.kysely)).rows).toEqual(before);
  });
});
