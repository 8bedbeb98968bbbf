// SPDX-License-Identifier: EUPL-1.2
// The Noark 5 v5.5 avleveringspakke of a municipality's series: arkivstruktur.xml, endringslogg.xml,
// loependeJournal.xml, offentligJournal.xml, arkivuttrekk.xml (ADDML), the official XSDs unmodified
// and the documents under dokumenter/. Every XML file is written under a temporary name and renamed
// when complete, and documents already in place are kept, so an interrupted export is simply run
// again. A deposit takes closed case files (the schema requires avsluttetDato of every mappe); the
// export says which series are still open and how many case files it therefore leaves out.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AppContext } from '../../platform/context.ts';
import { withTenant } from '../../platform/db/transaction.ts';
import { codeNames, detectFormat, formatNumber } from '../../archive/service.ts';
import type { Tenant } from '../../tenants/service.ts';
import { readFrame, writeArkivstruktur, type WriteOptions } from './arkivstruktur.ts';
import { writeJournals } from './journals.ts';
import { writeChangeLog } from './changelog.ts';
import { writeAddml } from './addml.ts';
import { copyStored, extensionOf, findSoffice, isArchivalFormat } from './documents.ts';
import { convertToPdfA, sofficeTool } from './convert.ts';
import * as repo from './repository.ts';
import { objectsToDeposit, type Batch, type PackageFile, type UnitContext } from './units.ts';
import type { Progress } from './progress.ts';

export const schemaDir = fileURLToPath(new URL('../../../standards/noark5/', import.meta.url));
export const schemaFiles = ['arkivstruktur.xsd', 'endringslogg.xsd', 'loependeJournal.xsd', 'offentligJournal.xsd', 'metadatakatalog.xsd', 'addml.xsd'] as const;
export const xmlFiles = ['arkivstruktur.xml', 'endringslogg.xml', 'loependeJournal.xml', 'offentligJournal.xml'] as const;

export interface ExportOptions {
  tenant: Tenant;
  /** a series id or systemID, or 'all' */
  series: string;
  out: string;
  /** who runs it (avsluttetAv of what is still open, konvertertAv) */
  actor: string;
  progress: Progress;
  warn(line: string): void;
  batchSize?: number;
  /** where soffice is; undefined: look it up; null: do not convert */
  soffice?: string | null;
}

export interface ExportResult {
  out: string;
  series: { title: string; status: string; openCaseFiles: number }[];
  counts: UnitContext['counts'] & { endring: number; journalposter: number; files: number };
  unconverted: string[];
  converted: number;
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The first and last megabyte: enough for the magic bytes and the PDF/A marker. */
async function sample(path: string, size: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const part = 1 << 20;
    if (size <= 2 * part) {
      const whole = Buffer.alloc(size);
      await handle.read(whole, 0, size, 0);
      return whole;
    }
    const head = Buffer.alloc(part);
    const tail = Buffer.alloc(part);
    await handle.read(head, 0, part, 0);
    await handle.read(tail, 0, part, size - part);
    return Buffer.concat([head, tail]);
  } finally {
    await handle.close();
  }
}

/** How many document copies of a batch run at once. */
const COPY_CONCURRENCY = 8;

