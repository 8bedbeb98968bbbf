// SPDX-License-Identifier: EUPL-1.2
// The OParl 1.1 JSON schemas (standards/oparl/schema, unchanged) compiled with ajv, for the tests:
// every object the API answers is checked against its type's schema, and so is every object it
// embeds. The schemas link embedded objects with their own keyword `"schema": "File.json"`, which a
// plain validator ignores; here that keyword validates the embedded value against the named schema,
// so an embedded agendaItem or file is held to OParl as strictly as one fetched at its own URL.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const dir = fileURLToPath(new URL('../../standards/oparl/schema', import.meta.url));
const validators = new Map<string, ValidateFunction>();

// OParl's type URLs use "\:" and "\/" escapes, invalid in a unicode regular expression (SOURCE.txt).
const ajv = new Ajv.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
// "url" is OParl's own format: an absolute http(s) URL.
ajv.addFormat('url', (v: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
});
for (const keyword of ['references', 'backreference', 'cardinality']) ajv.addKeyword({ keyword });
ajv.addKeyword({
  keyword: 'schema',
  errors: true,
  validate: function check(this: unknown, name: string, data: unknown) {
    if (typeof data !== 'object' || data === null) return true;
    const validate = validators.get(name.replace(/\.json$/, ''));
    if (!validate) return true;
    const ok = validate(data);
    (check as unknown as { errors: unknown[] }).errors = (validate.errors ?? []).map((e) => ({ ...e, message: `embedded ${name}: ${e.instancePath} ${e.message}` }));
    return ok;
  },
});

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  validators.set(file.replace(/\.json$/, ''), ajv.compile(schema));
}

export const oparlTypes = [...validators.keys()];

/** The schema violations of one OParl object, by its `type` (an unknown type is itself a violation). */
export function oparlErrors(object: unknown): string[] {
  const type = (object as { type?: unknown })?.type;
  const name = typeof type === 'string' ? /^https:\/\/schema\.oparl\.org\/1\.1\/([A-Za-z]+)$/.exec(type)?.[1] : undefined;
  const validate = name ? validators.get(name) : undefined;
  if (!validate) return [`not an OParl 1.1 type: ${String(type)}`];
  return validate(object) ? [] : (validate.errors ?? []).map((e) => `${name}${e.instancePath} ${e.message ?? ''}`.trim());
}
