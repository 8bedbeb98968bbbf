// SPDX-License-Identifier: EUPL-1.2
import { Type } from 'typebox';
import type { App, Module } from '../platform/http/app.ts';
import { withPublic } from '../platform/db/transaction.ts';
import { notFound } from '../platform/http/problem.ts';
import { findPublicTenantBySlug, listPublicTenants } from './repository.ts';
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
    // Public, so they read under radhus_public, which sees only the public fields of municipalities.
    app.get(
      '/api/v1/tenants',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'listTenants',
          tags: ['tenants'],
          summary: 'The municipalities served by this installation',
          security: [],
          response: { 200: Type.Object({ items: Type.Array(TenantSchema) }) },
        },
      },
      async () => ({ items: await withPublic(ctx.db, (tx) => listPublicTenants(tx)) }),
    );
    app.get(
      '/api/v1/:tenant',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'getTenant',
          tags: ['tenants'],
          summary: 'One municipality',
          security: [],
          params: Type.Object({ tenant: Type.String() }),
          response: { 200: TenantSchema },
        },
      },
      async (request) => {
        const { tenant: slug } = request.params as { tenant: string };
        const tenant = await withPublic(ctx.db, (tx) => findPublicTenantBySlug(tx, slug));
        if (!tenant) throw notFound(`the municipality "${slug}"`);
        return tenant;
      },
    );
  },
};
