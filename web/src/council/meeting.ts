// SPDX-License-Identifier: EUPL-1.2
// What the council pages share, free of components (so plain tests run them): the body's people as
// loaded once for a meeting, the order members are listed in, what may be done to the meeting now,
// and a vote's ballots summed per party.
import type { CouncilMembership, CouncilParty, CouncilPerson, Meeting, MembershipRole, Vote } from '../api/council.ts';
import { personName } from './useSubmit.ts';

export interface MeetingRoster {
  bodyName: string;
  persons: Map<string, CouncilPerson>;
  parties: Map<string, CouncilParty>;
  memberships: CouncilMembership[];
}

/** What may be done now: the API's `actions` where it says, else what the meeting's state allows. */
export function allowed(meeting: Meeting, action: 'summon' | 'markHeld' | 'cancel' | 'approveMinutes' | 'removeItem' | 'reorderAgenda'): boolean {
  if (meeting.actions) return meeting.actions.includes(action);
  switch (action) {
    case 'reorderAgenda':
      return meeting.status !== 'cancelled' && meeting.minutesStatus !== 'approved' && meeting.minutesStatus !== 'adjusted';
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

const roleOrder: Record<MembershipRole, number> = { leader: 0, deputy: 1, member: 2, substitute: 3 };

/** Leader, deputy, members by name, then substitutes in the order they are called. */
export function sortMembers(list: CouncilMembership[], persons: Map<string, CouncilPerson>): CouncilMembership[] {
  return [...list].sort(
    (a, b) =>
      roleOrder[a.role] - roleOrder[b.role] ||
      (a.substituteOrder ?? 0) - (b.substituteOrder ?? 0) ||
      personName(persons.get(a.personId)).localeCompare(personName(persons.get(b.personId))),
  );
}

/** Ballots summed per party and option, parties in name order. */
export function partyTally(vote: Vote, roster: MeetingRoster): { party: string; option: string; count: number }[] {
  const tally = new Map<string, number>();
  for (const b of vote.ballots) {
    const partyId = b.partyId ?? roster.persons.get(b.personId)?.partyId ?? '';
    const key = `${partyId}\u0000${b.option}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  return [...tally]
    .map(([key, count]) => {
      const [partyId, option] = key.split('\u0000') as [string, string];
      return { party: roster.parties.get(partyId)?.name ?? '', option, count };
    })
    .sort((a, b) => a.party.localeCompare(b.party) || a.option.localeCompare(b.option));
}
