// SPDX-License-Identifier: EUPL-1.2
import { resolve } from 'node:path';
import { isLanguage, languages, type Language } from '../../common/languages.ts';
import { PackageNotFound, renderReport, reportJson, verifyNoark5 } from '../../deposit/service.ts';
import { text, type ProcessCommand } from '../command.ts';

export const verifyNoark5Command: ProcessCommand = {
  kind: 'process',
  name: 'verify noark5',
  summary: 'Check a Noark 5 extraction package (from any system) the way Arkade 5 does, before it leaves the building',
  description: [
    'Runs the checks of Arkade 5 on the package: checksums and counts in arkivuttrekk.xml, every XML file',
    'against its schemas (xmllint), document files referenced and present, system ids unique, references,',
    'dates, the journals against the archive, empty elements. Prints one verdict per check; exit code 0 when',
    'the package passes, 1 when a check found deviations, 2 when a check could not run (e.g. no xmllint).',
    'Reads the package as a stream; it needs no database. See docs/deposit.md.',
  ],
  arguments: [{ name: 'dir', description: 'the folder of the package (the one holding arkivuttrekk.xml)', normalise: (value) => resolve(value) }],
  options: {
    lang: { type: 'string', value: 'language', description: 'Language of the report (default nb)', choices: languages, normalise: (v) => v.toLowerCase() },
    json: { type: 'boolean', description: 'Print the report as JSON (for programs and the archivist UI)' },
  },
  examples: ['radhus verify noark5 /srv/deposit/2024-sakarkiv', 'radhus verify noark5 ./uttrekk --lang en --json > report.json'],
  async run({ values, io }) {
    const lang: Language = isLanguage(values.lang) ? values.lang : 'nb';
    let report;
    try {
      report = await verifyNoark5(text(values, 'dir'));
    } catch (error) {
      if (!(error instanceof PackageNotFound)) throw error;
      io.err(`radhus verify noark5: ${error.message}`);
      return 1;
    }
    if (values.json) io.out(JSON.stringify(reportJson(report, lang), null, 2));
    else for (const line of renderReport(report, lang)) io.out(line);
    return report.exitCode;
  },
};
