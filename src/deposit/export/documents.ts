// SPDX-License-Identifier: EUPL-1.2
// The document files of an extraction: each in its archival format under dokumenter/, named by the
// systemID of its dokumentobjekt. A file already there with the right size is kept, so a run that
// was interrupted picks up where it stopped. Files without an archival format are converted to
// PDF/A with LibreOffice (soffice --convert-to) when it is installed; each conversion is recorded
// (conversions, 0014), so the next export reuses it instead of converting again.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import type { AppContext } from '../../platform/context.ts';
import { withTenant } from '../../platform/db/transaction.ts';
import { detectFormat, recordConversion, type ArchiveCtx } from '../../archive/service.ts';
import type { ConversionRow, ObjectRow } from './repository.ts';

const run = promisify(execFile);

const extensions: Record<string, string> = {
  'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg', 'image/tiff': '.tif', 'text/plain': '.txt', 'application/xml': '.xml', 'text/xml': '.xml',
  'application/vnd.oasis.opendocument.text': '.odt', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
};
export const extensionOf = (object: Pick<ObjectRow, 'file_name' | 'mime_type'>): string =>
  extensions[object.mime_type] ?? (extname(object.file_name).toLowerCase().match(/^\.[a-z0-9]{1,8}$/)?.[0] ?? '.bin');

/** Whether the format (a PRONOM id) is one Arkivverket takes for deposit. */
export const isArchivalFormat = (format: string): boolean =>
  ['fmt/95', 'fmt/354', 'fmt/476', 'fmt/477', 'fmt/478', 'fmt/479', 'fmt/480', 'fmt/481', 'fmt/353', 'fmt/11', 'fmt/43', 'fmt/101', 'x-fmt/111'].includes(format);

/** Where soffice is, or null: looked up once per export. */
export async function findSoffice(): Promise<string | null> {
  for (const candidate of [process.env.SOFFICE ?? '', 'soffice', 'libreoffice'].filter(Boolean)) {
    try {
      await run(candidate, ['--version'], { timeout: 60_000 });
      return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** Copies a stored file into the package (via a temporary name, so a half-written file never counts). */
/** Files up to this size are copied through memory in one read and one write. */
const SMALL_FILE = 1 << 20;

/**
 * Copies a stored file (verified against its checksum) into the package, unless a file of its size
 * is there already (an interrupted export run again). A small file comes back as its bytes, so the
 * caller need not read it again to detect its format; a large one is streamed.
 */
export async function copyStored(ctx: AppContext, checksum: string, size: number, target: string): Promise<Buffer | 'present' | 'copied'> {
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isFile() && existing.size === size) return 'present';
  const partial = `${target}.partial`;
  if (size <= SMALL_FILE) {
    // Fewer round trips to the thread pool than two streams: per document, they were most of the
    // time of a large export (bench/deposit-export.ts).
    const bytes = await ctx.files.read(checksum);
    await writeFile(partial, bytes);
    await rename(partial, target);
    return bytes;
  }
  await pipeline(await ctx.files.open(checksum), createWriteStream(partial));
  await rename(partial, target);
  return 'copied';
}

/**
 * Converts one object to PDF/A-2b with soffice, stores the result, records the conversion and
 * returns its record. The case may be closed: the result is not added as a document object (the
 * closed case is frozen), the conversion record is what the extraction is written from.
 */
/** The conversion tool as the record names it: soffice's own version line. Asked once per export, not per document (a start of LibreOffice takes seconds). */
export async function sofficeTool(soffice: string): Promise<string> {
  const { stdout } = await run(soffice, ['--version'], { timeout: 60_000 });
  return stdout.trim() || 'LibreOffice';
}

export async function convertToPdfA(ctx: AppContext, tenantId: string, actor: string, soffice: string, tool: string, object: ObjectRow): Promise<ConversionRow> {
  const dir = await mkdtemp(join(tmpdir(), 'radhus-convert-'));
  try {
    const input = join(dir, `input${extensionOf(object)}`);
    await writeFile(input, await ctx.files.read(object.checksum));
    const filter = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}';
    // A PDF (not PDF/A) opens only through Writer's PDF import: without it soffice (without the
    // Draw component) says "source file could not be loaded" and makes nothing.
    const importPdf = extname(input).toLowerCase() === '.pdf' ? ['--infilter=writer_pdf_import'] : [];
    const { stdout } = await run(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, ...importPdf, '--convert-to', filter, '--outdir', join(dir, 'out'), input], { timeout: 300_000 });
    const produced = (await readdir(join(dir, 'out')).catch(() => [] as string[])).find((f) => f.endsWith('.pdf'));
    if (!produced) throw new Error(`soffice made no PDF of ${object.file_name}: ${stdout.trim()}`);
    const bytes = await readFile(join(dir, 'out', produced));
    const detected = detectFormat(bytes, 'application/pdf');
    const stored = await ctx.files.put(Readable.from([bytes]));
    const at = ctx.clock.now();
    const c: ArchiveCtx = { tenantId, actor, at };
    const record = { fromObjectId: object.id, toChecksum: stored.checksum, toSize: stored.size, fromFormat: object.format, toFormat: detected.format, toFormatDetails: detected.details, tool, comment: 'made for a Noark 5 extraction' };
    const id = await withTenant(ctx.db, { tenantId, actor: { kind: 'cli', id: actor, name: actor } }, (tx) => recordConversion(tx, c, record));
    return { id, from_object_id: object.id, to_object_id: null, to_checksum: stored.checksum, to_size: stored.size, from_format: object.format, to_format: detected.format, to_format_details: detected.details, converted_at: at, converted_by: actor, tool: record.tool, comment: record.comment };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
