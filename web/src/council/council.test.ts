// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import type { CouncilMembership, CouncilPerson, Meeting, Vote } from '../api/council.ts';
import { allowed, partyTally, sortMembers, type MeetingRoster } from './meeting.ts';

const person = (id: string, givenName: string, partyId: string): CouncilPerson => ({ id, givenName, familyName: 'X', name: `${givenName} X`, partyId, userId: null, email: null });
const persons = [person('a', 'Åse', 'ap'), person('b', 'Bjørn', 'h'), person('c', 'Cecilie', 'h'), person('d', 'Dag', 'ap'), person('e', 'Eli', 'ap')];
const seat = (personId: string, role: CouncilMembership['role'], substituteOrder: number | null = null): CouncilMembership =>
  ({ id: `m-${personId}`, bodyId: 'b', termId: 't', personId, role, partyId: null, substituteOrder, startsOn: '2023-10-01', endsOn: null });
const roster: MeetingRoster = {
  bodyName: 'Kommunestyret',
  persons: new Map(persons.map((p) => [p.id, p])),
  parties: new Map([['ap', { id: 'ap', code: 'Ap', name: 'Arbeiderpartiet' }], ['h', { id: 'h', code: 'H', name: 'Høyre' }]]),
  memberships: [],
};

describe('the council workspace', () => {
  it('lists the chair first, members by name, and substitutes in the order they are called', () => {
    const order = sortMembers([seat('e', 'substitute', 2), seat('c', 'member'), seat('d', 'substitute', 1), seat('b', 'leader'), seat('a', 'member')], roster.persons);
    expect(order.map((m) => m.personId)).toEqual(['b', 'a', 'c', 'd', 'e']);
  });

  it('sums ballots per party from the party each member met for', () => {
    const vote: Vote = {
      id: 'v', position: 1, subject: 's', method: 'roll-call', outcome: 'for',
      counts: [{ option: 'for', label: 'For', count: 3, proposalId: null }, { option: 'against', label: 'Mot', count: 2, proposalId: null }],
      // Eli (Ap) met for a Høyre member: her ballot counts for the party she met for.
      ballots: [{ personId: 'a', option: 'for', partyId: null }, { personId: 'd', option: 'for', partyId: null }, { personId: 'b', option: 'against', partyId: null }, { personId: 'c', option: 'against', partyId: null }, { personId: 'e', option: 'for', partyId: 'h' }],
    };
    expect(partyTally(vote, roster)).toEqual([
      { party: 'Arbeiderpartiet', option: 'for', count: 2 },
      { party: 'Høyre', option: 'against', count: 2 },
      { party: 'Høyre', option: 'for', count: 1 },
    ]);
  });

  it("follows the API's actions, and the meeting's state when it gives none", () => {
    const meeting = { status: 'planned', items: [{}], minutesStatus: 'none' } as unknown as Meeting;
    expect(allowed({ ...meeting, actions: ['cancel'] }, 'summon')).toBe(false);
    expect(allowed({ ...meeting, actions: ['summon'] }, 'summon')).toBe(true);
    expect(allowed(meeting, 'summon')).toBe(true);
    expect(allowed({ ...meeting, items: [] }, 'summon')).toBe(false);
    expect(allowed({ ...meeting, status: 'held' }, 'approveMinutes')).toBe(true);
    expect(allowed({ ...meeting, status: 'held', minutesStatus: 'approved' }, 'approveMinutes')).toBe(false);
  });
});
