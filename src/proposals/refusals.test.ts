// SPDX-License-Identifier: EUPL-1.2
// Every refusal of issue 11 §4 for proposals — signing twice, for someone else, a proposal no longer
// open (reached, lapsed), without e-ID or at too low a level, a paper list with duplicates — answers a
// clear 4xx naming the field, and the whole installation is the same afterwards (rows, number
// series, stored files). Two signatures of one person at the same moment: one 201, one 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { syntheticNorwegianNumber } from '../common/idnumbers.ts';
import { expectProblem, installationSnapshot } from '../conformance/fixtures.ts';
import { secretariatHeaders, smallCouncil } from '../council/test-support.ts';
import { citizenSession, headersOf, staffSession, type Headers, type Json } from './test-support.ts';

let t: TestRadhus;
let tenant: Tenant;
let secretary: Headers;
const nr = (birth: string, seq = 0) => syntheticNorwegianNumber(birth, seq);

beforeAll(async () => {
  t = await createTestRadhus();
  tenant = await t.tenant({ country: 'NO' });
  const council = await smallCouncil(t, tenant);
  await t.app.inject({ method: 'PUT', url: `/api/v1/${tenant.slug}/participation/settings`, headers: await secretariatHeaders(t, tenant), payload: { proposalThreshold: 4, proposalBodyId: council.body.id } });
  secretary = await staffSession(t, tenant);
});
afterAll(() => t?.close());

