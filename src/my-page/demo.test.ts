// SPDX-License-Identifier: EUPL-1.2
// The demo citizen of Balsfjord finds her properties, her building case (tied to the house by its
// gnr/bnr) and a message on My page; seeding again adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { loggedInPerson } from '../test-support/person.ts';
import { findDemoUser } from '../identity/service.ts';
import { seedMyPageDemo } from './demo.ts';

let t: TestRadhus;
beforeAll(async () => {
  t = await createTestRadhus();
}, 60_000);
afterAll(() => t?.close());

describe('My page demo data', () => {
  it('gives the demo citizen two properties, a building case on the house and a message, once', async () => {
    const tenant = await t.tenant({ slug: 'balsfjord', officialNumber: '5532', name: 'Balsfjord kommune' });
    expect(await seedMyPageDemo(t.ctx, () => {})).toEqual({ added: ['balsfjord'] });
    expect(await seedMyPageDemo(t.ctx, () => {})).toEqual({ added: [] });
    const demo = findDemoUser('balsfjord-citizen')!;
    const sigrid = await loggedInPerson(t, [tenant.id], { name: demo.name, identityNumber: demo.identityNumber });
    const get = async (path: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/balsfjord/my${path}`, headers: { cookie: sigrid.headers.cookie } })).json();
    const properties = (await get('/properties')).items;
    expect(properties.map((p: { matrikkel: string }) => p.matrikkel)).toEqual(['5532-45/12/0/0', '5532-112/3/0/1']);
    const house = await get(`/properties/${properties[0].id}`);
    expect(house.buildingCases).toEqual([expect.objectContaining({ publicTitle: 'Byggesak gnr. 45 bnr. 12 – tilbygg til bolig', mine: true })]);
    expect(house.fees).toHaveLength(4);
    const cases = (await get('/cases')).items;
    expect(cases).toHaveLength(1);
    expect((await get('/messages')).unread).toBe(1);
  });
});
