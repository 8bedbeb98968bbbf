// SPDX-License-Identifier: EUPL-1.2
// Schema validation reports each failing field once, with a code from the catalogue the web UI has
// texts for (src/common/errors.ts): never a JSON Schema keyword, never "must match a schema in anyOf".
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import type { ErrorObject } from 'ajv';
import { isFieldErrorCode } from '../../common/errors.ts';
import { fieldErrors, keywordCode, validatorCompiler } from './validation.ts';

const Screening = Type.Object({ legalBasis: Type.String({ minLength: 1, maxLength: 5 }), until: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])) }, { additionalProperties: false });
const Body = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 10 }),
    code: Type.Optional(Type.String({ minLength: 3, pattern: '^[a-z]+$' })),
    status: Type.Optional(Type.Union(['open', 'closed'].map((s) => Type.Literal(s)))),
    kind: Type.Optional(Type.String({ enum: ['a', 'b'] })),
    count: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
    tags: Type.Optional(Type.Array(Type.String(), { minItems: 1, maxItems: 2, uniqueItems: true })),
    id: Type.Optional(Type.String({ format: 'uuid' })),
    email: Type.Optional(Type.String({ format: 'email' })),
    at: Type.Optional(Type.String({ format: 'date-time' })),
    screening: Type.Optional(Type.Union([Screening, Type.Null()])),
  },
  { additionalProperties: false },
);
const Patch = Type.Object({ title: Type.Optional(Type.String()) }, { additionalProperties: false, minProperties: 1 });

function validate(schema: object, body: unknown) {
  const check = validatorCompiler({ schema, httpPart: 'body', method: 'POST', url: '/' }) as ((data: unknown) => boolean) & { errors?: ErrorObject[] };
  expect(check(body)).toBe(false);
  return fieldErrors(check.errors ?? [], 'body');
}

// The last code of each field; fields with two codes are checked one by one below.
const codes = (errors: { field: string; code: string }[]) => Object.fromEntries(errors.map((e) => [e.field, e.code]));

describe('field errors from schema validation', () => {
  it('name each failing field once with a catalogue code', () => {
    const errors = validate(Body, {
      title: '',
      code: 'A1',
      status: 'maybe',
      kind: 'c',
      count: 10,
      tags: ['x', 'x', 'y'],
      id: 'nope',
      email: 'nope',
      at: 'yesterday',
      colour: 'red',
      screening: { legalBasis: 'far too long', until: '2026-02-30' },
    });
    expect(codes(errors)).toEqual({
      title: 'required',
      code: 'pattern',
      status: 'notAllowed',
      kind: 'notAllowed',
      count: 'tooLarge',
      tags: 'duplicate',
      id: 'invalidId',
      email: 'invalidEmail',
      at: 'invalidDateTime',
      colour: 'unknownField',
      'screening.legalBasis': 'tooLong',
      'screening.until': 'invalidDate',
    });
    // tags also fails uniqueItems and code also minLength: every code is reported, once each.
    expect(errors.filter((e) => e.field === 'tags').map((e) => e.code).sort()).toEqual(['duplicate', 'tooMany']);
    expect(errors.filter((e) => e.field === 'code').map((e) => e.code).sort()).toEqual(['pattern', 'tooShort']);
    expect(errors.every((e) => isFieldErrorCode(e.code))).toBe(true);
  });

  it('report a nullable object by what is wrong inside it, not as "must match a schema in anyOf"', () => {
    const errors = validate(Body, { title: 'x', screening: {} });
    expect(errors).toEqual([{ field: 'screening.legalBasis', code: 'required', message: 'is required' }]);
    expect(JSON.stringify(errors)).not.toMatch(/anyOf|null/);
  });

  it('report a wrong type, a missing field and an empty patch', () => {
    expect(codes(validate(Body, { count: 'x', screening: 'y' }))).toEqual({ title: 'required', count: 'wrongType', screening: 'wrongType' });
    expect(validate(Patch, {})).toEqual([{ field: 'body', code: 'noChanges', message: expect.any(String) }]);
  });

  it('map every JSON Schema keyword to a catalogue code', () => {
    const keywords = ['required', 'additionalProperties', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'enum', 'const', 'type', 'pattern', 'format', 'uniqueItems', 'minProperties', 'maxProperties', 'multipleOf', 'anyOf', 'oneOf', 'not', 'if', 'dependentRequired', 'contains', 'propertyNames'];
    for (const keyword of keywords) for (const params of [{}, { limit: 1 }, { format: 'date' }, { format: 'hostname' }]) expect(isFieldErrorCode(keywordCode({ keyword, params })), keyword).toBe(true);
  });
});
