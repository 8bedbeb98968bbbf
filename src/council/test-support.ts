// SPDX-License-Identifier: EUPL-1.2
// Test factories of the council, made through the council's own service (so they run its checks
// and write its events): a body, a term, a party, a person, a membership, a meeting, an agenda
// item, a whole small council; and a secretariat token. Each runs in its own tenant transaction.
import { withTenant, type Tx } from '../platform/db/transaction.ts';
import type { TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import * as council from './service.ts';

let counter = 0;
const next = () => ++counter;

/** Runs work as the council's test actor in the municipality, at the test clock's now. */
export function inCouncil<T>(t: TestRadhus, tenant: Tenant, work: (tx: Tx, c: council.CouncilCtx) => Promise<T>): Promise<T> {
  return withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'system', id: 'council-test', name: 'council test' } }, (tx) =>
    work(tx, { tenantId: tenant.id, actor: 'system:council-test:council test', at: t.clock.now() }));
}

export const secretariatHeaders = async (t: TestRadhus, tenant: Tenant) => ({ authorization: `Bearer ${await t.token(tenant, 'secretariat')}` });

export const createTerm = (t: TestRadhus, tenant: Tenant, input: Partial<council.TermInput> = {}) =>
  inCouncil(t, tenant, (tx, c) => council.createTerm(tx, c, { name: `2023–2027 (${next()})`, startsOn: '2023-10-01', endsOn: '2027-09-30', ...input }));

export const createParty = (t: TestRadhus, tenant: Tenant, input: Partial<council.PartyInput> = {}) =>
  inCouncil(t, tenant, (tx, c) => council.createParty(tx, c, { code: `P${next()}`, name: 'Testpartiet', ...input }));

export const createPerson = (t: TestRadhus, tenant: Tenant, input: Partial<council.PersonInput> = {}) =>
  inCouncil(t, tenant, (tx, c) => council.createPerson(tx, c, { givenName: 'Kari', familyName: `Nordmann ${next()}`, ...input }));

export const createBody = (t: TestRadhus, tenant: Tenant, input: Partial<council.BodyInput> = {}) =>
  inCouncil(t, tenant, (tx, c) => council.createBody(tx, c, { code: `body-${next()}`, kind: 'council', name: 'Kommunestyret', ...input }));

export const createMembership = (t: TestRadhus, tenant: Tenant, bodyId: string, input: Pick<council.MembershipInput, 'termId' | 'personId'> & Partial<council.MembershipInput>) =>
  inCouncil(t, tenant, (tx, c) => council.createMembership(tx, c, bodyId, { role: 'member', ...input }));

export const createMeeting = (t: TestRadhus, tenant: Tenant, input: Pick<council.MeetingInput, 'bodyId'> & Partial<council.MeetingInput>) =>
  inCouncil(t, tenant, (tx, c) => council.createMeeting(tx, c, { startsAt: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString(), ...input }));

export const createAgendaItem = (t: TestRadhus, tenant: Tenant, meetingId: string, input: council.ItemInput = {}) =>
  inCouncil(t, tenant, (tx, c) => council.addAgendaItem(tx, c, meetingId, { title: `Sak ${next()}`, ...input }));

export const publishSummons = (t: TestRadhus, tenant: Tenant, meetingId: string, input: { late?: boolean } = {}) =>
  inCouncil(t, tenant, (tx, c) => council.publishSummons(tx, { ...c, country: tenant.country }, meetingId, input));

export interface SmallCouncil {
  term: council.TermRow;
  parties: council.PartyRow[];
  body: council.BodyRow;
  /** Members (seats), in party order: three of the first party, two of the second. */
  members: council.PersonRow[];
  /** One substitute per party, order 1. */
  substitutes: council.PersonRow[];
  meeting: council.MeetingRow;
}

/** A body with a term, two parties, five members and two substitutes, and a planned meeting in 30 days. */
export async function smallCouncil(t: TestRadhus, tenant: Tenant, options: { body?: Partial<council.BodyInput> } = {}): Promise<SmallCouncil> {
  const term = await createTerm(t, tenant, { startsOn: `${t.clock.now().getUTCFullYear() - 1}-10-01`, endsOn: `${t.clock.now().getUTCFullYear() + 3}-09-30` });
  const parties = [await createParty(t, tenant, { name: 'Arbeidspartiet' }), await createParty(t, tenant, { name: 'Høyrepartiet' })];
  const body = await createBody(t, tenant, options.body ?? {});
  const members: council.PersonRow[] = [];
  const substitutes: council.PersonRow[] = [];
  for (const [i, party] of [parties[0]!, parties[0]!, parties[0]!, parties[1]!, parties[1]!].entries()) {
    const person = await createPerson(t, tenant, { partyId: party.id, email: `member${i}.${next()}@example.org` });
    await createMembership(t, tenant, body.id, { termId: term.id, personId: person.id, role: i === 0 ? 'leader' : 'member' });
    members.push(person);
  }
  for (const party of parties) {
    const person = await createPerson(t, tenant, { partyId: party.id });
    await createMembership(t, tenant, body.id, { termId: term.id, personId: person.id, role: 'substitute', substituteOrder: 1 });
    substitutes.push(person);
  }
  const meeting = await createMeeting(t, tenant, { bodyId: body.id, location: 'Kommunestyresalen' });
  return { term, parties, body, members, substitutes, meeting };
}
