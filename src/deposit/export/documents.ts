// SPDX-License-Identifier: EUPL-1.2
// The document files of an extraction: each in its archival format under dokumenter/, named by the
// systemID of its dokumentobjekt. A file already there with the right size is kept, so a run that
// was interrupted picks up where it stopped. Files without an archival format are converted to
// PDF/A with LibreOffice when it is installed (convert.ts); each conversion is recorded (conversions,
// 0014), so the next export reuses it instead of converting again.
import { execFile } from 'node:child_process';
import { rename, stat, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import type { AppContext } from '../../platform/context.ts';
import type { ObjectRow } from './repository.ts';

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
