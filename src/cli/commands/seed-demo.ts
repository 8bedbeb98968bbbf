// SPDX-License-Identifier: EUPL-1.2
import { withoutTenant } from '../../platform/db/transaction.ts';
import { listTenants } from '../../tenants/service.ts';
import { loadDemoData } from '../../platform/modules.ts';
import type { ContextCommand } from '../command.ts';

export const seedDemoCommand: ContextCommand = {
  kind: 'context',
  name: 'seed-demo',
  summary: 'Load the demo municipalities (Balsfjord and the Höglandet five); running it again changes nothing',
  description: ['Their people have synthetic identity numbers. `radhus serve` does this by itself on an empty database.'],
  remote: true,
  options: {},
  async run({ ctx, io }) {
    const added = await loadDemoData(ctx, (line) => io.out(line));
    if (added.length) {
      io.out(`Loaded demo data into ${added.join(', ')}.`);
      return 0;
    }
    const slugs = (await withoutTenant(ctx.db, (tx) => listTenants(tx))).map((t) => t.slug);
    io.out(`Nothing to do: the demo data is loaded already (municipalities: ${slugs.join(', ') || 'none'}).`);
    return 0;
  },
};
