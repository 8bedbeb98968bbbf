// SPDX-License-Identifier: EUPL-1.2
// Request validation. Bodies are strict: no type coercion (a number is not a title), no silently
// dropped unknown fields, and every error reported. Query strings and paths arrive as text, so there
// numbers and booleans are coerced.
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError, FieldErrorCode } from './problem.ts';

function makeAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv.default({ allErrors: true, coerceTypes, removeAdditional: false, useDefaults: true, strict: false });
  addFormats.default(ajv);
  return ajv;
}

const strict = makeAjv(false);
const coercing = makeAjv('array');

export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strict : coercing).compile(schema as object);

/** The catalogue code (src/common/errors.ts) for each JSON Schema keyword Ajv reports. */
const formatCodes: Record<string, FieldErrorCode> = { date: 'invalidDate', 'date-time': 'invalidDateTime', uuid: 'invalidId', email: 'invalidEmail' };

export function keywordCode(e: Pick<ErrorObject, 'keyword' | 'params'>): FieldErrorCode {
  const params = e.params as { limit?: number; format?: string };
  switch (e.keyword) {
    case 'required':
      return 'required';
    case 'additionalProperties':
      return 'unknownField';
    // An empty text fails minLength 1: to the person it is the same as leaving the field out.
    case 'minLength':
      return params.limit === 1 ? 'required' : 'tooShort';
    case 'maxLength':
      return 'tooLong';
    case 'minimum':
    case 'exclusiveMinimum':
      return 'tooSmall';
    case 'maximum':
    case 'exclusiveMaximum':
      return 'tooLarge';
    case 'minItems':
      return 'tooFew';
    case 'maxItems':
      return 'tooMany';
    case 'enum':
    case 'const':
      return 'notAllowed';
    case 'type':
      return 'wrongType';
    case 'pattern':
      return 'pattern';
    case 'format':
      return formatCodes[params.format ?? ''] ?? 'invalidFormat';
    case 'uniqueItems':
      return 'duplicate';
    case 'minProperties':
      return 'noChanges';
    default:
      return 'invalid';
  }
}

function englishMessage(e: ErrorObject): string {
  if (e.keyword === 'maxLength') return `must be at most ${(e.params as { limit: number }).limit} characters`;
  if (e.keyword === 'enum') return `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  return e.message ?? 'is not valid';
}

const pathOf = (e: ErrorObject): string => e.instancePath.replace(/^\//, '').replace(/\//g, '.');
const within = (path: string, parent: string): boolean => !parent || path === parent || path.startsWith(`${parent}.`);

/**
 * Ajv's errors as one field error per field and code. A union (a nullable object, a choice of
 * literals) fails every branch: its `anyOf` error and the "must be null" of the nullable branch say
 * nothing when a branch explains itself, so they are dropped then; the literals' `const` errors
 * become one `notAllowed`.
 */
export function fieldErrors(errors: ErrorObject[], part: string): FieldError[] {
  const explained = (e: ErrorObject): boolean =>
    errors.some((other) => other !== e && other.keyword !== 'anyOf' && other.keyword !== 'oneOf' && !(other.keyword === 'type' && (other.params as { type?: string }).type === 'null') && within(pathOf(other), pathOf(e)));
  const out: FieldError[] = [];
  for (const e of errors) {
    if ((e.keyword === 'anyOf' || e.keyword === 'oneOf') && explained(e)) continue;
    if (e.keyword === 'type' && (e.params as { type?: string }).type === 'null' && explained(e)) continue;
    const path = pathOf(e);
    let error: FieldError;
    if (e.keyword === 'additionalProperties') {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      error = { field: path ? `${path}.${extra}` : extra, code: 'unknownField', message: `unknown field "${extra}": remove it` };
    } else if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      error = { field: path ? `${path}.${missing}` : missing, code: 'required', message: 'is required' };
    } else {
      error = { field: path || part, code: keywordCode(e), message: englishMessage(e) };
    }
    if (!out.some((o) => o.field === error.field && o.code === error.code)) out.push(error);
  }
  return out;
}
