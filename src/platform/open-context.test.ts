// SPDX-License-Identifier: EUPL-1.2
// A context opened without the capabilities says so when anything walks them, instead of finding
// none (a consumer, a job or a municipality's set-up silently skipped would be a quiet loss).
import { describe, expect, it } from 'vitest';
import { noModules } from './open-context.ts';

describe('a context without the capabilities', () => {
  it('throws, naming the command, on any walk of its module list', () => {
    const modules = noModules('export noark5');
    expect(() => modules.flatMap((m) => m.consumers ?? [])).toThrow(/radhus export noark5 .* withoutModules/);
    expect(() => modules.find((m) => m.errorPage)).toThrow(/withoutModules/);
    expect(() => [...modules]).toThrow(/withoutModules/);
    expect(() => modules.length).toThrow(/withoutModules/);
  });
});
