// SPDX-License-Identifier: EUPL-1.2
// Request validation. Bodies are strict: no type coercion (a number is not a title), no silently
// dropped unknown fields, and every error reported. Query strings and paths arrive as text, so there
// numbers and booleans are coerced.
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from './problem.ts';

function makeAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv.default({ allErrors: true, coerceTypes, removeAdditional: false, useDefaults: true, strict: false });
  addFormats.default(ajv);
  return ajv;
}

const strict = makeAjv(false);
const coercing = makeAjv('array');

export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strict : coercing).compile(schema as object);

export function fieldErrors(errors: ErrorObject[], part: string): FieldError[] {
  return errors.map((e) => {
    const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (e.keyword === 'additionalProperties') {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      return { field: path ? `${path}.${extra}` : extra, code: 'unknown-field', message: `unknown field "${extra}": remove it` };
    }
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return { field: path ? `${path}.${missing}` : missing, code: 'required', message: 'is required' };
    }
    const field = path || part;
    const message =
      e.keyword === 'maxLength'
        ? `must be at most ${(e.params as { limit: number }).limit} characters`
        : e.keyword === 'enum'
          ? `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
          : (e.message ?? 'is not valid');
    return { field, code: e.keyword, message };
  });
}
