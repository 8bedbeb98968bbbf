// SPDX-License-Identifier: EUPL-1.2
// Resolves the `{tenant}` path segment of every tenant route to a municipality, or 404.
import type { App } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { findTenantBySlug } from './repository.ts';

export async function registerTenantResolution(app: App, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', async (request) => {
    const slug = (request.params as Record<string, string> | undefined)?.tenant;
    if (!slug) return;
    const tenant = /^[a-z][a-z0-9-]{1,39}$/.test(slug) ? await withoutTenant(ctx.db, (tx) => findTenantBySlug(tx, slug)) : undefined;
    if (!tenant) throw new ProblemError('notFound', `no municipality "${slug}" in this installation; GET /api/v1/tenants lists them`);
    request.tenant = tenant;
  });
}
