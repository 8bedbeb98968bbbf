// SPDX-License-Identifier: EUPL-1.2
// GeoReport v2 answers in JSON or XML (the spec's conversion: a root element, one element per item,
// arrays inside an item as a plural wrapper of singular elements), and its error format: a list of
// {code, description}, the HTTP status as the code.
import type { FastifyReply } from 'fastify';
import type { ProblemError } from '../platform/http/problem.ts';

export type Format = 'json' | 'xml';

const escape = (s: string): string => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** The element name of one item of a wrapper: attributes → attribute, values → value. */
const singular: Record<string, string> = { attributes: 'attribute', values: 'value', services: 'service', service_requests: 'request', errors: 'error' };

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element(singular[name] ?? 'item', v)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  return `<${name}>${escape(String(value))}</${name}>`;
}

export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}

export function send(reply: FastifyReply, format: Format, root: string, value: unknown, status = 200): FastifyReply {
  reply.status(status).header('cache-control', 'no-store');
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(root, value));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
}

/** One error per failing field, or the problem's detail. */
export function errorsOf(problem: ProblemError): { code: number; description: string }[] {
  if (problem.errors.length) return problem.errors.map((e) => ({ code: problem.status, description: `${e.field}: ${e.message}` }));
  return [{ code: problem.status, description: problem.detail }];
}
