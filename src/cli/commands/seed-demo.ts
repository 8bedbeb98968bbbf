// SPDX-License-Identifier: EUPL-1.2
import type { ContextCommand } from '../command.ts';
import { seedAndReport, tenantSlugs } from '../demo.ts';

export const seedDemoCommand: ContextCommand = {
  kind: 'context',
  name: 'seed-demo',
  summary: 'Load the demo municipalities (Balsfjord and the Höglandet five); running it again changes nothing',
  description: ['Their people have synthetic identity numbers. `radhus serve` does this by itself on an empty database.'],
  remote: true,
  options: {},
  async run({ ctx, io }) {
    const added = await seedAndReport(ctx, (line) => io.out(line));
    if (added.length) io.out(`Loaded demo data into ${added.join(', ')}.`);
    else io.out(`Nothing to do: the demo data is loaded already (municipalities: ${(await tenantSlugs(ctx)).join(', ') || 'none'}).`);
    return 0;
  },
};
