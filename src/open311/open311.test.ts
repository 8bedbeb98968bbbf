// SPDX-License-Identifier: EUPL-1.2
// Open311 GeoReport v2 through the real app and database: an app posts a report with the
// municipality's key, it is a case in the archive, and it is followed by its tracking id, open and
// then closed when the case is closed. Refusals (key, jurisdiction, location, answers, hostile
// text) answer in the spec's error format with the right status and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { installationSnapshot } from '../conformance/fixtures.ts';
import { withTenant } from '../platform/db/transaction.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { exampleDefinition } from '../forms/schema.ts';

type Json = Record<string, any>;
let t: TestRadhus;
let a: Tenant;
let b: Tenant;
let adminA: Record<string, string>;
let keyA: string;
let keyB: string;
const form = 'application/x-www-form-urlencoded';

const post = (body: Record<string, string | string[]>, file = 'requests.json') => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const one of ([] as string[]).concat(v)) params.append(k, one);
  return t.app.inject({ method: 'POST', url: `/open311/v2/${file}`, headers: { 'content-type': form }, payload: params.toString() });
};
const get = (path: string) => t.app.inject({ method: 'GET', url: `/open311/v2/${path}` });
const report = (extra: Record<string, string | string[]> = {}) => ({
  jurisdiction_id: a.slug, api_key: keyA, service_code: 'report-a-problem', lat: '69.2401', long: '19.4012', 'attribute[what]': 'road',
  description: 'Hull i veien ved skolen', first_name: 'Kari', last_name: 'Nordmann', email: 'kari.reporter@example.no', phone: '+4791234567', ...extra,
});

/** The spec's error format: a list of {code, description}, the code the HTTP status. */
function expectErrors(res: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number, mentions?: string): Json[] {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  const body = JSON.parse(res.body) as Json[];
  expect(Array.isArray(body)).toBe(true);
  for (const e of body) expect(e).toEqual({ code: status, description: expect.any(String) });
  if (mentions) expect(body.map((e) => e.description).join('\n')).toContain(mentions);
  return body;
}

async function publishProblemForm(tenant: Tenant, admin: Record<string, string>) {
  const created = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/forms`, headers: admin, payload: { definition: exampleDefinition } });
  expect(created.statusCode, created.body).toBe(201);
  const published = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/forms/${created.json().id}/publish`, headers: admin, payload: { published: true } });
  expect(published.statusCode, published.body).toBe(200);
}

async function createKey(tenant: Tenant, admin: Record<string, string>, name: string): Promise<Json> {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/open311/keys`, headers: admin, payload: { name } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestRadhus();
  a = await t.tenant({ country: 'NO' });
  b = await t.tenant({ country: 'SE' });
  adminA = { authorization: `Bearer ${await t.token(a, 'tenant-admin')}` };
  const adminB = { authorization: `Bearer ${await t.token(b, 'tenant-admin')}` };
  await publishProblemForm(a, adminA);
  await publishProblemForm(b, adminB);
  keyA = (await createKey(a, adminA, 'FiksGataMi')).key;
  keyB = (await createKey(b, adminB, 'Felanmälan-appen')).key;
});
afterAll(() => t?.close());

describe('services', () => {
  it('lists the published forms that place a position, with their definition from the form’s schema, in JSON and XML', async () => {
    const list = await get(`services.json?jurisdiction_id=${a.slug}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toEqual([expect.objectContaining({ service_code: 'report-a-problem', service_name: 'Meld fra om feil på vei eller vann', metadata: true, type: 'realtime' })]);
    const definition = (await get(`services/report-a-problem.json?jurisdiction_id=${a.slug}`)).json();
    expect(definition.service_code).toBe('report-a-problem');
    // The position fills lat/long and the free text `description`; the rest are attributes.
    expect(definition.attributes).toEqual([expect.objectContaining({ code: 'what', datatype: 'singlevaluelist', required: true, values: [{ key: 'road', name: 'road' }, { key: 'water', name: 'water' }] })]);
    const xml = await get(`services.xml?jurisdiction_id=${b.slug}`);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xml.body).toContain('<services><service><service_code>report-a-problem</service_code><service_name>Felanmälan väg eller vatten</service_name>');
  });

  it('needs the jurisdiction where the installation serves several; an unknown one or service is 404', async () => {
    expectErrors(await get('services.json'), 400, 'jurisdiction_id');
    expectErrors(await get('services.json?jurisdiction_id=atlantis'), 404, 'atlantis');
    expectErrors(await get(`services/no-such-service.json?jurisdiction_id=${a.slug}`), 404);
    expect((await get(`services.html?jurisdiction_id=${a.slug}`)).statusCode).toBe(404);
  });
});

