// SPDX-License-Identifier: EUPL-1.2
import { exportNoark5 } from '../../deposit/service.ts';
import type { ContextCommand } from '../command.ts';
import { depositExportInput, depositExportOptions } from './deposit-export.ts';

export const exportNoark5Command: ContextCommand = {
  kind: 'context',
  name: 'export noark5',
  summary: 'Write a Noark 5 v5.5 extraction (avleveringspakke) of a municipality\'s series for the depot',
  description: [
    'Writes arkivstruktur.xml, endringslogg.xml, loependeJournal.xml, offentligJournal.xml, arkivuttrekk.xml (ADDML),',
    'the official XSDs and the documents in archival format under dokumenter/. A deposit takes closed case files:',
    'the command says which series are still open and how many case files it leaves out.',
    'Documents without an archival format are converted to PDF/A with LibreOffice (soffice) when it is installed.',
    'Interrupted? Run it again with the same --out: documents already there are kept.',
  ],
  // Inside a running server on PGlite: it reads in batches, one short transaction each.
  remote: true,
  // Reads the archive and writes files: run on its own, it loads no capability (a smaller process).
  withoutModules: true,
  options: depositExportOptions('balsfjord'),
  examples: ['radhus export noark5 --tenant balsfjord --series all --out /srv/deposit/balsfjord-2026'],
  async run({ ctx, values, io, operator }) {
    const input = await depositExportInput(ctx, values, io, operator);
    const { out } = input;
    const result = await exportNoark5(ctx, input);
    const c = result.counts;
    io.out(`Wrote ${out}: ${c.mappe} case file(s), ${c.registrering} registry entr(ies), ${c.files} document file(s), ${c.endring} change(s) in the change log` +
      `${result.converted ? `, ${result.converted} document(s) converted to PDF/A` : ''}.`);
    if (result.unconverted.length) io.out(`${result.unconverted.length} document(s) are not in an archival format (see the warning above).`);
    return 0;
  },
};
