// SPDX-License-Identifier: EUPL-1.2
// Hostile input through every operation of the OpenAPI document: NUL characters, lone UTF-16
// surrogates, invalid percent-encoding, integers past PostgreSQL's integer, overlong text, impossible
// dates, ids that are not UUIDs, wrong JSON types and malformed multipart, generated with fast-check
// for each parameter and body field, sent with a token of a role the operation allows. Every answer
// is a 4xx problem+json (never a 5xx), and nothing is written: no row in any table, no number in a
// series, no stored file. Authentication and roles come first: anonymous callers with a bad body get
// 401, callers without the role 403, never a 400 that lists the fields.
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestRadhus } from '../test-support/app.ts';
import { multipartBody } from '../test-support/multipart.ts';
import { roles, type Role } from '../platform/http/auth.ts';
import { routeAccessOf } from '../platform/http/access.ts';
import { expectProblem, installationSnapshot, seededMunicipality } from './fixtures.ts';
import { operationsOf, planOperation, tenantPrefix, type JsonSchema, type OpenApiDocument, type WalkOperation } from './support.ts';

const radhus = await createTestRadhus();
afterAll(() => radhus.close());
const a = await seededMunicipality(radhus, 'Hostile');
const doc = (await radhus.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
const operations = operationsOf(doc);
const isTenantOperation = (op: WalkOperation) => op.path.startsWith(tenantPrefix);
/** Operations anyone may call: no role to check. */
const isPublic = (op: WalkOperation) => !isTenantOperation(op) || (op.operation as { security?: unknown[] }).security?.length === 0;

// Enough cases per operation to meet every kind of hostile value, small enough for one slow core.
const RUNS = Number(process.env.HOSTILE_RUNS ?? 14);

function resolve(schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  return resolve(doc.components!.schemas![schema.$ref.replace('#/components/schemas/', '')]!);
}

/** The JSON types a schema accepts. */
function typesOf(input: JsonSchema): Set<string> {
  const schema = resolve(input);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return new Set(branches.flatMap((b) => [...typesOf(b)]));
  if (schema.const !== undefined) return new Set([schema.const === null ? 'null' : typeof schema.const]);
  if (schema.enum) return new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)));
  const types = ([] as string[]).concat(schema.type ?? ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
  return new Set(types.flatMap((t) => (t === 'integer' ? ['integer'] : [t])));
}

const text = fc.string({ maxLength: 12 });
const withNul = fc.tuple(text, text).map(([x, y]) => `${x}\u0000${y}`);
const withSurrogate = fc.tuple(text, fc.constantFrom('\ud800', '\udfff', '\udbffA', 'A\udc00'), text).map(([x, s, y]) => `${x}${s}${y}`);
const hugeInteger = fc.oneof(fc.bigInt({ min: 2n ** 31n, max: 2n ** 60n }).map(Number), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1e300));
const badDates = fc.constantFrom('0000-01-01', '0000-12-31', '2026-02-30', '2026-13-01', '10000-01-01', '2026-1-1', '');
const badDateTimes = fc.constantFrom('0000-01-01T00:00:00Z', '2026-02-30T10:00:00Z', '2026-03-02T25:00:00Z', '2026-03-02', 'yesterday');
const badUuids = fc.oneof(fc.constant('-'.repeat(36)), fc.string({ unit: fc.constantFrom(...'0123456789abcdef-'), minLength: 1, maxLength: 40 }), fc.uuid().map((u) => `${u}x`), fc.uuid().map((u) => u.replace(/-/g, '')));

/** A value that the schema refuses, and that the database could not have stored had it got through. */
function hostile(input: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(input);
  const types = typesOf(schema);
  const arbitraries: fc.Arbitrary<unknown>[] = [];
  const wrong: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.string()],
    ['number', fc.integer().map((n) => n + 0.5)],
    ['boolean', fc.boolean()],
    ['object', fc.constant({ unexpected: true })],
    ['array', fc.array(fc.integer(), { maxLength: 2 })],
    ['null', fc.constant(null)],
  ];
  const wrongTypes = wrong.filter(([t]) => !types.has(t));
  if (wrongTypes.length) arbitraries.push(fc.oneof(...wrongTypes.map(([, arb]) => arb)));
  const branches = (schema.anyOf ?? schema.oneOf ?? [schema]).map(resolve);
  for (const branch of branches) {
    if (branch.type === 'string' && branch.const === undefined && !branch.enum) {
      arbitraries.push(withNul, withSurrogate);
      const max = (branch as { maxLength?: number }).maxLength;
      if (max !== undefined) arbitraries.push(fc.integer({ min: max + 1, max: max + 40 }).map((n) => 'x'.repeat(n)));
      if (branch.format === 'date') arbitraries.push(badDates);
      if (branch.format === 'date-time') arbitraries.push(badDateTimes);
      if (branch.format === 'uuid') arbitraries.push(badUuids);
    }
    if (branch.const !== undefined || branch.enum) arbitraries.push(fc.oneof(withNul, fc.string().filter((s) => s !== branch.const && !(branch.enum ?? []).includes(s))));
    if (branch.type === 'integer' || branch.type === 'number') arbitraries.push(hugeInteger);
    if (branch.type === 'array' && branch.items && depth < 2) arbitraries.push(hostile(branch.items, depth + 1).map((v) => [v]));
    if (branch.type === 'object' && branch.properties && depth < 2) {
      const props = Object.entries(branch.properties);
      if (props.length) arbitraries.push(fc.constantFrom(...props).chain(([name, s]) => hostile(s, depth + 1).map((v) => ({ [name]: v }))));
    }
  }
  return fc.oneof(...arbitraries);
}

