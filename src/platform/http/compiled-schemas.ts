// SPDX-License-Identifier: EUPL-1.2
// Validators (Ajv) and response serializers (fast-json-stringify) compiled once per process for
// each distinct schema, found again by the schema's content. Routes share schemas (the problem
// answer, a tenant's path parameters), and Fastify would compile each route's copy anew; where one
// process builds many apps (each test file builds its own in a reused worker), every app after the
// first compiled all of them again: about 1.5 s of CPU per app, half Ajv and half
// fast-json-stringify, which the cache turns into lookups.
//
// Content is the key, not the object: routes build their TypeBox objects when they register, so
// two apps never hand over the same object. A compiled function holds no state between calls that
// a second route could see (Ajv sets `errors` on the function during a synchronous call, which
// Fastify reads straight after).
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

/**
 * Memoizes `compile` by the JSON of its schema. What else a result depends on (strict or coercing
 * Ajv, the shared schemas of a `$ref`) gets a memo of its own.
 */
export function byContent<F>(compile: (schema: object) => F): (schema: object) => F {
  const compiled = new Map<string, F>();
  return (schema) => {
    const key = JSON.stringify(schema);
    let fn = compiled.get(key);
    if (!fn) {
      fn = compile(schema);
      compiled.set(key, fn);
    }
    return fn;
  };
}

const defaultSerializers = SerializerSelector();
type SerializerFactory = ReturnType<typeof SerializerSelector>;
type Serializer = ReturnType<ReturnType<SerializerFactory>>;
const serializerCaches = new Map<string, (schema: object) => Serializer>();

/**
 * Fastify's serializer factory with compiled serializers kept by content. The app's shared schemas
 * (addSchema: the problem answer) and the options are part of the key, since a `$ref` resolves
 * against them.
 */
export const cachedSerializers: SerializerFactory = (externalSchemas, options) => {
  const shared = JSON.stringify([externalSchemas ?? null, options ?? null]);
  let cache = serializerCaches.get(shared);
  if (!cache) {
    const compile = defaultSerializers(externalSchemas, options);
    cache = byContent((schema) => compile({ schema, method: '', url: '', httpStatus: '' }));
    serializerCaches.set(shared, cache);
  }
  const lookup = cache;
  return ({ schema }) => lookup(schema as object);
};

/** For Fastify({ schemaController }). */
export const schemaController: FastifyServerOptions['schemaController'] = { compilersFactory: { buildSerializer: cachedSerializers } };
