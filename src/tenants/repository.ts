// SPDX-License-Identifier: EUPL-1.2
import type { Kysely } from 'kysely';
import { tables } from '../platform/db/transaction.ts';
import type { Tenant } from './tenant.ts';
import type { Language } from '../platform/http/auth.ts';

interface TenantsTable {
  id: string;
  slug: string;
  official_number: string;
  name: string;
  country: 'NO' | 'SE';
  language: Language;
  created_at: Date;
}
interface Tables {
  tenants: TenantsTable;
  /** The public fields of tenants: all that the radhus_public role may read of them. */
  public_tenants: Omit<TenantsTable, 'created_at'>;
}

const toTenant = (row: Omit<TenantsTable, 'created_at'>): Tenant => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  country: row.country,
  language: row.language,
  officialNumber: row.official_number,
});

export async function listTenants(tx: Kysely<any>): Promise<Tenant[]> {
  const rows = await tables<Tables>(tx).selectFrom('tenants').selectAll().orderBy('name').execute();
  return rows.map(toTenant);
}

/** The municipalities as the public sees them; works under withPublic. */
export async function listPublicTenants(tx: Kysely<any>): Promise<Tenant[]> {
  const rows = await tables<Tables>(tx).selectFrom('public_tenants').selectAll().orderBy('name').execute();
  return rows.map(toTenant);
}

export async function findPublicTenantBySlug(tx: Kysely<any>, slug: string): Promise<Tenant | undefined> {
  const row = await tables<Tables>(tx).selectFrom('public_tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && toTenant(row);
}

export async function findTenantBySlug(tx: Kysely<any>, slug: string): Promise<Tenant | undefined> {
  const row = await tables<Tables>(tx).selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && toTenant(row);
}

export async function findTenantByNumber(tx: Kysely<any>, country: string, officialNumber: string): Promise<Tenant | undefined> {
  const row = await tables<Tables>(tx)
    .selectFrom('tenants')
    .selectAll()
    .where('country', '=', country as 'NO')
    .where('official_number', '=', officialNumber)
    .executeTakeFirst();
  return row && toTenant(row);
}

export async function insertTenant(tx: Kysely<any>, tenant: Tenant, at: Date): Promise<void> {
  await tables<Tables>(tx)
    .insertInto('tenants')
    .values({
      id: tenant.id,
      slug: tenant.slug,
      official_number: tenant.officialNumber,
      name: tenant.name,
      country: tenant.country,
      language: tenant.language,
      created_at: at,
    })
    .execute();
}
