// SPDX-License-Identifier: EUPL-1.2
// What the meeting workspace's parts share: the body's people as loaded once for the meeting, and
// what may be done to the meeting now.
import type { CouncilMembership, CouncilParty, CouncilPerson, Meeting } from '../api/council.ts';

export interface MeetingRoster {
  bodyName: string;
  persons: Map<string, CouncilPerson>;
  parties: Map<string, CouncilParty>;
  memberships: CouncilMembership[];
}

/** What may be done now: the API's `actions` where it says, else what the meeting's state allows. */
export function allowed(meeting: Meeting, action: 'summon' | 'markHeld' | 'cancel' | 'approveMinutes' | 'removeItem'): boolean {
  if (meeting.actions) return meeting.actions.includes(action);
  switch (action) {
    case 'removeItem':
      return meeting.status === 'planned';
    case 'summon':
      return meeting.status === 'planned' && meeting.items.length > 0;
    case 'markHeld':
      return meeting.status === 'summoned';
    case 'cancel':
      return meeting.status === 'planned' || meeting.status === 'summoned';
    case 'approveMinutes':
      return meeting.status === 'held' && (meeting.minutesStatus === 'none' || meeting.minutesStatus === 'draft');
  }
}
