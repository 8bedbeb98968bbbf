// SPDX-License-Identifier: EUPL-1.2
// Resolves the `{tenant}` path segment of every tenant route to a municipality, or 404.
// Found municipalities are remembered briefly: the lookup would otherwise be a transaction of its
// own on every request. Misses are not remembered, so a municipality added by another process
// (the CLI, a second server) is found at once; a renamed one shows its new name within a minute.
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { findTenantBySlug } from './repository.ts';
import type { Tenant } from './tenant.ts';

const REMEMBER_MS = 60_000;

export async function registerTenantResolution(app: App, ctx: AppContext): Promise<void> {
  const known = new Map<string, { tenant: Tenant; until: number }>();

  async function resolve(slug: string): Promise<Tenant | undefined> {
    const now = Date.now();
    const hit = known.get(slug);
    if (hit && hit.until > now) return hit.tenant;
    const tenant = await withoutTenant(ctx.db, (tx) => findTenantBySlug(tx, slug));
    if (tenant) known.set(slug, { tenant, until: now + REMEMBER_MS });
    else known.delete(slug);
    return tenant;
  }

  app.addHook('onRequest', async (request) => {
    const slug = (request.params as Record<string, string> | undefined)?.tenant;
    if (!slug) return;
    const tenant = /^[a-z][a-z0-9-]{1,39}$/.test(slug) ? await resolve(slug) : undefined;
    if (!tenant) throw new ProblemError('notFound', `no municipality "${slug}" in this installation; GET /api/v1/tenants lists them`);
    request.tenant = tenant;
  });
}
