// SPDX-License-Identifier: EUPL-1.2
// OParl on the council's own projection (council-core): a council set up through the council's
// service, its summons published, the events settled; then OParl shows the body, its members and
// parties, the meeting and its agenda, every object valid against the OParl schemas, and no
// politician's e-mail anywhere.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { createAgendaItem, publishSummons, smallCouncil, type SmallCouncil } from '../council/test-support.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { oparlErrors } from './schema-check.ts';

let radhus: TestRadhus;
let tenant: Tenant;
let council: SmallCouncil;

beforeAll(async () => {
  radhus = await createTestRadhus();
  tenant = await radhus.tenant();
  council = await smallCouncil(radhus, tenant);
  await createAgendaItem(radhus, tenant, council.meeting.id, { title: 'Budsjett 2027' });
  await createAgendaItem(radhus, tenant, council.meeting.id, { title: 'Personalsak', closed: true, closedLegalBasis: 'Offl. § 13' });
  await publishSummons(radhus, tenant, council.meeting.id);
  await radhus.settle();
  // The agenda is public the body's days before the meeting: its job publishes it then.
  radhus.clock.set(new Date(new Date(council.meeting.starts_at).getTime() - 86_400_000));
  await radhus.settle();
}, 120_000);
afterAll(async () => radhus?.close());

it(`shows what the council projection published, valid OParl, without e-mails (${testEngine()})`, async () => {
  const base = radhus.config.publicUrl;
  const body = `/oparl/v1/body/${tenant.slug}`;
  const texts: string[] = [];
  const get = async (path: string) => {
    const res = await radhus.app.inject({ method: 'GET', url: path });
    expect(res.statusCode, path).toBe(200);
    texts.push(res.body);
    return res.json() as { data: Array<Record<string, unknown>> };
  };
  const all: Array<Record<string, unknown>> = [];
  for (const list of ['organizations', 'persons', 'memberships', 'meetings', 'agendaItems', 'legislativeTerms', 'locations']) all.push(...(await get(`${body}/${list}`)).data);
  for (const o of all) expect(oparlErrors(o), String(o.id)).toEqual([]);
  const ids = new Set(all.map((o) => o.id));
  expect(ids).toContain(`${base}${body}/organization/${council.body.id}`);
  for (const p of [...council.members, ...council.substitutes]) expect(ids).toContain(`${base}${body}/person/${p.id}`);
  for (const p of council.parties) expect(ids).toContain(`${base}${body}/organization/${p.id}`);
  const meeting = all.find((o) => o.id === `${base}${body}/meeting/${council.meeting.id}`)!;
  expect(meeting).toMatchObject({ meetingState: 'summoned', location: { description: 'Kommunestyresalen' } });
  const items = meeting.agendaItem as Array<Record<string, unknown>>;
  expect(items.map((i) => [i.name, i.public])).toEqual([['Budsjett 2027', true], ['Personalsak', false]]);
  expect(items[1]).toMatchObject({ 'radhus:closedLegalBasis': 'Offl. § 13' });
  expect(texts.join('\n')).not.toMatch(/@example\.org/);
  // The projection rewrites the roster and the meeting on every event: nothing live is reported deleted.
  for (const list of ['persons', 'memberships', 'organizations', 'agendaItems', 'meetings'])
    expect((await get(`${body}/${list}?modified_since=2000-01-01T00%3A00%3A00Z`)).data.filter((o) => o.deleted), list).toEqual([]);
});
