// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { IdTable } from './id-table.ts';

describe('IdTable', () => {
  it('keeps every value with its tag through growth, and knows a value it has seen', () => {
    const table = new IdTable(4);
    const ids = Array.from({ length: 50_000 }, (_, i) => `${i.toString(16).padStart(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`);
    ids.forEach((id, i) => expect(table.add(id, i % 9)).toBe(true));
    expect(table.size).toBe(ids.length);
    ids.forEach((id, i) => expect(table.tag(id)).toBe(i % 9));
    expect(table.add(ids[123]!, 3)).toBe(false);
    expect(table.size).toBe(ids.length);
    expect(table.has('not-there')).toBe(false);
    expect(table.has('A')).toBe(false);
    table.add('a');
    expect([table.has('a'), table.has('A')]).toEqual([true, false]);
  });
});