/** Raw (already percent-encoded) query and path values that must be refused. */
function hostileRaw(schema: JsonSchema | undefined, where: 'query' | 'path'): fc.Arbitrary<string> {
  const s = schema ? resolve(schema) : {};
  const raw: fc.Arbitrary<string>[] = [
    fc.tuple(text, fc.constantFrom('%00', '%ff', '%ED%A0%80', '%C0%80', '%E2%82')).map(([t, bad]) => `${encodeURIComponent(t)}${bad}`),
  ];
  if (where === 'path') raw.push(fc.integer({ min: 101, max: 200 }).map((n) => 'x'.repeat(n)));
  const max = (s as { maxLength?: number }).maxLength;
  if (max !== undefined) raw.push(fc.integer({ min: max + 1, max: max + 40 }).map((n) => 'y'.repeat(n)));
  if (s.type === 'integer' || s.type === 'number') raw.push(hugeInteger.map(String));
  if (s.enum || s.anyOf) raw.push(fc.constantFrom('zzz', 'NULL', '-1'));
  return fc.oneof(...raw);
}

interface Attack {
  field: string;
  request: fc.Arbitrary<InjectOptions>;
}

/** One attack per parameter and body field, each on an otherwise valid request. */
function attacks(op: WalkOperation, base: InjectOptions, token: string | undefined): Attack[] {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  const [path, query = ''] = String(base.url).split('?');
  const segments = path!.split('/');
  const templateSegments = op.path.split('/');
  const list: Attack[] = [];
  for (const p of op.operation.parameters ?? []) {
    if (p.in === 'path') {
      const index = templateSegments.indexOf(`{${p.name}}`);
      list.push({
        field: `path ${p.name}`,
        request: hostileRaw(p.schema, 'path').map((value) => ({ ...base, url: [...segments.slice(0, index), value, ...segments.slice(index + 1)].join('/') + (query ? `?${query}` : '') })),
      });
    } else if (p.in === 'query') {
      const others = new URLSearchParams(query);
      others.delete(p.name);
      list.push({
        field: `query ${p.name}`,
        request: hostileRaw(p.schema, 'query').map((value) => ({ ...base, url: `${path}?${others.toString() ? `${others.toString()}&` : ''}${p.name}=${value}` })),
      });
    }
  }
  const content = op.operation.requestBody?.content ?? {};
  if (content['application/json']) {
    const bodySchema = resolve(content['application/json'].schema);
    const valid = base.payload as Record<string, unknown>;
    const send = (body: unknown): InjectOptions => ({ ...base, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    list.push({ field: 'body', request: hostile(bodySchema).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map(send) });
    for (const [name, schema] of Object.entries(bodySchema.properties ?? {})) {
      list.push({ field: `body ${name}`, request: hostile(schema).map((value) => send({ ...valid, [name]: value })) });
    }
  }
  if (content['multipart/form-data']) {
    const formSchema = resolve(content['multipart/form-data'].schema);
    const file = (name = 'letter.txt') => ({ name, type: 'text/plain', content: Buffer.from(`hostile ${Math.random()}\n`) });
    const form = (fields: Parameters<typeof multipartBody>[0]): InjectOptions => {
      const m = multipartBody(fields);
      return { ...base, headers: { ...headers, ...m.headers }, payload: m.body };
    };
    for (const [name, schema] of Object.entries(formSchema.properties ?? {})) {
      if (schema.format === 'binary') {
        // A quote or line break would end the header's filename before the NUL: keep them out.
        list.push({ field: `form ${name} (file name)`, request: withNul.map((n) => form({ [name]: file(n.replace(/["\\\r\n]/g, '')) })) });
        continue;
      }
      const values = fc.oneof(withNul, (schema as { maxLength?: number }).maxLength ? fc.constant('x'.repeat(1001)) : withNul, schema.anyOf || schema.enum ? fc.constantFrom('zzz', 'Main') : withNul);
      list.push({ field: `form ${name}`, request: values.map((value) => form({ [name]: value, file: file() })) });
    }
    list.push({
      field: 'form (malformed)',
      request: fc.constantFrom('--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc', 'garbage', '--x--').map((body) => ({
        ...base,
        headers: { ...headers, 'content-type': 'multipart/form-data; boundary=x' },
        payload: body,
      })),
    });
  }
  return list;
}

const planned = operations.map((op) => ({ op, plan: planOperation(op, doc) }));
const build = (plan: ReturnType<typeof planOperation>, token: string) =>
  plan.build({ slug: a.tenant.slug, token, path: a.ids, fields: () => a.ids, nonce: `hostile-${Math.random()}` });

/** The first role the operation lets in: the role check answers before any validation does. */
async function allowedRole(op: WalkOperation, plan: ReturnType<typeof planOperation>): Promise<Role | undefined> {
  if (isPublic(op)) return undefined;
  for (const role of roles) {
    const base = build(plan, a.tokens[role]);
    const res = await radhus.app.inject({ ...base, url: `${String(base.url).split('?')[0]}?probe=%00` });
    if (res.statusCode !== 403) return role;
  }
  throw new Error(`${op.name}: no role may call it`);
}

describe.each(planned.map((p) => [p.op.name, p] as const))('%s', (_name, { op, plan }) => {
  it('answers hostile values in every parameter and field with a 4xx problem, and writes nothing', async () => {
    const role = await allowedRole(op, plan);
    const token = role ? a.tokens[role] : undefined;
    const base = build(plan, token ?? a.tokens['case-officer']);
    if (!token) base.headers = {};
    const list = attacks(op, base, token);
    // Even an operation without parameters gets a hostile query string.
    list.push({ field: 'query (extra)', request: hostileRaw(undefined, 'query').map((value) => ({ ...base, url: `${String(base.url).split('?')[0]}?extra=${value}` })) });
    const before = await installationSnapshot(radhus);
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...list).chain((attack) => attack.request.map((request) => ({ field: attack.field, request }))), async ({ field, request }) => {
        seen.add(field);
        const res = await radhus.app.inject(request);
        const where = `${op.name}, ${field}: ${String(request.url).slice(0, 160)} ${String(request.payload ?? '').slice(0, 160)}`;
        expect(res.statusCode, `${where} → ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${where} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (token) expect(res.statusCode, `${where}: refused by role, not on its merits`).not.toBe(403);
        const body = expectProblem(res, res.statusCode);
        if (res.statusCode === 400) expect(body.errors?.length, `${where}: a 400 names its fields`).toBeGreaterThan(0);
      }),
      { numRuns: Math.max(RUNS, list.length * 2), seed: Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
    );
    const after = await installationSnapshot(radhus);
    expect(after.counts, 'rows in every table').toEqual(before.counts);
    expect(after.numberSeries, 'the number series').toEqual(before.numberSeries);
    expect(after.files, 'the file store').toEqual(before.files);
  });

  it.skipIf(isPublic(op))('refuses an anonymous caller with a bad body with 401, and a citizen (no archive or admin role) with 403 unless the operation is a citizen’s', async () => {
    // The citizen's own operations (My page, forms, drafts, receipts, signing: issue 9) let the
    // citizen through to validation.
    const declared = routeAccessOf(radhus.app).find((r) => r.method.split(',').includes(op.method) && r.url.replace(/:([A-Za-z]+)/g, '{$1}') === op.path);
    const citizensOwn = (await allowedRole(op, plan)) === 'citizen' || (Array.isArray(declared?.access) && declared.access.includes('citizen'));
    const base = build(plan, a.tokens.citizen);
    const path = String(base.url).split('?')[0]!;
    // A body of wrong types and unknown fields where the operation takes one; a bad query otherwise.
    const bad = (authorization?: string): InjectOptions => {
      const headers: Record<string, string> = authorization ? { authorization } : {};
      return op.operation.requestBody
        ? { ...base, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify({ unknownField: '\u0000', title: 5 }) }
        : { ...base, headers, url: `${path}?bad=%00&limit=-1` };
    };
    const anonymous = await radhus.app.inject(bad());
    expect(expectProblem(anonymous, 401).errors, 'no field list for an anonymous caller').toBeUndefined();
    const citizen = await radhus.app.inject(bad(`Bearer ${a.tokens.citizen}`));
    if (citizensOwn) expect(expectProblem(citizen, 400).errors?.length).toBeGreaterThan(0);
    else expect(expectProblem(citizen, 403).errors).toBeUndefined();
    const unknownToken = await radhus.app.inject(bad('Bearer rdh_not-a-token'));
    expect(expectProblem(unknownToken, 401).errors).toBeUndefined();
  });
});
