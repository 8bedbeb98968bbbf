// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { can, followUpState } from './followUp.ts';

describe('follow-up state', () => {
  it('waits for an answer to incoming letters and memos with follow-up only', () => {
    expect(followUpState('incoming', [])).toBe('awaiting');
    expect(followUpState('internal-with-followup', undefined)).toBe('awaiting');
    expect(followUpState('outgoing', [])).toBe('not-needed');
    expect(followUpState('incoming', [{ method: 'replied-by-letter' }])).toBe('done');
  });

  it('allows an action only when the API says true', () => {
    expect(can({ close: true }, 'close')).toBe(true);
    expect(can({ close: false }, 'close')).toBe(false);
    expect(can(undefined, 'close')).toBe(false);
  });
});
