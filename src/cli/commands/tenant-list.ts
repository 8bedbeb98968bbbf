// SPDX-License-Identifier: EUPL-1.2
import { withoutTenant } from '../../platform/db/transaction.ts';
import { listTenants } from '../../tenants/service.ts';
import type { ContextCommand } from '../command.ts';
import { table } from '../io.ts';

export const tenantList: ContextCommand = {
  kind: 'context',
  name: 'tenant list',
  summary: 'List the municipalities of this installation',
  remote: true,
  options: {},
  async run({ ctx, io }) {
    const tenants = await withoutTenant(ctx.db, (tx) => listTenants(tx));
    if (!tenants.length) {
      io.out('No municipalities yet: add one with `radhus tenant add`, or load the demo with `radhus seed-demo`.');
      return 0;
    }
    const rows = tenants.map((t) => [t.slug, t.country, t.officialNumber, t.language, t.name]);
    for (const line of table(['SLUG', 'COUNTRY', 'NUMBER', 'LANGUAGE', 'NAME'], rows)) io.out(line);
    return 0;
  },
};