describe('reports', () => {
  let id: string;

  it('files a report as a case and shows it back, open, by its tracking id: public values only', async () => {
    const before = await installationSnapshot(t);
    const res = await post(report());
    expect(res.statusCode, res.body).toBe(200);
    const [filed] = res.json() as Json[];
    id = filed!.service_request_id;
    expect(filed!.service_notice).toMatch(/^Testkommune \d+: \d{4}\/\d+$/);
    const after = await installationSnapshot(t);
    expect(after.counts.open311_requests).toBe(before.counts.open311_requests + 1);
    expect(after.counts.form_submissions).toBe(before.counts.form_submissions + 1);
    expect(after.counts.case_files).toBe(before.counts.case_files + 1);

    // In the archive: the answers the form's schema holds, the reporter as the sender, the channel.
    const submission = await withTenant(t.ctx.db, { tenantId: a.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) =>
      (await sql<Json>`select s.answers, s.channel, s.submitter_name, s.owner from form_submissions s where s.id = ${id}`.execute(tx)).rows[0]);
    expect(submission).toEqual({ answers: { what: 'road', position: { lat: 69.2401, lon: 19.4012 }, details: 'Hull i veien ved skolen' }, channel: 'open311', submitter_name: 'Kari Nordmann', owner: expect.stringMatching(/^system:/) });

    const shown = await get(`requests/${id}.json?jurisdiction_id=${a.slug}`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual([expect.objectContaining({ service_request_id: id, status: 'open', service_code: 'report-a-problem', lat: 69.2401, long: 19.4012, description: 'Hull i veien ved skolen' })]);
    for (const secret of ['Kari', 'Nordmann', 'kari.reporter', '91234567']) expect(shown.body).not.toContain(secret);
    const listed = await get(`requests.json?jurisdiction_id=${a.slug}&service_code=report-a-problem&status=open`);
    expect(listed.json().map((r: Json) => r.service_request_id)).toContain(id);
    for (const secret of ['Kari', 'Nordmann', 'kari.reporter', '91234567']) expect(listed.body).not.toContain(secret);
    // Another municipality does not know it.
    expectErrors(await get(`requests/${id}.json?jurisdiction_id=${b.slug}`), 404);
    const xml = await get(`requests/${id}.xml?jurisdiction_id=${a.slug}`);
    expect(xml.body).toContain(`<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`);
  });

  it('shows the report closed once its case is closed', async () => {
    const officer = { authorization: `Bearer ${await t.token(a, 'case-officer')}` };
    const { case_file_id: caseId, registry_entry_id: entryId } = await withTenant(t.ctx.db, { tenantId: a.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) =>
      (await sql<Json>`select case_file_id, registry_entry_id from form_submissions where id = ${id}`.execute(tx)).rows[0]!);
    const followed = await t.app.inject({ method: 'POST', url: `/api/v1/${a.slug}/registry-entries/${entryId}/follow-ups`, headers: officer, payload: { method: 'noted' } });
    expect(followed.statusCode, followed.body).toBe(201);
    const closed = await t.app.inject({ method: 'POST', url: `/api/v1/${a.slug}/case-files/${caseId}/close`, headers: officer, payload: {} });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await get(`requests/${id}.json?jurisdiction_id=${a.slug}`)).json()[0].status).toBe('closed');
    expect((await get(`requests.json?jurisdiction_id=${a.slug}&status=open`)).json().map((r: Json) => r.service_request_id)).not.toContain(id);
    expect((await get(`requests.json?jurisdiction_id=${a.slug}&service_request_id=${id}`)).json().map((r: Json) => r.status)).toEqual(['closed']);
    expect((await get(`requests.json?jurisdiction_id=${a.slug}&start_date=2999-01-01T00:00:00Z`)).json()).toEqual([]);
  });

  it('refuses a missing, wrong, revoked or another municipality’s key with 403, and writes nothing', async () => {
    const spare = await createKey(a, adminA, 'Spare');
    expect((await post(report({ api_key: spare.key }))).statusCode).toBe(200);
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/${a.slug}/open311/keys/${spare.id}`, headers: adminA });
    expect(revoked.statusCode, revoked.body).toBe(204);
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/${a.slug}/open311/keys`, headers: adminA });
    expect(listed.json().find((k: Json) => k.id === spare.id).revokedAt).not.toBeNull();
    expect(listed.body).not.toContain(spare.key);
    const before = await installationSnapshot(t);
    const { api_key: _, ...keyless } = report();
    expectErrors(await post(keyless), 403, 'api_key');
    expectErrors(await post(report({ api_key: 'o311_wrong' })), 403);
    expectErrors(await post(report({ api_key: spare.key })), 403);
    expectErrors(await post(report({ api_key: keyB })), 403);
    expect(await installationSnapshot(t)).toEqual(before);
  });

  it('refuses an unknown jurisdiction (404), a bad or missing location, answers the form refuses and hostile text (400), naming the field, and writes nothing', async () => {
    const before = await installationSnapshot(t);
    expectErrors(await post(report({ jurisdiction_id: 'atlantis' })), 404);
    expectErrors(await post(report({ lat: '91' })), 400, 'lat');
    expectErrors(await post(report({ long: '-180.5' })), 400, 'long');
    expectErrors(await post(report({ lat: 'north' })), 400, 'lat');
    expectErrors(await post(report({ long: '' })), 400, 'long');
    const { lat: _l, long: _g, ...nowhere } = report();
    expectErrors(await post(nowhere), 400, 'lat');
    // An address alone is a location, but this service places the problem on the map.
    expectErrors(await post({ ...nowhere, address_string: 'Storgata 1' }), 400, 'lat');
    expectErrors(await post(report({ 'attribute[what]': 'fire' })), 400, 'attribute[what]');
    expectErrors(await post(report({ 'attribute[colour]': 'red' })), 400, 'attribute[colour]');
    expectErrors(await post(report({ description: 'x'.repeat(4001) })), 400, 'description');
    expectErrors(await post(report({ description: 'nul\u0000byte' })), 400);
    expectErrors(await post(report({ email: 'not-an-address' })), 400, 'email');
    expectErrors(await post(report({ service_code: 'no-such-service' })), 404);
    const bad = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': form }, payload: `jurisdiction_id=${a.slug}&api_key=${keyA}&description=%ff%fe` });
    expect(bad.statusCode).toBe(400);
    const json = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
    expect(json.statusCode).toBeLessThan(500);
    const xml = await post(report({ lat: '91' }), 'requests.xml');
    expect(xml.statusCode).toBe(400);
    expect(xml.body).toContain('<errors><error><code>400</code><description>lat: ');
    expect(await installationSnapshot(t)).toEqual(before);
  });

  it('answers hostile queries with 400, never a 500', async () => {
    for (const query of ['service_request_id=not-a-uuid', 'status=pending', 'start_date=2026-02-30', 'end_date=yesterday', 'service_code=%ff', 'start_date=0000-01-01T00:00:00Z']) {
      const res = await get(`requests.json?jurisdiction_id=${a.slug}&${query}`);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(400);
    }
    expectErrors(await get(`requests/not-a-uuid.json?jurisdiction_id=${a.slug}`), 404);
    expect((await get(`requests/${'x'.repeat(150)}.json?jurisdiction_id=${a.slug}`)).statusCode).toBeLessThan(500);
  });

  it('lets only the tenant administrator manage keys', async () => {
    const officer = { authorization: `Bearer ${await t.token(a, 'case-officer')}` };
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/${a.slug}/open311/keys`, headers: officer, payload: { name: 'x' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/${a.slug}/open311/keys` })).statusCode).toBe(401);
  });
});
