// SPDX-License-Identifier: EUPL-1.2
// The OpenAPI document is a contract: valid in shape, every operation named once, every tenant
// operation tagged and with its errors documented, the operations the automation contract names
// present — and docs/openapi.json, the copy reviewers read, identical to what the server serves.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import { committedOpenApiPath, formatOpenApi } from './openapi-document.ts';
import { operationsOf, tenantPrefix, type OpenApiDocument } from './support.ts';

let radhus: TestRadhus;
let doc: OpenApiDocument;

beforeAll(async () => {
  radhus = await createTestRadhus();
  const res = await radhus.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  doc = res.json();
});
afterAll(() => radhus?.close());

/** Every `$ref` anywhere in a value. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3 in shape', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(typeof doc.info.title).toBe('string');
    expect(typeof doc.info.version).toBe('string');
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const { method, path, operation, name } of operationsOf(doc)) {
      if (!path.startsWith('/')) problems.push(`${path}: a path starts with /`);
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path');
      for (const t of templated) {
        const p = declared.find((d) => d.name === t);
        if (!p) problems.push(`${name}: path parameter {${t}} is not declared`);
        else if (p.required !== true) problems.push(`${name}: path parameter {${t}} must be required`);
      }
      for (const d of declared) if (!templated.includes(d.name)) problems.push(`${name}: declares path parameter ${d.name} that is not in ${path}`);
      const responses = Object.keys(operation.responses ?? {});
      if (!responses.length) problems.push(`${method} ${path}: no responses`);
      for (const code of responses) if (!/^([1-5](\d\d|XX)|default)$/.test(code)) problems.push(`${name}: response key ${code} is not a status code`);
      if (!responses.some((code) => /^2/.test(code) || code === 'default')) problems.push(`${name}: no success response`);
      if (operation.requestBody && !Object.keys(operation.requestBody.content ?? {}).length) problems.push(`${name}: a request body without content types`);
    }
    const schemes = Object.keys((doc.components as { securitySchemes?: object } | undefined)?.securitySchemes ?? {});
    for (const requirement of (doc as unknown as { security?: Record<string, unknown>[] }).security ?? [])
      for (const scheme of Object.keys(requirement)) if (!schemes.includes(scheme)) problems.push(`security scheme ${scheme} is not defined`);
    expect(problems).toEqual([]);
  });

  it('resolves every $ref inside the document', () => {
    const unresolved = refsIn(doc).filter((ref) => {
      if (!ref.startsWith('#/')) return true;
      let node: unknown = doc;
      for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
      return node === undefined;
    });
    expect(unresolved).toEqual([]);
  });

  it('names every operation with a unique operationId', () => {
    const ops = operationsOf(doc);
    expect(ops.filter((o) => !o.operation.operationId).map((o) => o.name)).toEqual([]);
    const ids = ops.map((o) => o.operation.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('tags every tenant operation and documents its problem+json errors', () => {
    const problems: string[] = [];
    for (const { operation, name, path } of operationsOf(doc).filter((o) => o.path.startsWith(tenantPrefix))) {
      if (!operation.tags?.length) problems.push(`${name}: no tags`);
      const errors = Object.entries(operation.responses ?? {}).filter(([code]) => /^4/.test(code));
      if (!errors.length) problems.push(`${name} (${path}): no 4xx response documented`);
      for (const [code, response] of errors) {
        const content = (response as { content?: Record<string, unknown> }).content ?? {};
        if (!content['application/problem+json']) problems.push(`${name}: the ${code} response is not application/problem+json`);
      }
      const codes = errors.map(([code]) => code);
      for (const expected of ['400', '401', '403', '404']) if (!codes.includes(expected)) problems.push(`${name}: ${expected} is not documented`);
    }
    expect(problems).toEqual([]);
  });

  it('contains the operations of the automation contract', () => {
    const byId = new Map(operationsOf(doc).map((o) => [o.operation.operationId, `${o.method} ${o.path}`]));
    expect(Object.fromEntries(['createCaseFile', 'getCaseFile', 'listCaseFiles', 'createRegistryEntry', 'uploadDocument', 'downloadDocument'].map((id) => [id, byId.get(id)]))).toEqual({
      createCaseFile: 'POST /api/v1/{tenant}/case-files',
      getCaseFile: 'GET /api/v1/{tenant}/case-files/{id}',
      listCaseFiles: 'GET /api/v1/{tenant}/case-files',
      createRegistryEntry: 'POST /api/v1/{tenant}/case-files/{id}/registry-entries',
      uploadDocument: 'POST /api/v1/{tenant}/registry-entries/{id}/documents',
      downloadDocument: 'GET /api/v1/{tenant}/documents/{id}/content',
    });
    const upload = operationsOf(doc).find((o) => o.operation.operationId === 'uploadDocument')!;
    expect(Object.keys(upload.operation.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
  });

  it('is committed as docs/openapi.json, identical to the generated one', async () => {
    let committed: string;
    try {
      committed = await readFile(committedOpenApiPath, 'utf8');
    } catch {
      throw new Error('docs/openapi.json is missing: run `npm run openapi` and commit it');
    }
    const generated = formatOpenApi(doc);
    if (committed !== generated) {
      const a = committed.split('\n');
      const b = generated.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      throw new Error(`docs/openapi.json is out of date (first difference at line ${line + 1}: ${JSON.stringify(a[line] ?? '')} ≠ ${JSON.stringify(b[line] ?? '')}): run \`npm run openapi\` and commit the result`);
    }
  });
});
