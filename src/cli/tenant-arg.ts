// SPDX-License-Identifier: EUPL-1.2
// Resolves the --tenant slug given to a command, with the list of slugs when it is wrong.
import type { AppContext } from '../platform/context.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { findTenantBySlug, listTenants } from '../tenants/service.ts';
import type { Tenant } from '../tenants/tenant.ts';

export async function requireTenant(ctx: AppContext, slug: string): Promise<Tenant> {
  return withoutTenant(ctx.db, async (tx) => {
    const tenant = await findTenantBySlug(tx, slug);
    if (tenant) return tenant;
    const known = (await listTenants(tx)).map((t) => t.slug);
    // An empty installation usually means the wrong folder or database: say which one was used.
    const where = ctx.config.databaseUrl ? 'the database in DATABASE_URL' : `the data folder ${ctx.config.dataDir} (DATA_DIR)`;
    const hint = known.length
      ? `the municipalities here are: ${known.join(', ')}`
      : `${where} has none yet: check DATA_DIR/DATABASE_URL, or add one with \`radhus tenant add\` or \`radhus seed-demo\``;
    throw new ProblemError('notFound', `no municipality with slug "${slug}"; ${hint}`, [{ field: 'tenant', code: 'notFound', message: 'is not a municipality in this installation' }]);
  });
}
