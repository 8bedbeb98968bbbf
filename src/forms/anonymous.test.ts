// SPDX-License-Identifier: EUPL-1.2
// Forms with login level `none` (submitFormAnonymously): filed without a login, the party being the
// e-mail address given for the receipt or "anonymous"; a form that needs a login is refused (401),
// a bad address names its field, and one address may send only a few a minute (429). Each refusal
// changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { multipartBody } from '../test-support/multipart.ts';
import { installationSnapshot } from '../conformance/fixtures.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { exampleDefinition } from './schema.ts';

const ANONYMOUS_PER_MINUTE = 5;

type Json = Record<string, any>;
let t: TestRadhus;
let tenant: Tenant;
let officer: Record<string, string>;
let open: Json;
let closed: Json;
const api = (p: string) => `/api/v1/${tenant.slug}${p}`;
const answers = { what: 'water', position: { lat: 69.24, lon: 19.4 }, details: 'Vannlekkasje ved skolen' };
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

async function publish(definition: Json): Promise<Json> {
  const admin = { authorization: `Bearer ${await t.token(tenant, 'tenant-admin')}` };
  const created = await t.app.inject({ method: 'POST', url: api('/forms'), headers: admin, payload: { definition } });
  expect(created.statusCode, created.body).toBe(201);
  await t.app.inject({ method: 'POST', url: api(`/forms/${created.json().id}/publish`), headers: admin, payload: { published: true } });
  return created.json();
}
const send = (payload: Json, ip = '192.0.2.10') => t.app.inject({ method: 'POST', url: api('/anonymous-submissions'), payload, remoteAddress: ip });
const senderOf = async (caseFileId: string) => {
  const kase = (await t.app.inject({ url: api(`/case-files/${caseFileId}`), headers: officer })).json();
  const entry = (await t.app.inject({ url: api(`/registry-entries/${kase.registryEntries[0].id}`), headers: officer })).json();
  return { kase, entry };
};

beforeAll(async () => {
  // Limits are off in tests unless asked for (config.ts): this file asks.
  t = await createTestRadhus({ RATE_LIMIT_ANONYMOUS_FORMS_PER_MINUTE: String(ANONYMOUS_PER_MINUTE) });
  tenant = await t.tenant({ country: 'NO' });
  officer = { authorization: `Bearer ${await t.token(tenant, 'case-officer')}` };
  open = await publish(exampleDefinition);
  closed = await publish({ ...exampleDefinition, key: 'needs-login', loginLevel: 'substantial' });
});
afterAll(() => t?.close());

describe('anonymous submission', () => {
  it('files a report without a login: the e-mail address is the party and gets the receipt', async () => {
    const res = await send({ formId: open.id, answers, email: 'reporter@example.no' });
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out.caseNumber).toMatch(/^\d{4}\/\d+$/);
    const { kase, entry } = await senderOf(out.caseFileId);
    expect(kase.title).toBe('Feilmelding: Vann og avløp');
    expect(entry.correspondents[0]).toMatchObject({ name: 'reporter@example.no', role: 'sender' });
    const mails = await sql<{ payload: Json }>`select payload from jobs where type = 'mail.send' and key = ${`form-receipt:${out.submissionId}`}`.execute(t.ctx.db.kysely);
    expect(mails.rows[0]!.payload.mail.to).toBe('reporter@example.no');
  });

  it('without an address the party is "anonymous", with files as multipart too', async () => {
    const body = multipartBody({ submission: JSON.stringify({ formId: open.id, answers }), photo: { name: 'lekkasje.png', type: 'image/png', content: png } });
    const res = await t.app.inject({ method: 'POST', url: api('/anonymous-submissions'), headers: body.headers, payload: body.body, remoteAddress: '192.0.2.11' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().attachments).toEqual([expect.objectContaining({ field: 'photo', mimeType: 'image/png' })]);
    const { entry } = await senderOf(res.json().caseFileId);
    expect(entry.correspondents[0]).toMatchObject({ name: 'Anonym', role: 'sender' });
    expect(entry.documents).toHaveLength(4);
  });

  it('refuses a form that needs a login (401), a bad address, answers breaking the schema, and a staff-only field: nothing changed', async () => {
    const before = await installationSnapshot(t);
    const needsLogin = await send({ formId: closed.id, answers }, '192.0.2.12');
    expect(needsLogin.statusCode).toBe(401);
    const badMail = await send({ formId: open.id, answers, email: 'not-an-address' }, '192.0.2.12');
    expect(badMail.statusCode).toBe(400);
    expect(badMail.json().errors).toEqual([expect.objectContaining({ field: 'email', code: 'invalidEmail' })]);
    const broken = await send({ formId: open.id, answers: { ...answers, what: 'sky' }, email: 'x@example.no' }, '192.0.2.12');
    expect(broken.json().errors).toEqual([expect.objectContaining({ field: 'answers.what' })]);
    const onBehalf = await send({ formId: open.id, answers, onBehalfOf: { nationalId: '15076500565', channel: 'phone' } }, '192.0.2.13');
    expect(onBehalf.statusCode).toBe(400);
    expect(await installationSnapshot(t)).toEqual(before);
  });

  it(`takes at most ${ANONYMOUS_PER_MINUTE} a minute from one address (429 with Retry-After), others unaffected`, async () => {
    const ip = '198.51.100.7';
    for (let i = 0; i < ANONYMOUS_PER_MINUTE; i++) expect((await send({ formId: open.id, answers }, ip)).statusCode).toBe(201);
    const before = await installationSnapshot(t);
    const over = await send({ formId: open.id, answers }, ip);
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(await installationSnapshot(t)).toEqual(before);
    expect((await send({ formId: open.id, answers }, '198.51.100.8')).statusCode).toBe(201);
    t.clock.advance(61_000);
    expect((await send({ formId: open.id, answers }, ip)).statusCode).toBe(201);
  });
});
