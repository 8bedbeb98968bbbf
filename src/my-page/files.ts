// SPDX-License-Identifier: EUPL-1.2
// Files that citizens and case officers send through My page arrive in JSON (base64). Their type is
// read from the bytes (archive's detectFormat), never from the name: a page saved as "letter.pdf"
// is refused. Every file is checked before anything is staged, so a bad request writes nothing.
import { Readable } from 'node:stream';
import type { AppContext } from '../platform/context.ts';
import { invalid, type FieldError } from '../platform/http/problem.ts';
import type { StagedFile } from '../platform/files/store.ts';
import { detectFormat, type FileMeta } from '../archive/service.ts';
import type { FileIn } from './schema.ts';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The formats we take from people, by PRONOM id, and the type they are served as. */
const accepted: Record<string, string> = {
  'fmt/14': 'application/pdf', 'fmt/15': 'application/pdf', 'fmt/16': 'application/pdf', 'fmt/17': 'application/pdf', 'fmt/18': 'application/pdf',
  'fmt/19': 'application/pdf', 'fmt/20': 'application/pdf', 'fmt/276': 'application/pdf', 'fmt/1129': 'application/pdf', 'fmt/95': 'application/pdf',
  'fmt/354': 'application/pdf', 'fmt/476': 'application/pdf', 'fmt/477': 'application/pdf', 'fmt/478': 'application/pdf', 'fmt/479': 'application/pdf',
  'fmt/480': 'application/pdf', 'fmt/481': 'application/pdf',
  'fmt/11': 'image/png',
  'fmt/43': 'image/jpeg',
  'fmt/353': 'image/tiff',
  'fmt/290': 'application/vnd.oasis.opendocument.text',
  'fmt/412': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface CheckedFile {
  fileName: string;
  bytes: Buffer;
  meta: Omit<FileMeta, 'checksum' | 'size'>;
}

/** Decodes and checks every file; one 400 naming each bad one. */
export function checkFiles(files: readonly FileIn[], field: string): CheckedFile[] {
  const errors: FieldError[] = [];
  const out: CheckedFile[] = [];
  files.forEach((f, i) => {
    const at = `${field}.${i}.content`;
    const text = f.content.replace(/\s+/g, '');
    if (!BASE64.test(text) || text.length % 4 !== 0) return void errors.push({ field: at, code: 'invalidFormat', message: 'must be the file in base64' });
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length === 0) return void errors.push({ field: at, code: 'emptyFile', message: 'the file is empty' });
    if (bytes.length > MAX_FILE_BYTES) return void errors.push({ field: at, code: 'tooLarge', message: `must be at most ${MAX_FILE_BYTES} bytes` });
    const detected = detectFormat(bytes, 'application/octet-stream');
    const mimeType = accepted[detected.format];
    if (!mimeType) return void errors.push({ field: at, code: 'notAllowed', message: 'the content is not a PDF, PNG, JPEG, TIFF, ODT or DOCX file (the type is read from the content, not the name)' });
    const fileName = f.fileName.replace(/^.*[\\/]/, '').trim() || 'document';
    out.push({ fileName, bytes, meta: { fileName, mimeType, detected } });
  });
  if (errors.length) throw invalid(errors);
  return out;
}

/** Stages the checked files; the caller commits them just before COMMIT and discards them in any case. */
export async function stageFiles(ctx: AppContext, files: readonly CheckedFile[], staged: StagedFile[]): Promise<Array<FileMeta & StagedFile>> {
  const out: Array<FileMeta & StagedFile> = [];
  for (const f of files) {
    const file = await ctx.files.stage(Readable.from([f.bytes]), { maxBytes: MAX_FILE_BYTES });
    staged.push(file);
    out.push(Object.assign(file, f.meta));
  }
  return out;
}
