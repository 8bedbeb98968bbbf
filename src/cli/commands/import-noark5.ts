// SPDX-License-Identifier: EUPL-1.2
import { resolve } from 'node:path';
import { isLanguage, languages, type Language } from '../../common/languages.ts';
import { checkImport, ImportFileError, loadPackage, PackageNotFound, progress, renderReport } from '../../deposit/service.ts';
import { processOutput } from '../io.ts';
import { requireTenant } from '../tenant-arg.ts';
import { text, type ContextCommand } from '../command.ts';

export const importNoark5Command: ContextCommand = {
  kind: 'context',
  name: 'import noark5',
  summary: 'Load a Noark 5 extraction made by another system into new series of a municipality',
  description: [
    'Checks the package first, the way `radhus verify noark5` does (checksums, files, schemas shipped with it,',
    'references, namespace), then reads arkivstruktur.xml as a stream and reports what it cannot map.',
    'Takes Noark 5 v3.1, v4.0 and v5.0–5.5. A refused package is reported with file, element and line, and',
    'nothing is written. A package that passes is loaded in one transaction into new series: classes, case files',
    'and registry entries with their original numbers and systemIDs, documents (copied into the file store,',
    'SHA-256 checked), remarks, cross-references, retention, conversions, deletions and executed disposals (with',
    'their own dates and persons) and the change log. All or nothing: on any error nothing is written. See',
    'docs/deposit.md, "Import".',
  ],
  remote: false,
  arguments: [{ name: 'dir', description: 'the folder of the package (the one holding arkivuttrekk.xml)', normalise: (value) => resolve(value) }],
  options: {
    tenant: { type: 'string', required: true, value: 'slug', description: 'The municipality to load into, e.g. balsfjord' },
    lang: { type: 'string', value: 'language', description: 'Language of the verification report (default nb)', choices: languages, normalise: (v) => v.toLowerCase() },
  },
  examples: ['radhus import noark5 /srv/import/old-system-2019 --tenant balsfjord'],
  async run({ ctx, values, io, operator }) {
    const tenant = await requireTenant(ctx, text(values, 'tenant'));
    const lang: Language = isLanguage(values.lang) ? values.lang : 'nb';
    let checked;
    try {
      checked = await checkImport(text(values, 'dir'), { ctx, tenant });
    } catch (error) {
      if (!(error instanceof PackageNotFound)) throw error;
      io.err(`radhus import noark5: ${error.message}`);
      return 1;
    }
    const { report, plan } = checked;
    if (!plan) {
      for (const line of renderReport(report, lang)) io.out(line);
      io.err(`radhus import noark5: the package failed verification (see the report above); nothing was written to ${tenant.slug}.`);
      return 1;
    }
    const c = plan.counts;
    io.out(`Package ${report.dir}: Noark 5 ${plan.version ?? '?'}, ${c.arkivdel} series, ${c.klasse} class(es), ${c.mappe} case file(s), ${c.registrering} registry entr(ies), ${c.dokumentobjekt} document file(s).`);
    for (const u of plan.unmapped) io.out(`  not mapped: ${u.message === 'unmappedUnit' ? `${u.element} of type` : 'element'} ${u.message === 'unmappedUnit' ? u.detail : `${u.element} (${u.detail})`} [file ${u.file}, element ${u.element}, line ${u.line ?? '?'}]`);
    for (const e of plan.errors) io.err(`  refused: ${e.message}${e.detail ? ` ${e.detail}` : ''} [file ${e.file}, element ${e.element}${e.line ? `, line ${e.line}` : ''}${e.systemId ? `, systemID ${e.systemId}` : ''}]`);
    if (checked.status === 'refused') {
      io.err(`radhus import noark5: the package cannot be imported (see above); nothing was written to ${tenant.slug}.`);
      return 1;
    }
    const tty = io === processOutput && process.stderr.isTTY ? process.stderr : null;
    try {
      const loaded = await loadPackage(report.dir, plan, { ctx, tenant, actor: operator, progress: progress((line) => io.err(`  ${line}`), { tty }) });
      const n = loaded.counts;
      io.out(`Loaded into ${tenant.slug}: ${n.series} series (${loaded.series.map((s) => `"${s.title}"`).join(', ')}), ${n.classes} class(es), ${n.caseFiles} case file(s), ${n.entries} registry entr(ies), ${n.documents} document(s), ${n.files} file(s), ${n.crossReferences} cross-reference(s), ${n.changes} change(s).`);
      for (const [what, count] of loaded.unmapped) io.out(`  note: ${what}, ${count}×`);
      return 0;
    } catch (error) {
      if (error instanceof ImportFileError) {
        io.err(`  refused: ${error.message} [file ${error.file}, element ${error.element}]`);
        io.err(`radhus import noark5: the package cannot be imported (see above); nothing was written to ${tenant.slug}.`);
        return 1;
      }
      io.err(`radhus import noark5: loading failed, nothing was written to ${tenant.slug}: ${(error as Error).message}`);
      return 1;
    }
  },
};
