// SPDX-License-Identifier: EUPL-1.2
// Loading the demo municipalities from the command line and at the first start of a server.
import type { AppContext } from '../platform/context.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import { listTenants } from '../tenants/service.ts';
import { seedDemo } from '../demo/seed.ts';

export const tenantSlugs = async (ctx: AppContext): Promise<string[]> =>
  (await withoutTenant(ctx.db, (tx) => listTenants(tx))).map((t) => t.slug);

/** Seeds (idempotent) and returns the slugs that got demo data now; none on a second run. */
export async function seedAndReport(ctx: AppContext, log: (line: string) => void): Promise<string[]> {
  const { added } = await seedDemo(ctx, log);
  return added;
}
