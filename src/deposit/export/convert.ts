// SPDX-License-Identifier: EUPL-1.2
// PDF/A-2b from documents without an archival format, with LibreOffice (soffice --convert-to), for a
// Noark 5 extraction. A start of soffice takes seconds and a conversion a fraction of one, so the
// documents of a batch go to one soffice run (a few dozen at a time), not one run each: an archive of
// old word-processor files converts in minutes instead of hours. A document soffice cannot read
// fails alone: what a shared run did not convert is tried once more on its own, so one damaged file
// (or a crash on it) does not leave the others of its run unconverted.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import type { AppContext } from '../../platform/context.ts';
import { withTenant } from '../../platform/db/transaction.ts';
import { detectFormat, recordConversion, type ArchiveCtx } from '../../archive/service.ts';
import { extensionOf } from './documents.ts';
import type { ConversionRow, ObjectRow } from './repository.ts';

const run = promisify(execFile);

/** Documents per soffice run: enough to spread its start-up, few enough that a stuck run is retried soon. */
export const CONVERSIONS_PER_RUN = 40;

/** The conversion tool as the record names it: soffice's own version line, asked once per export. */
export async function sofficeTool(soffice: string): Promise<string> {
  const { stdout } = await run(soffice, ['--version'], { timeout: 60_000 });
  return stdout.trim() || 'LibreOffice';
}

interface Input {
  n: number;
  object: ObjectRow;
  /** the file soffice reads: a number and the object's extension, so its output is `<number>.pdf` */
  path: string;
  pdf: boolean;
}

/** One soffice run over these inputs into `outDir`, and what it said (which outputs it made, the caller looks for). */
async function convertRun(soffice: string, profile: string, inputs: Input[], outDir: string): Promise<{ said: string }> {
  const filter = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}';
  // A PDF (not PDF/A) opens only through Writer's PDF import: without it soffice (without the
  // Draw component) says "source file could not be loaded" and makes nothing. The filter applies to
  // every input of a run, so PDFs and other documents never share one.
  const importPdf = inputs[0]!.pdf ? ['--infilter=writer_pdf_import'] : [];
  try {
    const { stdout, stderr } = await run(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, ...importPdf, '--convert-to', filter, '--outdir', outDir, ...inputs.map((i) => i.path)], {
      timeout: 120_000 + 60_000 * inputs.length,
    });
    return { said: `${stdout}${stderr}`.trim() };
  } catch (error) {
    return { said: (error as Error).message };
  }
}

const produced = async (path: string) => (await stat(path).catch(() => undefined))?.isFile() === true;

/**
 * Converts the objects to PDF/A-2b, stores each result, records each conversion (its own short
 * transaction) and returns per object its record or why it could not be converted. The case may be
 * closed: the result is not added as a document object (a closed case is frozen); the conversion
 * record is what the extraction is written from.
 */
export async function convertToPdfA(ctx: AppContext, o: { tenantId: string; actor: string; soffice: string; tool: string }, objects: readonly ObjectRow[]): Promise<Map<string, ConversionRow | Error>> {
  const results = new Map<string, ConversionRow | Error>();
  if (objects.length === 0) return results;
  const dir = await mkdtemp(join(tmpdir(), 'radhus-convert-'));
  try {
    await mkdir(join(dir, 'in'));
    const inputs: Input[] = [];
    for (const [n, object] of objects.entries()) {
      const ext = extensionOf(object);
      const path = join(dir, 'in', `${n}${ext}`);
      await writeFile(path, await ctx.files.read(object.checksum));
      inputs.push({ n, object, path, pdf: ext.toLowerCase() === '.pdf' });
    }
    /** Stores and records what soffice made of this input in outDir; false when it made nothing there. */
    const recordIfMade = async (input: Input, outDir: string) => {
      const output = join(outDir, `${input.n}.pdf`);
      if (!(await produced(output))) return false;
      results.set(input.object.id, await record(ctx, o, input.object, await readFile(output)));
      return true;
    };
    const profile = join(dir, 'profile');
    const groups = [inputs.filter((i) => i.pdf), inputs.filter((i) => !i.pdf)];
    const said = new Map<Input, string>();
    let runs = 0;
    for (const group of groups) {
      for (let at = 0; at < group.length; at += CONVERSIONS_PER_RUN) {
        const chunk = group.slice(at, at + CONVERSIONS_PER_RUN);
        const outDir = join(dir, `out${runs++}`);
        const shared = await convertRun(o.soffice, profile, chunk, outDir);
        for (const input of chunk) {
          if (await recordIfMade(input, outDir)) continue;
          if (chunk.length === 1) {
            said.set(input, shared.said);
            continue;
          }
          // Not made in the shared run (soffice could not read it, or stopped before it): on its own once more.
          const aloneDir = join(dir, `out${runs++}`);
          const alone = await convertRun(o.soffice, profile, [input], aloneDir);
          if (!(await recordIfMade(input, aloneDir))) said.set(input, alone.said);
        }
      }
    }
    for (const [input, text] of said) results.set(input.object.id, new Error(`soffice made no PDF of ${input.object.file_name}: ${text}`));
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function record(ctx: AppContext, o: { tenantId: string; actor: string; tool: string }, object: ObjectRow, bytes: Buffer): Promise<ConversionRow> {
  const detected = detectFormat(bytes, 'application/pdf');
  const stored = await ctx.files.put(Readable.from([bytes]));
  const at = ctx.clock.now();
  const c: ArchiveCtx = { tenantId: o.tenantId, actor: o.actor, at };
  const values = { fromObjectId: object.id, toChecksum: stored.checksum, toSize: stored.size, fromFormat: object.format, toFormat: detected.format, toFormatDetails: detected.details, tool: o.tool, comment: 'made for a Noark 5 extraction' };
  const id = await withTenant(ctx.db, { tenantId: o.tenantId, actor: { kind: 'cli', id: o.actor, name: o.actor } }, (tx) => recordConversion(tx, c, values));
  return { id, from_object_id: object.id, to_object_id: null, to_checksum: stored.checksum, to_size: stored.size, from_format: object.format, to_format: detected.format, to_format_details: detected.details, converted_at: at, converted_by: o.actor, tool: o.tool, comment: values.comment };
}
