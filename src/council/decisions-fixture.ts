// SPDX-License-Identifier: EUPL-1.2
// Test set-up for the meeting record: the app, and a held meeting of a small council with attendance —
// four members present, the fifth absent and their party's substitute meeting for them.
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import * as council from './service.ts';
import { createAgendaItem, createMeeting, inCouncil, smallCouncil, type SmallCouncil } from './test-support.ts';

export const createDecisionsRadhus = (env: NodeJS.ProcessEnv = {}): Promise<TestRadhus> => createTestRadhus(env);

export interface HeldMeeting extends SmallCouncil {
  held: council.MeetingRow;
  items: council.ItemRow[];
  /** Who may vote: members 0–3 and the substitute of the second party (for member 4). */
  present: string[];
}

export async function heldMeeting(t: TestRadhus, tenant: Tenant, options: { items?: number; body?: Partial<council.BodyInput> } = {}): Promise<HeldMeeting> {
  const small = await smallCouncil(t, tenant, options.body ? { body: options.body } : {});
  const meeting = await createMeeting(t, tenant, { bodyId: small.body.id, location: 'Kommunestyresalen', startsAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString() });
  const items: council.ItemRow[] = [];
  for (let i = 0; i < (options.items ?? 2); i += 1) items.push(await createAgendaItem(t, tenant, meeting.id, { title: `Sak ${i + 1}: Gáldu-senteret på Áŋŋel-øya` }));
  await inCouncil(t, tenant, (tx, c) => council.publishSummons(tx, { ...c, country: tenant.country }, meeting.id, { late: true }));
  t.clock.advance(2 * 86_400_000);
  const [m0, m1, m2, m3, m4] = small.members.map((m) => m.id) as [string, string, string, string, string];
  const subB = small.substitutes[1]!.id;
  await inCouncil(t, tenant, (tx, c) => council.recordAttendance(tx, c, meeting.id, [
    { personId: m0, status: 'present' }, { personId: m1, status: 'present' }, { personId: m2, status: 'present' }, { personId: m3, status: 'present' },
    { personId: m4, status: 'absent' }, { personId: subB, status: 'present', substituteFor: m4 },
  ]));
  const held = await inCouncil(t, tenant, (tx, c) => council.markHeld(tx, c, meeting.id));
  return { ...small, meeting, held, items, present: [m0, m1, m2, m3, subB] };
}
