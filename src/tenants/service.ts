// SPDX-License-Identifier: EUPL-1.2
// The tenants module's service interface: what other modules, the CLI and the demo seed may call.
// Adding a municipality is an installation task: lifecycle.ts adds it together with every module's
// per-tenant set-up in one transaction.
import { findTenantBySlug, listPublicTenants, listTenants } from './repository.ts';

export { findTenantBySlug, listPublicTenants, listTenants };
export { addTenant, addMunicipality, completeTenantSetUp } from './lifecycle.ts';
export type { NewTenant, Tenant } from './tenant.ts';
