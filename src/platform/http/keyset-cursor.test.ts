// SPDX-License-Identifier: EUPL-1.2
// The keyset cursor gives back the position it was made from, and only for the filter it was made
// for: another filter's cursor, garbage, a non-uuid id and a bad date are each a 400 naming `cursor`.
import { describe, expect, it } from 'vitest';
import { decode, encode } from './keyset-cursor.ts';
import { ProblemError } from './problem.ts';

const id = '0190c5b2-7a3e-7c4d-8e5f-123456789abc';
const at = new Date('2026-11-30T12:34:56.789Z');
const filter = ['status-a', '', null];

/** The problem a decode throws (or undefined when it decodes). */
function refusal(cursor: string, parts: readonly unknown[] = filter) {
  try {
    decode(cursor, parts);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    const p = e as ProblemError;
    return { status: p.status, code: p.code, errors: p.errors.map((x) => ({ field: x.field, code: x.code })) };
  }
}
const refused = { status: 400, code: 'validation', errors: [{ field: 'cursor', code: 'invalidCursor' }] };
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** The fingerprint as a forger reads it from an honest cursor of the filter. */
const printOf = (parts: readonly unknown[]) => JSON.parse(Buffer.from(encode(at, id, parts), 'base64url').toString('utf8'))[2] as string;

describe('keyset cursor', () => {
  it('gives back the position for the same filter', () => {
    const cursor = encode(at, id, filter);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decode(cursor, ['status-a', '', null])).toEqual({ at, id });
  });

  it('refuses a cursor of another filter', () => {
    const cursor = encode(at, id, filter);
    expect(refusal(cursor, ['status-b', '', null])).toEqual(refused);
    expect(refusal(cursor, ['status-a', ''])).toEqual(refused);
    expect(refusal(cursor, [])).toEqual(refused);
  });

  it('refuses garbage', () => {
    for (const cursor of ['', 'not a cursor!', 'abc', '%%%', 'x'.repeat(301), raw('text'), raw({ at, id }), raw([at.toISOString(), id]), raw([at.toISOString(), id, printOf(filter), 1])]) {
      expect(refusal(cursor), cursor).toEqual(refused);
    }
  });

  it('refuses a non-uuid id, even with the right fingerprint', () => {
    for (const bad of ['42', '', `${id}x`, 7]) expect(refusal(raw([at.toISOString(), bad, printOf(filter)]))).toEqual(refused);
  });

  it('refuses a bad date, even with the right fingerprint', () => {
    for (const bad of ['yesterday', '2026-13-45T99:00:00Z', '', 1_700_000_000_000]) expect(refusal(raw([bad, id, printOf(filter)]))).toEqual(refused);
  });
});
