// SPDX-License-Identifier: EUPL-1.2
import { Type } from 'typebox';
import type { App, Module } from '../platform/http/app.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import { listTenants } from './repository.ts';
import { languageSchema, type Language } from '../platform/http/auth.ts';

export const TenantSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  name: Type.String(),
  officialNumber: Type.String({ description: 'kommunenummer (NO) or kommunkod (SE)' }),
  country: Type.Union([Type.Literal('NO'), Type.Literal('SE')]),
  language: Type.Unsafe<Language>(languageSchema),
});

export const tenantsModule: Module = {
  name: 'tenants',
  async register(app: App, ctx) {
    app.get(
      '/api/v1/tenants',
      {
        schema: {
          operationId: 'listTenants',
          tags: ['tenants'],
          summary: 'The municipalities served by this installation',
          security: [],
          response: { 200: Type.Object({ items: Type.Array(TenantSchema) }) },
        },
      },
      async () => ({ items: await withoutTenant(ctx.db, (tx) => listTenants(tx)) }),
    );
    app.get(
      '/api/v1/:tenant',
      {
        schema: {
          operationId: 'getTenant',
          tags: ['tenants'],
          summary: 'One municipality',
          security: [],
          params: Type.Object({ tenant: Type.String() }),
          response: { 200: TenantSchema },
        },
      },
      async (request) => request.tenant!,
    );
  },
};
