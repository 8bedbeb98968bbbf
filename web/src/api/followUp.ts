// SPDX-License-Identifier: EUPL-1.2
// Avskrivning as the case officer sees it: incoming letters and internal memos with follow-up wait
// for an answer; everything else needs none.
import type { EntryType, FollowUp } from './types.ts';

export type FollowUpState = 'not-needed' | 'awaiting' | 'done';

export const needsFollowUp = (type: EntryType): boolean => type === 'incoming' || type === 'internal-with-followup';

export function followUpState(type: EntryType, followUps: readonly Pick<FollowUp, 'method'>[] | undefined): FollowUpState {
  if (followUps && followUps.length > 0) return 'done';
  return needsFollowUp(type) ? 'awaiting' : 'not-needed';
}

/** The UI shows an action only when the API says the person may take it. */
export const can = (actions: Partial<Record<string, boolean>> | undefined, action: string): boolean => actions?.[action] === true;
