// SPDX-License-Identifier: EUPL-1.2
import { resolve } from 'node:path';
import { exportFgs, progress } from '../../deposit/service.ts';
import { processOutput } from '../io.ts';
import { requireTenant } from '../tenant-arg.ts';
import { text, type ContextCommand } from '../command.ts';

export const exportFgsCommand: ContextCommand = {
  kind: 'context',
  name: 'export fgs',
  summary: 'Write a Swedish FGS deposit package (E-ARK SIP with CITS ERMS) of a municipality\'s series',
  description: [
    'Writes an E-ARK SIP following FGS Paketstruktur 2.0 (CSIP/SIP 2.1.0): METS.xml with SHA-256 checksums,',
    'metadata/descriptive/ERMS.xml (FGS Ärendehantering 2.0 = CITS ERMS), the documents under',
    'representations/rep1/data and the schemas used under schemas/.',
    'Interrupted? Run it again with the same --out: documents already there are kept, the package id stays.',
  ],
  remote: true,
  options: {
    tenant: { type: 'string', required: true, value: 'slug', description: 'The municipality, e.g. aneby' },
    series: { type: 'string', required: true, value: 'id|all', description: 'The series by id or systemID, or all' },
    out: { type: 'string', required: true, value: 'dir', description: 'The folder to write the package to (made if missing)', path: true },
  },
  examples: ['radhus export fgs --tenant aneby --series all --out /srv/deposit/aneby-2026'],
  async run({ ctx, values, io, operator }) {
    const tenant = await requireTenant(ctx, text(values, 'tenant'));
    const out = resolve(text(values, 'out'));
    const tty = io === processOutput && process.stderr.isTTY ? process.stderr : null;
    const result = await exportFgs(ctx, {
      tenant,
      series: text(values, 'series'),
      out,
      actor: operator,
      progress: progress((line) => io.err(`  ${line}`), { tty }),
      warn: (line) => io.err(`warning: ${line}`),
    });
    const c = result.counts;
    io.out(`Wrote ${out} (${result.objectId}): ${c.caseFiles} case file(s), ${c.records} record(s), ${c.packageFiles} document file(s), ${c.restricted} restriction(s).`);
    return 0;
  },
};
