// SPDX-License-Identifier: EUPL-1.2
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { withTenant } from '../../platform/db/transaction.ts';
import { importProperties } from '../../properties/service.ts';
import { requireTenant } from '../tenant-arg.ts';
import { text, type ContextCommand } from '../command.ts';

export const importPropertiesCommand: ContextCommand = {
  kind: 'context',
  name: 'import properties',
  summary: 'Import the property register for My page: matrikkel units, owners, services (water, sewage, waste) and fees',
  description: [
    'CSV (one fact per line) or JSON (one object per property); the format is in docs/my-page.md.',
    'All or nothing: a file with any bad line is refused whole and every bad line is listed with its line',
    'number and field. A good file replaces, for each property it names, the owners, services and fees held before.',
  ],
  remote: true,
  arguments: [{ name: 'file', description: 'the register file (.csv or .json)', normalise: (value) => resolve(value) }],
  options: {
    tenant: { type: 'string', required: true, value: 'slug', description: 'The municipality the register belongs to, e.g. balsfjord' },
  },
  examples: ['radhus import properties /srv/import/eiendommer.csv --tenant balsfjord'],
  async run({ ctx, values, io, operator }) {
    const tenant = await requireTenant(ctx, text(values, 'tenant'));
    const path = text(values, 'file');
    let content: string;
    try {
      content = await readFile(path, 'utf8');
    } catch (error) {
      io.err(`radhus import properties: cannot read ${path}: ${(error as Error).message}`);
      return 1;
    }
    const report = await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: operator, name: operator } }, (tx) =>
      importProperties(tx, { tenantId: tenant.id, officialNumber: tenant.officialNumber, country: tenant.country, actor: `cli:${operator}:${operator}`, at: ctx.clock.now() }, { name: basename(path), text: content }),
    );
    if (!report.imported) {
      for (const r of report.rejected) io.err(`  line ${r.line}, ${r.field}: ${r.message}`);
      io.err(`radhus import properties: ${report.rejected.length} bad line(s) in ${basename(path)}; nothing was imported into ${tenant.slug}.`);
      return 1;
    }
    io.out(`Imported ${report.properties} propert${report.properties === 1 ? 'y' : 'ies'} into ${tenant.slug} (${report.format}): ${report.owners} owner(s), ${report.services} service(s), ${report.fees} fee(s) and invoice(s).`);
    return 0;
  },
};
