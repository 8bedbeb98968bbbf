// SPDX-License-Identifier: EUPL-1.2
// What happens when a municipality joins the installation: every capability that keeps per-tenant
// set-up gets its turn here, so the CLI, the demo seed and tests all add tenants the same way.
import type { AppContext } from '../platform/context.ts';
import { withTenant } from '../platform/db/transaction.ts';
import type { Tenant } from './tenant.ts';
import { bootstrapArchive } from '../archive/service.ts';

export async function onTenantAdded(ctx: AppContext, tenant: Tenant): Promise<void> {
  await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'setup', name: 'Rådhus set-up' } }, (tx) =>
    bootstrapArchive(tx, tenant, ctx.clock.now()),
  );
}
