// SPDX-License-Identifier: EUPL-1.2
// The document-file checks: every referenced file exists (N5.32) and has the checksum its
// dokumentobjekt states (N5.30), no other file lies in the documents folder (N5.33), empty files are
// listed (N5.64), and the format code is compared with the file extension (N5.29, a known deviation
// when the code is a PRONOM id as Noark 5 v5.5 prescribes). References arrive from the content pass
// and are worked off between chunks, so only the set of referenced paths is kept in memory.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CheckCollector } from './report.ts';
import { documentFiles, sha256File } from './structure.ts';
import { IdTable } from './id-table.ts';

export interface DocumentReference {
  /** referanseDokumentfil as written. */
  reference: string;
  checksum?: string;
  format?: string;
  line: number;
  /** systemID of the dokumentobjekt and of its dokumentbeskrivelse. */
  objectId?: string;
  descriptionId?: string;
  /** Directly at registrering/dokumentbeskrivelse/dokumentobjekt: the objects N5.29 looks at. */
  underRegistration: boolean;
}

const file = 'arkivstruktur.xml';
const pronom = /^(x-)?fmt\/\d+$/;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export class DocumentChecks {
  readonly formats = new CheckCollector('N5.29');
  readonly checksums = new CheckCollector('N5.30');
  readonly exist = new CheckCollector('N5.32');
  readonly unreferenced = new CheckCollector('N5.33');
  readonly empty = new CheckCollector('N5.64');
  private readonly referenced = new IdTable();
  private readonly formatCounts = new Map<string, number>();
  private queue: DocumentReference[] = [];
  private pronomObjects = 0;

  constructor(
    private readonly dir: string,
    private readonly docDir: string | undefined,
  ) {}

  add(reference: DocumentReference): void {
    this.queue.push(reference);
  }

  /** Checks the references collected since the last call. */
  async drain(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    // A few files at a time: most document files are small, and waiting on each in turn is slow.
    let next = 0;
    const worker = async () => {
      while (next < batch.length) await this.check(batch[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(8, batch.length) }, worker));
  }

  private async check(ref: DocumentReference): Promise<void> {
    const where = { file, element: 'referanseDokumentfil', line: ref.line, ...(ref.objectId ? { systemId: ref.objectId } : {}) };
    const path = ref.reference.replace(/\\/g, '/');
    if (ref.underRegistration) this.checkFormat(ref, path);
    const segments = path.split('/');
    if (path.startsWith('/') || segments.includes('..') || !this.docDir || segments[0] !== this.docDir || segments.length < 2) {
      this.exist.fail({ ...where, message: 'docOutside', params: { file: ref.reference } });
      return;
    }
    this.referenced.add(path);
    const size = await stat(join(this.dir, path)).then(
      (s) => (s.isFile() ? s.size : undefined),
      () => undefined,
    );
    if (size === undefined) {
      this.exist.fail({ ...where, message: 'docMissing', params: { file: path } });
      this.checksums.fail({ ...where, message: 'docMissing', params: { file: path } });
      return;
    }
    if (size === 0) this.empty.fact({ ...where, message: 'docEmpty', params: { file: path } });
    const actual = size < 8 * 1024 * 1024 ? sha256(await readFile(join(this.dir, path))) : await sha256File(join(this.dir, path));
    if (!ref.checksum || actual !== ref.checksum.toLowerCase())
      this.checksums.fail({ ...where, element: 'sjekksum', message: 'docChecksumMismatch', params: { file: path, expected: ref.checksum ?? '', actual, description: ref.descriptionId ?? '' } });
  }

  private checkFormat(ref: DocumentReference, path: string): void {
    const format = (ref.format ?? '').toLowerCase();
    this.formatCounts.set(format, (this.formatCounts.get(format) ?? 0) + 1);
    const dot = path.lastIndexOf('.');
    const extension = dot > path.lastIndexOf('/') ? path.slice(dot + 1).toLowerCase() : '';
    if (format === extension) return;
    const where = { file, element: 'format', line: ref.line, ...(ref.objectId ? { systemId: ref.objectId } : {}) };
    if (pronom.test(format)) {
      // Noark 5 v5.5 (M701) takes format codes from PRONOM; Arkade 2.12 compares them with the extension.
      this.pronomObjects++;
      if (this.formats.findings.length < 20) this.formats.fail({ ...where, message: 'formatIsPronom', params: { format: ref.format ?? '', file: path } });
    } else this.formats.fail({ ...where, message: 'formatMismatch', params: { format: ref.format ?? '', file: path, extension } });
  }

  /** After the pass: files in the documents folder that nothing referred to (N5.33), and the verdicts. */
  async finish(): Promise<CheckCollector[]> {
    await this.drain();
    if (this.docDir) {
      let files = 0;
      for await (const path of documentFiles(this.dir, this.docDir)) {
        files++;
        if (!this.referenced.has(path)) this.unreferenced.fail({ message: 'docUnreferenced', params: { file: path }, file: path });
      }
      this.unreferenced.fact({ message: 'docFilesReferenced', params: { files, referenced: this.referenced.size } });
    } else {
      this.unreferenced.status = 'not-applicable';
      this.unreferenced.fact({ message: 'docDirAbsent' });
    }
    for (const [format, count] of [...this.formatCounts].sort()) this.formats.fact({ message: 'valueCount', params: { element: 'format', value: format || '–', count } });
    // Only PRONOM codes where an extension was expected: the documented, explained deviation.
    if (this.formats.findings.every((f) => f.message === 'formatIsPronom') && this.pronomObjects > 0) {
      this.formats.status = 'deviation';
      this.formats.fact({ message: 'formatDeviationExplained', params: { count: this.pronomObjects } });
    }
    return [this.formats, this.checksums, this.exist, this.unreferenced, this.empty];
  }
}
