// SPDX-License-Identifier: EUPL-1.2
// A tenant is a municipality. Pure rules for what a valid one looks like.
import type { FieldError } from '../platform/http/problem.ts';
import { languages, type TenantRef } from '../platform/http/auth.ts';

export type Tenant = TenantRef;
export type Country = Tenant['country'];
export type Language = Tenant['language'];

export interface NewTenant {
  slug: string;
  officialNumber: string;
  name: string;
  country: Country;
  language?: Language;
}

export const defaultLanguage = (country: Country): Language => (country === 'NO' ? 'nb' : 'sv');

/** Norwegian kommunenummer and Swedish kommunkod are both four digits; the first two name the county (fylke/län). */
/**
 * Slugs that would collide with installation-wide routes such as /api/v1/tenants and /api/v1/session,
 * or with top-level paths beside the public front pages at /{slug} (/static, /dev/mailbox, /metrics).
 */
export const reservedSlugs = new Set(['tenants', 'session', 'sessions', 'auth', 'app', 'admin', 'api', 'openapi', 'healthz', 'demo-idp', 'static', 'dev', 'metrics']);

export function validateNewTenant(input: NewTenant): FieldError[] {
  const errors: FieldError[] = [];
  if (!/^[a-z][a-z0-9-]{1,39}$/.test(input.slug))
    errors.push({ field: 'slug', code: 'pattern', message: 'use 2–40 lower-case letters a–z, digits and hyphens, starting with a letter (e.g. "nassjo")' });
  else if (reservedSlugs.has(input.slug)) errors.push({ field: 'slug', code: 'reserved', message: `"${input.slug}" is reserved for the installation's own routes; choose another` });
  if (!/^\d{4}$/.test(input.officialNumber))
    errors.push({ field: 'officialNumber', code: 'pattern', message: 'must be the four-digit kommunenummer (NO) or kommunkod (SE), e.g. 5532 or 0682' });
  else if (input.country === 'SE' && (Number(input.officialNumber.slice(0, 2)) < 1 || Number(input.officialNumber.slice(0, 2)) > 25))
    errors.push({ field: 'officialNumber', code: 'invalidCounty', message: 'a Swedish kommunkod starts with a län code from 01 to 25' });
  else if (input.country === 'NO' && Number(input.officialNumber.slice(0, 2)) < 3)
    errors.push({ field: 'officialNumber', code: 'invalidCounty', message: 'a Norwegian kommunenummer starts with a fylke number from 03' });
  if (!input.name.trim() || input.name.length > 200) errors.push({ field: 'name', code: input.name.trim() ? 'tooLong' : 'required', message: 'must be 1–200 characters' });
  if (input.country !== 'NO' && input.country !== 'SE') errors.push({ field: 'country', code: 'notAllowed', message: 'must be NO or SE' });
  if (input.language && !(languages as readonly string[]).includes(input.language))
    errors.push({ field: 'language', code: 'notAllowed', message: `must be one of ${languages.join(', ')}` });
  return errors;
}
