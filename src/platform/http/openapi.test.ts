// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import swagger from '@fastify/swagger';
import Ajv from 'ajv';
import { documentProblems, ProblemSchema, problemResponses } from './openapi.ts';
import { ProblemError, invalid, problemBody } from './problem.ts';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';

async function appWithRoutes() {
  const app = Fastify({ logger: false });
  await app.register(swagger, { openapi: { openapi: '3.1.0', info: { title: 't', version: '1' } } });
  documentProblems(app);
  app.setErrorHandler((error, request, reply) => {
    const problem = error instanceof ProblemError ? error : new ProblemError('internal', 'failed');
    reply.status(problem.status).type('application/problem+json').send(problemBody(problem, request.url));
  });
  await app.register(async (module) => {
    module.post('/api/things', { schema: { operationId: 'addThing', body: { type: 'object' } } }, async () => {
      throw invalid([
        { field: 'a', code: 'wrongType', message: 'must be text' },
        { field: 'b', code: 'required', message: 'is required' },
      ]);
    });
    module.get('/api/things/:id', { schema: { operationId: 'getThing', response: { 404: { description: 'own', type: 'object', properties: { why: { type: 'string' } } } } } }, async () => ({}));
    module.get('/api/hidden', { schema: { hide: true } }, async () => ({}));
    module.get('/outside', { schema: { operationId: 'outside' } }, async () => ({}));
  });
  await app.ready();
  return app;
}

describe('documentProblems', () => {
  it('documents problem+json errors on the API routes of every module, keeping a route’s own', async () => {
    const app = await appWithRoutes();
    const doc = app.swagger() as unknown as { paths: Record<string, Record<string, { responses: Record<string, any> }>>; components: { schemas: Record<string, { title?: string }> } };
    const post = doc.paths['/api/things']!.post!.responses;
    expect(Object.keys(post).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '415']);
    expect(Object.keys(post['400'].content)).toEqual(['application/problem+json']);
    const ref = post['400'].content['application/problem+json'].schema.$ref as string;
    expect(doc.components.schemas[ref.split('/').pop()!]!.title).toBe('Problem');
    const get = doc.paths['/api/things/{id}']!.get!.responses;
    expect(get['404'].description).toBe('own');
    expect(get['413']).toBeUndefined();
    expect(doc.paths['/outside']!.get!.responses['400']).toBeUndefined();
    expect(doc.paths['/api/hidden']).toBeUndefined();
    await app.close();
  });

  it('does not strip anything from the problem bodies it describes', async () => {
    const app = await appWithRoutes();
    const res = await app.inject({ method: 'POST', url: '/api/things', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['a', 'b']);
    await app.close();
  });

  it('covers the methods that carry a body with 413 and 415', () => {
    expect(Object.keys(problemResponses('GET'))).toEqual(['400', '401', '403', '404', '409']);
    expect(Object.keys(problemResponses(['PATCH']))).toContain('413');
  });
});

describe('problem bodies of the real application', () => {
  let radhus: TestRadhus;
  beforeAll(async () => {
    radhus = await createTestRadhus();
  });
  afterAll(() => radhus?.close());

  it('match the documented Problem schema', async () => {
    const validate = new Ajv.default({ strict: false }).compile(ProblemSchema);
    const tenant = await radhus.tenant();
    const token = await radhus.token(tenant, 'case-officer');
    const answers = await Promise.all([
      radhus.app.inject({ method: 'GET', url: '/api/v1/no-such-town/case-files' }),
      radhus.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/case-files` }),
      radhus.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/case-files`, headers: { authorization: `Bearer ${token}` }, payload: { title: 7, colour: 'red' } }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([404, 401, 400]);
    for (const answer of answers) {
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(validate(answer.json()), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(answers[2]!.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'title']);
  });
});
