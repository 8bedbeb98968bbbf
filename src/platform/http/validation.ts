// SPDX-License-Identifier: EUPL-1.2
// Request validation. Bodies are strict: no type coercion (a number is not a title), no silently
// dropped unknown fields, and every error reported. Query strings and paths arrive as text, so there
// numbers and booleans are coerced.
//
// Besides what each schema says, every request is held to what the database can store, so that
// hostile input is a 400 naming the field and never a 500 from PostgreSQL: no NUL characters and no
// lone UTF-16 surrogates in any text (PostgreSQL's text cannot hold either), integers within
// PostgreSQL's `integer`, dates from year 0001 (there is no year 0), and a query string that is
// valid percent-encoded UTF-8.
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { byContent } from './compiled-schemas.ts';
import { invalid, type FieldError, type FieldErrorCode } from './problem.ts';

const INT_MAX = 2 ** 31 - 1;
const INT_MIN = -(2 ** 31);

function makeAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv.default({ allErrors: true, coerceTypes, removeAdditional: false, useDefaults: true, strict: false });
  addFormats.default(ajv);
  // ajv-formats accepts year 0000, which PostgreSQL's date and timestamptz reject.
  for (const name of ['date', 'date-time'] as const) {
    const base = ajv.formats[name] as { validate: (s: string) => boolean; compare: (a: string, b: string) => number | undefined };
    ajv.addFormat(name, { type: 'string', validate: (s: string) => base.validate(s) && !s.startsWith('0000'), compare: base.compare });
  }
  return ajv;
}

const strict = makeAjv(false);
const coercing = makeAjv('array');

/**
 * A copy of the schema in which every integer without bounds is held to PostgreSQL's `integer`:
 * 2³¹ in a version number must be refused here, not overflow in the database.
 */
function boundIntegers(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(boundIntegers);
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = boundIntegers(value);
  if (copy.type === 'integer') {
    if (copy.maximum === undefined && copy.exclusiveMaximum === undefined) copy.maximum = INT_MAX;
    if (copy.minimum === undefined && copy.exclusiveMinimum === undefined) copy.minimum = INT_MIN;
  }
  return copy;
}

const compiledStrict = byContent((schema) => strict.compile(boundIntegers(schema) as object));
const compiledCoercing = byContent((schema) => coercing.compile(boundIntegers(schema) as object));

/** Bodies strictly, the rest coerced from text; each distinct schema compiled once (compiled-schemas.ts). */
export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) =>
  httpPart === 'body' ? compiledStrict(schema as object) : compiledCoercing(schema as object);

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

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a text cannot be stored, or undefined when it can. */
export function unstorableText(value: string): FieldError['message'] | undefined {
  const found = UNSTORABLE.exec(value);
  if (!found) return undefined;
  return found[0] === '\u0000' ? 'must not contain NUL characters (U+0000)' : 'must be valid Unicode text: it holds a lone UTF-16 surrogate';
}

/** Every text in a parsed value that cannot be stored, as field errors named like the schema's. */
export function unstorableFields(value: unknown, path: string, errors: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    const message = unstorableText(value);
    if (message) errors.push({ field: path, code: 'invalidCharacters', message });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unstorableFields(item, path ? `${path}.${i}` : String(i), errors));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      const keyMessage = unstorableText(key);
      if (keyMessage) errors.push({ field, code: 'invalidCharacters', message: `the field name ${keyMessage}` });
      else unstorableFields(item, field, errors);
    }
  }
  return errors;
}

/**
 * The check of every request's text, run as the last preValidation hook (after authentication and
 * role checks, before the schemas): throws a 400 naming each field that cannot be stored.
 */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  const errors: FieldError[] = [];
  const queryStart = request.url.indexOf('?');
  if (queryStart >= 0) {
    try {
      decodeURIComponent(request.url.slice(queryStart + 1).replace(/\+/g, ' '));
    } catch {
      errors.push({ field: 'query', code: 'invalidCharacters', message: 'the query string is not valid percent-encoded UTF-8 (e.g. %ff)' });
    }
  }
  unstorableFields(request.params, '', errors);
  unstorableFields(request.query, '', errors);
  if (request.body && typeof request.body === 'object' && !Buffer.isBuffer(request.body)) unstorableFields(request.body, '', errors);
  else if (typeof request.body === 'string') unstorableFields(request.body, 'body', errors);
  if (errors.length) throw invalid(errors);
}
