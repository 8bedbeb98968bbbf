// SPDX-License-Identifier: EUPL-1.2
// What happens when a municipality joins the installation: every module that keeps per-tenant
// set-up (the archive's fonds and series, …) gets its turn through its manifest's `setUpTenant`,
// so the CLI, the demo seed and tests all add municipalities the same way, and this module
// imports none of them.
import type { AppContext } from '../platform/context.ts';
import { enterTenant, withTenant, withoutTenant, type Tx } from '../platform/db/transaction.ts';
import type { NewTenant, Tenant } from './tenant.ts';
import { addTenant } from './service.ts';

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
