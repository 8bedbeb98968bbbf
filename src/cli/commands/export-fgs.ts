// SPDX-License-Identifier: EUPL-1.2
import { exportFgs } from '../../deposit/service.ts';
import type { ContextCommand } from '../command.ts';
import { depositExportInput, depositExportOptions } from './deposit-export.ts';

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
  // Reads the archive and writes files: run on its own, it loads no capability (a smaller process).
  withoutModules: true,
  options: depositExportOptions('aneby'),
  examples: ['radhus export fgs --tenant aneby --series all --out /srv/deposit/aneby-2026'],
  async run({ ctx, values, io, operator }) {
    const input = await depositExportInput(ctx, values, io, operator);
    const { out } = input;
    const result = await exportFgs(ctx, input);
    const c = result.counts;
    io.out(`Wrote ${out} (${result.objectId}): ${c.caseFiles} case file(s), ${c.records} record(s), ${c.packageFiles} document file(s), ${c.restricted} restriction(s).`);
    return 0;
  },
};