/** Runs the tasks with at most `limit` at a time; the first failure is thrown once all have stopped. */
async function inParallel(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

export async function exportNoark5(ctx: AppContext, o: ExportOptions): Promise<ExportResult> {
  // Case files (and journal posts) per read: 500 halved the time of 200 at the same memory (bench/deposit-export.ts).
  const batchSize = o.batchSize ?? 500;
  const at = ctx.clock.now();
  const docsDir = join(o.out, 'dokumenter');
  await mkdir(docsDir, { recursive: true });
  const read = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(ctx.db, { tenantId: o.tenant.id, actor: { kind: 'cli', id: o.actor, name: o.actor } }, work);
  const names = await read(async (tx) => ({ documentType: await codeNames(tx, 'document-type'), remarkType: await codeNames(tx, 'remark-type'), classificationType: await codeNames(tx, 'classification-type') }));

  const soffice = o.soffice === undefined ? await findSoffice() : o.soffice;
  let tool: Promise<string> | undefined;
  // Names in dokumenter/ from an earlier run, struck off as this run places them; what is left at the
  // end is no longer in the extraction. Not a set of every placed name: at a million documents that
  // set alone was tens of megabytes. Each object has one name (its systemID or its conversion's id)
  // and belongs to one registry entry, so a counter counts the files.
  const leftFromEarlier = new Set(await readdir(docsDir));
  let placedFiles = 0;
  const unconverted: string[] = [];
  let converted = 0;

  /** Whether a production object not recorded in an archival format really is none (recorded formats before 0014 came from the MIME type): its bytes decide. */
  const needsConversion = async (object: repo.ObjectRow, batch: Batch): Promise<boolean> =>
    object.variant === 'production' && !batch.conversions.has(object.id) && !isArchivalFormat(object.format) && !detectFormat(await ctx.files.read(object.checksum), object.mime_type).archival;

  const prepareFiles = async (batch: Batch): Promise<Map<string, PackageFile>> => {
    const placed = new Map<string, PackageFile>();
    const entries = new Map([...batch.entries.values()].flat().map((e) => [e.id, e]));
    const items: { object: repo.ObjectRow; label: string }[] = [];
    for (const [entryId, documents] of batch.documents) {
      const entry = entries.get(entryId)!;
      for (const d of documents) {
        if (batch.disposals.has(d.id) || batch.disposals.has(entry.case_file_id)) continue;
        for (const object of objectsToDeposit(batch.objects.get(d.id) ?? [], batch.deletions))
          items.push({ object, label: `${formatNumber(entry.entry_year, entry.entry_sequence)} dokument ${d.document_number} versjon ${object.version} (${object.file_name})` });
      }
    }

    // The batch's documents without an archival format go to LibreOffice together (convert.ts).
    if (soffice) {
      const toConvert: typeof items = [];
      await inParallel(items.map((item) => async () => void ((await needsConversion(item.object, batch)) && toConvert.push(item))), COPY_CONCURRENCY);
      if (toConvert.length) {
        const results = await convertToPdfA(ctx, { tenantId: o.tenant.id, actor: o.actor, soffice, tool: await (tool ??= sofficeTool(soffice)) }, toConvert.map((i) => i.object));
        for (const { object, label } of toConvert) {
          const result = results.get(object.id);
          // A document LibreOffice cannot read (damaged, or not what its name says) stays in its
          // production format and is named in the warning; the rest of the deposit goes on.
          if (!result || result instanceof Error) {
            o.warn(`could not convert ${label} to PDF/A: ${(result?.message ?? 'no result').split('\n')[0]}`);
            continue;
          }
          batch.conversions.set(object.id, result);
          converted++;
        }
      }
    }

    // A document copy is a handful of small file operations, each a round trip to the thread pool:
    // one after the other they were three quarters of the export's time (bench/deposit-export.ts).
    // A few at a time keep the pool busy; a batch bounds how many are waiting.
    await inParallel(items.map(({ object, label }) => async () => {
      const conversion = batch.conversions.get(object.id);
      const name = conversion ? `${conversion.id}.pdf` : `${object.system_id}${extensionOf(object)}`;
      const checksum = conversion ? conversion.to_checksum : object.checksum;
      const size = Number(conversion ? conversion.to_size : object.size);
      const target = join(docsDir, name);
      const copied = await copyStored(ctx, checksum, size, target);
      const detected = detectFormat(Buffer.isBuffer(copied) ? copied : await sample(target, size), conversion ? 'application/pdf' : object.mime_type);
      if (!conversion && object.variant === 'production' && !detected.archival) unconverted.push(label);
      placed.set(object.id, { path: `dokumenter/${name}`, checksum, size, format: detected.format, details: detected.details });
      leftFromEarlier.delete(name);
      placedFiles++;
    }), COPY_CONCURRENCY);
    return placed;
  };

  const frame = await readFrame({ ctx, tenant: o.tenant, actor: o.actor } as WriteOptions, o.series);
  const seriesIds = frame.series.map((s) => s.row.id);
  const seriesReport: ExportResult['series'] = [];
  let totalCases = 0;
  for (const s of frame.series) {
    const open = await read((tx) => repo.countOpenCaseFiles(tx, s.row.id));
    const counts = await read((tx) => repo.countDepositable(tx, s.row.id));
    totalCases += counts.cases;
    seriesReport.push({ title: s.row.title, status: s.row.status, openCaseFiles: open });
    if (s.row.status !== 'closed') {
      const examples = (await read((tx) => repo.openCaseNumbers(tx, s.row.id, 5))).map((c) => formatNumber(c.case_year, c.case_sequence));
      o.warn(`Series "${s.row.title}" is still open (${s.row.status}): a deposit normally takes closed periods only. Close it first (periodisering).` +
        (open ? ` ${open} open case file(s) are left out, e.g. ${examples.join(', ')}.` : ''));
    }
  }

  const counts: ExportResult['counts'] = { mappe: 0, registrering: 0, dokumentobjekt: 0, screened: false, disposed: false, toDispose: false, endring: 0, journalposter: 0, files: 0 };
  const partial = (name: string) => join(o.out, `${name}.partial`);
  const options: WriteOptions = { ctx, tenant: o.tenant, actor: o.actor, batchSize, progress: o.progress, prepareFiles, names, at };

  o.progress.phase('arkivstruktur.xml', totalCases);
  await writeArkivstruktur(partial('arkivstruktur.xml'), frame, options, counts);
  o.progress.done();
  o.progress.phase('journals', 0);
  const journal = await writeJournals({ loepende: partial('loependeJournal.xml'), offentlig: partial('offentligJournal.xml') }, { ctx, tenant: o.tenant, actor: o.actor, seriesIds, batchSize, progress: o.progress, creators: frame.creators });
  o.progress.done();
  o.progress.phase('endringslogg.xml', 0);
  counts.endring = await writeChangeLog(partial('endringslogg.xml'), { ctx, tenant: o.tenant, actor: o.actor, seriesIds, batchSize: batchSize * 5, progress: o.progress, fonds: frame.fonds });
  o.progress.done();
  counts.journalposter = journal.journalposter;
  for (const name of xmlFiles) await rename(partial(name), join(o.out, name));
  for (const name of schemaFiles) await copyFile(join(schemaDir, name), join(o.out, name));

  // Only the files this export refers to: a document left from an earlier run that is no longer
  // in the extraction would make the package fail "no other files".
  for (const name of leftFromEarlier) await rm(join(docsDir, name), { force: true });
  counts.files = placedFiles;
  if (unconverted.length) {
    o.warn(soffice
      ? `${unconverted.length} document(s) could not be converted to an archival format: ${unconverted.join('; ')}`
      : `LibreOffice (soffice) is not installed, so ${unconverted.length} document(s) stay in their production format: ${unconverted.join('; ')}. Install LibreOffice and run the export again to convert them to PDF/A.`);
  }

  const checksums: Record<string, string> = {};
  for (const name of [...xmlFiles, ...schemaFiles]) checksums[name] = await sha256(join(o.out, name));
  const first = frame.series[0]!.row;
  const last = frame.series[frame.series.length - 1]!.row;
  const separation = (s: 'sharp' | 'soft' | null) => (s === 'soft' ? 'mykt' : 'skarpt');
  const notes = [
    'Formatkoder er PRONOM-id slik Noark 5 v5.5 krever; Arkade-test N5.29 venter filendelser og rapporterer derfor avvik (kjent avvik).',
    ...(unconverted.length ? [`${unconverted.length} dokument(er) er ikke konvertert til arkivformat.`] : []),
  ];
  await writeAddml(partial('arkivuttrekk.xml'), {
    creators: frame.creators.length ? frame.creators : [{ name: o.tenant.name }],
    archiveTitle: frame.fonds.title,
    systemName: 'Rådhus',
    period: { start: first.period_start, end: last.period_end ?? at.toISOString().slice(0, 10), incoming: separation(first.predecessor_separation), outgoing: separation(last.separation) },
    screened: counts.screened,
    disposed: counts.disposed,
    toDispose: counts.toDispose,
    documentFiles: counts.files,
    checksums,
    counts: { mappe: counts.mappe, registrering: counts.registrering, endring: counts.endring, journalregistrering: journal.journalposter, dokumentobjekt: counts.dokumentobjekt },
    notes,
  });
  await rename(partial('arkivuttrekk.xml'), join(o.out, 'arkivuttrekk.xml'));
  return { out: o.out, series: seriesReport, counts, unconverted, converted };
}
