// SPDX-License-Identifier: EUPL-1.2
// The cursor of a newest-first keyset list (a time and an id): opaque to the client, bound to the
// filter it was made for by a short fingerprint, so a cursor from another list or another filter
// is refused (field `cursor`, code `invalidCursor`) instead of silently paging something else.
// The fingerprint is no secret, only a binding: a forged cursor still names a sane position.
import { createHash } from 'node:crypto';
import { invalid } from './problem.ts';
import { isUuid } from '../ids.ts';

/** The filter's values, in a fixed order, as JSON values (use '' or null for "not given"). */
export type FilterParts = readonly unknown[];

const fingerprint = (filterParts: FilterParts) => createHash('sha256').update(JSON.stringify(filterParts)).digest('base64url').slice(0, 12);

/** The cursor for the page after the row at (at, id) of the list filtered by filterParts. */
export const encode = (at: Date, id: string, filterParts: FilterParts): string =>
  Buffer.from(JSON.stringify([at.toISOString(), id, fingerprint(filterParts)])).toString('base64url');

/** The position a cursor names; a 400 problem naming `cursor` when it is not one of this filter's. */
export function decode(cursor: string, filterParts: FilterParts): { at: Date; id: string } {
  const refuse = () => invalid([{ field: 'cursor', code: 'invalidCursor', message: 'is not a cursor from a previous page of this list; start again without it' }]);
  let v: unknown;
  try {
    v = /^[A-Za-z0-9_-]{1,300}$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    throw refuse();
  }
  if (!Array.isArray(v) || v.length !== 3 || typeof v[0] !== 'string' || typeof v[1] !== 'string' || !isUuid(v[1]) || v[2] !== fingerprint(filterParts)) throw refuse();
  const at = new Date(v[0]);
  if (Number.isNaN(at.getTime())) throw refuse();
  return { at, id: v[1] };
}
