// SPDX-License-Identifier: EUPL-1.2
// What happens when a municipality joins the installation: every capability that keeps per-tenant
// set-up gets its turn here, so the CLI, the demo seed and tests all add tenants the same way.
import type { AppContext } from '../platform/context.ts';
import { enterTenant, withTenant, withoutTenant } from '../platform/db/transaction.ts';
import type { NewTenant, Tenant } from './tenant.ts';
import { addTenant } from './service.ts';
import { bootstrapArchive } from '../archive/service.ts';

/** Adds a municipality with its archive in one transaction: it exists with all of it, or not at all. */
export async function addTenantWithArchive(ctx: AppContext, input: NewTenant): Promise<Tenant> {
  const at = ctx.clock.now();
  return withoutTenant(ctx.db, async (tx) => {
    const tenant = await addTenant(tx, input, at);
    await enterTenant(tx, tenant.id);
    await bootstrapArchive(tx, tenant, at);
    return tenant;
  });
}

/** Completes the set-up of an existing municipality (idempotent): for installations made before a new step existed. */
export async function completeTenantSetUp(ctx: AppContext, tenant: Tenant): Promise<void> {
  await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'setup', name: 'Rådhus set-up' } }, (tx) =>
    bootstrapArchive(tx, tenant, ctx.clock.now()),
  );
}