const send = (method: 'GET' | 'POST', path: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/${tenant.slug}${path}`, headers: headersOf(headers), ...(payload ? { payload } : {}) });

async function proposal(): Promise<{ id: string; author: Headers }> {
  const author = await citizenSession(t, tenant, { identityNumber: nr('1970-01-01', Math.floor(Math.random() * 400)) });
  const res = await send('POST', '/proposals', author, { title: 'Et godt forslag', body: 'Teksten i et godt forslag.' });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, author };
}

/** Sends the request, expects the status and the field, and that nothing in the installation changed. */
async function refused(request: () => ReturnType<typeof send>, status: number, field?: { field: string; code: string }): Promise<Json> {
  await t.settle();
  const before = await installationSnapshot(t);
  const body = expectProblem(await request(), status);
  if (field) expect(body.errors).toContainEqual(expect.objectContaining(field));
  await t.settle();
  expect(await installationSnapshot(t)).toEqual(before);
  return body;
}

describe('refusals change nothing', () => {
  it('signing twice: 409 (also the author, who signed by writing it)', async () => {
    const { id, author } = await proposal();
    await refused(() => send('POST', `/proposals/${id}/signatures`, author, {}), 409, { field: 'proposalId', code: 'alreadySigned' });
    const ola = await citizenSession(t, tenant, { identityNumber: nr('1961-02-03') });
    expect((await send('POST', `/proposals/${id}/signatures`, ola, {})).statusCode).toBe(201);
    await refused(() => send('POST', `/proposals/${id}/signatures`, ola, { notifyEmail: 'ola@example.no' }), 409, { field: 'proposalId', code: 'alreadySigned' });
    // The same person with another login (another account, the same identity number): still one signature.
    const olaAgain = await citizenSession(t, tenant, { identityNumber: nr('1961-02-03') });
    await refused(() => send('POST', `/proposals/${id}/signatures`, olaAgain, {}), 409, { field: 'proposalId', code: 'alreadySigned' });
  });

  it('signing for someone else: 403 naming identityNumber', async () => {
    const { id } = await proposal();
    const per = await citizenSession(t, tenant, { identityNumber: nr('1962-02-03') });
    const body = await refused(() => send('POST', `/proposals/${id}/signatures`, per, { identityNumber: nr('1963-02-03') }), 403, { field: 'identityNumber', code: 'notYourIdentity' });
    expect(body.detail).toMatch(/someone else/);
  });

  it('signing without e-ID, or with a login of no level: refused', async () => {
    const { id } = await proposal();
    const noEid = await citizenSession(t, tenant, { identityNumber: null });
    const noLevel = await citizenSession(t, tenant, { identityNumber: nr('1964-02-03'), level: undefined });
    const token = { authorization: `Bearer ${await t.token(tenant, 'citizen')}` };
    await refused(() => send('POST', `/proposals/${id}/signatures`, noEid, {}), 403);
    await refused(() => send('POST', `/proposals/${id}/signatures`, noLevel, {}), 401);
    await refused(() => send('POST', `/proposals/${id}/signatures`, token, {}), 403);
    await refused(async () => send('POST', `/proposals/${id}/signatures`, {}, {}), 401);
  });

  it('signing a reached (then decided) or lapsed proposal: 409 notOpen', async () => {
    const { id } = await proposal();
    const rows = [{ name: 'Anne', identityNumber: nr('1950-01-01') }, { name: 'Bjørn', identityNumber: nr('1951-01-01') }, { name: 'Cato', identityNumber: nr('1952-01-01') }];
    const reached = await send('POST', `/proposals/${id}/paper-signatures`, secretary, { signatures: rows });
    expect(reached.statusCode, reached.body).toBe(201);
    expect(reached.json()).toMatchObject({ status: 'reached', signatureCount: 4, caseNumber: expect.any(String) });
    const late = await citizenSession(t, tenant, { identityNumber: nr('1965-02-03') });
    await refused(() => send('POST', `/proposals/${id}/signatures`, late, {}), 409, { field: 'proposalId', code: 'notOpen' });
    await refused(() => send('POST', `/proposals/${id}/paper-signatures`, secretary, { signatures: [{ name: 'Dag', identityNumber: nr('1953-01-01') }] }), 409, { field: 'proposalId', code: 'notOpen' });
  });

  it('a paper list with duplicates (signed already, or twice in the list): 409 naming each index; bad numbers 400', async () => {
    const { id } = await proposal();
    expect((await send('POST', `/proposals/${id}/paper-signatures`, secretary, { signatures: [{ name: 'Eva', identityNumber: nr('1954-01-01') }] })).json()).toMatchObject({ signatureCount: 2, status: 'open' });
    const body = await refused(() => send('POST', `/proposals/${id}/paper-signatures`, secretary, {
      signatures: [{ name: 'Finn', identityNumber: nr('1955-01-01') }, { name: 'Eva', identityNumber: nr('1954-01-01') }, { name: 'Finn igjen', identityNumber: nr('1955-01-01') }],
    }), 409);
    expect(body.errors).toEqual([
      expect.objectContaining({ field: 'signatures.1.identityNumber', code: 'alreadySigned' }),
      expect.objectContaining({ field: 'signatures.2.identityNumber', code: 'duplicate' }),
    ]);
    const bad = await refused(() => send('POST', `/proposals/${id}/paper-signatures`, secretary, { signatures: [{ name: 'Gro', identityNumber: '12345678901' }, { name: ' ', identityNumber: nr('1956-01-01') }] }), 400);
    expect(bad.errors.map((e: Json) => e.field)).toEqual(['signatures.0.identityNumber', 'signatures.1.name']);
    // A citizen may not register paper lists.
    const citizen = await citizenSession(t, tenant, { identityNumber: nr('1966-02-03') });
    await refused(() => send('POST', `/proposals/${id}/paper-signatures`, citizen, { signatures: [{ name: 'Hans', identityNumber: nr('1957-01-01') }] }), 403);
  });

  it('bad input to writing a proposal: 400 naming every field', async () => {
    const kari = await citizenSession(t, tenant, { identityNumber: nr('1967-02-03') });
    const body = await refused(() => send('POST', '/proposals', kari, { title: 'x', body: 'kort', notifyEmail: 'ikke-en-adresse' }), 400);
    expect(body.errors.map((e: Json) => e.field).sort()).toEqual(['body', 'title']);
    const email = await refused(() => send('POST', '/proposals', kari, { title: 'Tittel', body: 'Lang nok tekst her.', notifyEmail: 'ikke-en-adresse' }), 400);
    expect(email.errors).toEqual([expect.objectContaining({ field: 'notifyEmail', code: 'invalidEmail' })]);
  });

  it('an unknown proposal or another municipality’s: 404', async () => {
    const { id } = await proposal();
    await t.settle();
    const other = await t.tenant({ country: 'NO' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/${other.slug}/proposals/${id}` })).statusCode).toBe(404);
    const stranger = await citizenSession(t, other, { identityNumber: nr('1968-02-03') });
    await refused(() => t.app.inject({ method: 'POST', url: `/api/v1/${other.slug}/proposals/${id}/signatures`, headers: headersOf(stranger), payload: {} }), 404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/${other.slug}/proposals` })).json().items).toEqual([]);
  });

  it('two signatures of one person at the same moment: one counts, the other is 409', async () => {
    const { id } = await proposal();
    const ida = await citizenSession(t, tenant, { identityNumber: nr('1969-02-03') });
    const [a, b] = await Promise.all([send('POST', `/proposals/${id}/signatures`, ida, {}), send('POST', `/proposals/${id}/signatures`, ida, {})]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    await t.settle();
    expect((await send('GET', `/proposals/${id}`)).json().signatureCount).toBe(2);
  });
});
