// SPDX-License-Identifier: EUPL-1.2
// What happens when a municipality joins the installation: every module that keeps per-tenant
// set-up (the archive's fonds and series, …) gets its turn through its manifest's `setUpTenant`,
// so the CLI, the demo seed and tests all add municipalities the same way, and this module
// imports none of them.
import type { AppContext } from '../platform/context.ts';
import { enterTenant, withTenant, withoutTenant, type Tx } from '../platform/db/transaction.ts';
import { conflict, invalid } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { findTenantByNumber, findTenantBySlug, insertTenant } from './repository.ts';
import { defaultLanguage, validateNewTenant, type NewTenant, type Tenant } from './tenant.ts';

/** Adds the municipality's own row only; addMunicipality is what callers want. */
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

async function setUpModules(ctx: AppContext, tx: Tx, tenant: Tenant, at: Date): Promise<void> {
  for (const module of ctx.modules) if (module.setUpTenant) await module.setUpTenant(tx, tenant, at);
}

/** Adds a municipality with every module's set-up in one transaction: it exists with all of it, or not at all. */
export async function addMunicipality(ctx: AppContext, input: NewTenant): Promise<Tenant> {
  const at = ctx.clock.now();
  return withoutTenant(ctx.db, async (tx) => {
    const tenant = await addTenant(tx, input, at);
    await enterTenant(tx, tenant.id);
    await setUpModules(ctx, tx, tenant, at);
    return tenant;
  });
}

/** Completes the set-up of an existing municipality (idempotent): for installations made before a new step existed. */
export async function completeTenantSetUp(ctx: AppContext, tenant: Tenant): Promise<void> {
  await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'setup', name: 'Rådhus set-up' } }, (tx) =>
    setUpModules(ctx, tx, tenant, ctx.clock.now()),
  );
}
