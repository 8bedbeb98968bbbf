// SPDX-License-Identifier: EUPL-1.2
// My page lists my access requests (issue 9 §3): those I made logged in, to this municipality only,
// with status and deadline as the access-requests module keeps them; never another person's, nor
// the anonymous ones made with an e-mail address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { loggedInPerson, type TestPerson } from '../test-support/person.ts';
import { call, publishedLetter, type Published } from '../access-requests/test-support.ts';

type Json = Record<string, any>;
let t: TestRadhus;
let a: Published;
let b: Published;
let kari: TestPerson;
let ola: TestPerson;

beforeAll(async () => {
  t = await createTestRadhus();
  a = await publishedLetter(t);
  b = await publishedLetter(t, { title: 'Søknad om utslippstillatelse' });
  kari = await loggedInPerson(t, [a.tenant.id, b.tenant.id], { name: 'Kari Innsyn' });
  ola = await loggedInPerson(t, [a.tenant.id], { name: 'Ola Innsyn' });
});
afterAll(() => t?.close());

const mine = async (person: TestPerson, slug = a.tenant.slug) => {
  const res = await t.app.inject({ url: `/api/v1/${slug}/my/access-requests`, headers: { cookie: person.headers.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Json[];
};

describe('My access requests', () => {
  it('lists my own requests to this municipality with status and deadline, follows the officer, and shows no one else’s', async () => {
    expect(await mine(kari)).toEqual([]);
    const order = await call(t, kari.headers, 'POST', '/api/v1/access-requests', { entries: [a.entry.id, b.entry.id] });
    // Someone else asks for the same letter: anonymously, and logged in as Ola.
    await call(t, {}, 'POST', '/api/v1/access-requests', { entries: [a.entry.id], email: 'journalist@example.no' });
    await call(t, ola.headers, 'POST', '/api/v1/access-requests', { entries: [a.entry.id] });

    const listed = await mine(kari);
    const ours = order.requests.find((r: Json) => r.municipality.slug === a.tenant.slug);
    expect(listed).toEqual([expect.objectContaining({ id: ours.id, orderId: order.id, kind: 'request', status: 'received', outcome: null, entries: 1, deadline: ours.deadline, decidedAt: null })]);
    expect(listed[0]!.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(listed[0]!.statusUrl).toBe(order.statusUrl);
    // The other municipality's My page lists the other half of the order.
    expect((await mine(kari, b.tenant.slug)).map((r) => r.id)).toEqual([order.requests.find((r: Json) => r.municipality.slug === b.tenant.slug).id]);
    expect((await mine(ola)).map((r) => r.id)).not.toContain(ours.id);
    expect(await mine(ola)).toHaveLength(1);

    await call(t, a.officer, 'POST', `/api/v1/${a.tenant.slug}/access-requests/${ours.id}/start`, {});
    expect((await mine(kari))[0]).toMatchObject({ id: ours.id, status: 'in-progress' });
  });

  it('is for citizens: staff are refused, and nobody logged out sees anything', async () => {
    expect((await t.app.inject({ url: `/api/v1/${a.tenant.slug}/my/access-requests`, headers: a.officer })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/${a.tenant.slug}/my/access-requests` })).statusCode).toBe(401);
  });
});
