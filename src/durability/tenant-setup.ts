// SPDX-License-Identifier: EUPL-1.2
// A municipality with its archive and a system token, written straight to the database (as the
// `tenant add` and `token create` commands do) — for the crash test and the benchmark.
import { loadConfig, type Config } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { createToken } from '../identity/tokens.ts';
import { addMunicipality } from '../tenants/lifecycle.ts';
import type { Tenant } from '../tenants/tenant.ts';

export function testConfig(dataDir: string, databaseUrl: string | undefined): Config {
  return loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, RADHUS_SEED_DEMO: 'false', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
}

export async function addTenantWithToken(ctx: AppContext, slug: string, officialNumber = '5532'): Promise<{ tenant: Tenant; token: string }> {
  const tenant = await addMunicipality(ctx, { slug, officialNumber, name: `${slug} kommune`, country: 'NO' });
  const created = await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'durability', name: 'durability' } }, (tx) =>
    createToken(tx, { tenantId: tenant.id, role: 'system', name: `${slug} system`, createdBy: 'durability', at: ctx.clock.now() }),
  );
  return { tenant, token: created.token };
}

/** Sets up the tenant and closes the database again, so the server process can open it alone. */
export async function prepareDataDir(config: Config, slug: string): Promise<{ token: string }> {
  const { openContext } = await import('../radhus.ts');
  const ctx = await openContext(config);
  try {
    const { token } = await addTenantWithToken(ctx, slug);
    return { token };
  } finally {
    await ctx.db.close();
  }
}
