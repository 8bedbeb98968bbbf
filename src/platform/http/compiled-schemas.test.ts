// SPDX-License-Identifier: EUPL-1.2
// Compiled validators and serializers are found again by content, and only where nothing else
// differs: a body is never checked by a query string's (coercing) validator, and a `$ref` resolves
// against the shared schemas it was compiled with.
import { Type } from 'typebox';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { byContent, cachedSerializers, schemaController } from './compiled-schemas.ts';
import { validatorCompiler } from './validation.ts';

const count = () => Type.Object({ count: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
const validate = (httpPart: string) => validatorCompiler({ schema: count(), httpPart, method: 'POST', url: '/' }) as (data: unknown) => boolean;

describe('schemas compiled once per process', () => {
  it('compiles equal content once, whatever the object, and other content again', () => {
    const compiled: object[] = [];
    const lookup = byContent((schema) => {
      compiled.push(schema);
      return () => schema;
    });
    const first = lookup(count());
    expect(lookup(count())).toBe(first);
    expect(lookup(Type.Object({ count: Type.Integer({ minimum: 1 }) }))).not.toBe(first);
    expect(compiled).toHaveLength(2);
  });

  it('keeps a body strict and a query string coerced, in either order', () => {
    expect(validate('querystring')({ count: '5' })).toBe(true);
    expect(validate('body')({ count: '5' })).toBe(false);
    expect(validate('body')({ count: 5 })).toBe(true);
    expect(validate('querystring')({ count: '5' })).toBe(true);
  });

  it('gives a second app the first one’s serializer, and resolves a shared schema it was given', () => {
    const problem = { $id: 'test-problem', type: 'object', properties: { title: { type: 'string' } } };
    const route = { type: 'object', properties: { ok: { type: 'boolean' }, problem: { $ref: 'test-problem#' } } };
    const serializer = () => cachedSerializers({ 'test-problem': problem }, {})({ schema: structuredClone(route), method: 'GET', url: '/', httpStatus: '200' });
    const one = serializer();
    expect(serializer()).toBe(one);
    // Only the declared fields leave, through the shared schema too.
    expect(JSON.parse(one({ ok: true, secret: 'x', problem: { title: 'T', detail: 'internal' } }))).toEqual({ ok: true, problem: { title: 'T' } });
    // Other shared schemas are another cache: the same route content is compiled against them.
    const other = cachedSerializers({ 'test-problem': { ...problem, properties: { detail: { type: 'string' } } } }, {})({ schema: structuredClone(route), method: 'GET', url: '/', httpStatus: '200' });
    expect(other).not.toBe(one);
    expect(JSON.parse(other({ ok: false, problem: { title: 'T', detail: 'D' } }))).toEqual({ ok: false, problem: { detail: 'D' } });
  });

  it('serves the declared answer in a real app', async () => {
    for (let i = 0; i < 2; i++) {
      const app = Fastify({ schemaController });
      app.get('/n', { schema: { response: { 200: count() } } }, async () => ({ count: 3, hidden: 'no' }));
      const res = await app.inject({ method: 'GET', url: '/n' });
      expect(res.json()).toEqual({ count: 3 });
      await app.close();
    }
  });
});
