// SPDX-License-Identifier: EUPL-1.2
// Use cases for municipalities. Adding one is an installation task: lifecycle.ts adds it together
// with its archive (fonds, series, classes) in one transaction.
import { conflict, invalid } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import type { Tx } from '../platform/db/transaction.ts';
import { findTenantByNumber, findTenantBySlug, insertTenant, listTenants } from './repository.ts';
import { defaultLanguage, validateNewTenant, type NewTenant, type Tenant } from './tenant.ts';

export { findTenantBySlug, listTenants };

export async function addTenant(tx: Tx, input: NewTenant, at: Date): Promise<Tenant> {
  const errors = validateNewTenant(input);
  if (errors.length) throw invalid(errors);
  if (await findTenantBySlug(tx, input.slug)) throw conflict(`a municipality with slug "${input.slug}" exists already`, [{ field: 'slug', code: 'taken', message: 'is taken' }]);
  const sameNumber = await findTenantByNumber(tx, input.country, input.officialNumber);
  if (sameNumber) throw conflict(`${input.country} ${input.officialNumber} is already registered as "${sameNumber.slug}"`, [{ field: 'officialNumber', code: 'taken', message: 'is taken' }]);
  const tenant: Tenant = {
    id: newId(),
    slug: input.slug,
    officialNumber: input.officialNumber,
    name: input.name.trim(),
    country: input.country,
    language: input.language ?? defaultLanguage(input.country),
  };
  await insertTenant(tx, tenant, at);
  return tenant;
}
