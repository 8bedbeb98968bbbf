// SPDX-License-Identifier: EUPL-1.2
// Documents the errors every API route can answer with, so that clients generated from the OpenAPI
// document know the problem+json shape without each module repeating it. An onRoute hook on the
// root instance reaches the routes of every module registered after it.
import type { RouteOptions } from 'fastify';
import { ErrorCodes, type ErrorCode } from './problem.ts';

export const problemSchemaId = 'Problem';

/** RFC 9457 problem details as problemBody() writes them. Open to additions so none is dropped. */
export const ProblemSchema = {
  $id: problemSchemaId,
  type: 'object',
  description: 'An error as application/problem+json (RFC 9457); `errors` names every failing field.',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', description: 'a URI naming the kind of problem' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'what went wrong and how to fix it' },
    code: { type: 'string', enum: Object.keys(ErrorCodes) },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: { field: { type: 'string', description: 'dotted path, e.g. correspondents.0.identityNumber' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
  additionalProperties: true,
} as const;

const always: ErrorCode[] = ['validation', 'unauthenticated', 'forbidden', 'notFound', 'conflict'];
const withBody: ErrorCode[] = ['payloadTooLarge', 'unsupportedMediaType'];

function problemResponse(code: ErrorCode) {
  return { description: ErrorCodes[code].title, content: { 'application/problem+json': { schema: { $ref: `${problemSchemaId}#` } } } };
}

/** The problem responses a route gets; a route's own definition of a status wins. */
export function problemResponses(method: string | string[]): Record<string, ReturnType<typeof problemResponse>> {
  const methods = ([] as string[]).concat(method);
  const codes = methods.some((m) => ['POST', 'PUT', 'PATCH'].includes(m)) ? [...always, ...withBody] : always;
  return Object.fromEntries(codes.map((code) => [String(ErrorCodes[code].status), problemResponse(code)]));
}

interface Hookable {
  addSchema(schema: unknown): unknown;
  addHook(name: 'onRoute', hook: (route: RouteOptions) => void): unknown;
}

/** Call on the root instance after @fastify/swagger and before any module. */
export function documentProblems(app: Hookable): void {
  app.addSchema(ProblemSchema);
  app.addHook('onRoute', (route) => {
    const schema = route.schema as (Record<string, unknown> & { hide?: boolean; response?: Record<string, unknown> }) | undefined;
    if (!route.url.startsWith('/api/') || !schema || schema.hide) return;
    const own = schema.response ?? {};
    // Without a success response swagger would have written its default one; keep that.
    const success = Object.keys(own).some((code) => /^2/.test(code)) ? {} : { 200: { description: 'Default Response' } };
    route.schema = { ...schema, response: { ...success, ...problemResponses(route.method), ...own } };
  });
}
