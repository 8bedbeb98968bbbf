// SPDX-License-Identifier: EUPL-1.2
// Content-addressed file storage: each file is kept once under its SHA-256, and its checksum is
// verified whenever it is read back. The interface is small so an object store can replace the
// local folder later without touching the archive.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredFile {
  checksum: string;
  size: number;
}

/** A file received but not yet in the store: commit() puts it in place durably, discard() drops it. */
export interface StagedFile extends StoredFile {
  commit(): Promise<void>;
  discard(): Promise<void>;
}

export interface FileStore {
  /** Stores a stream durably (fsync) and returns its SHA-256 and size. */
  put(content: Readable, options?: { maxBytes?: number }): Promise<StoredFile>;
  /** Receives a stream durably but keeps it out of the store until commit(), so a refused request leaves nothing. */
  stage(content: Readable, options?: { maxBytes?: number }): Promise<StagedFile>;
  /** A stream of the file that fails with ChecksumMismatchError if the bytes do not match. */
  get(checksum: string): Readable;
  /** The whole file, verified before it is returned (for files small enough to hold in memory). */
  read(checksum: string): Promise<Buffer>;
  /** The checksums of every stored file (not staged ones), for backups. */
  list(): AsyncIterable<string>;
}

export class ChecksumMismatchError extends Error {}
export class FileTooLargeError extends Error {}

export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(checksum: string): string {
    if (!/^[0-9a-f]{64}$/.test(checksum)) throw new Error(`not a sha256 checksum: ${checksum}`);
    return join(this.root, checksum.slice(0, 2), checksum.slice(2, 4), checksum);
  }

  async put(content: Readable, options: { maxBytes?: number } = {}): Promise<StoredFile> {
    const staged = await this.stage(content, options);
    await staged.commit();
    return { checksum: staged.checksum, size: staged.size };
  }

  async stage(content: Readable, options: { maxBytes?: number } = {}): Promise<StagedFile> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (options.maxBytes !== undefined && size > options.maxBytes) {
          done(new FileTooLargeError(`file is larger than ${options.maxBytes} bytes`));
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(content, counter, createWriteStream(tmp));
      // Acknowledged means durable: the bytes reach the disk before the archive row commits.
      const handle = await open(tmp, 'r');
      await handle.sync();
      await handle.close();
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    const checksum = hash.digest('hex');
    const target = this.pathOf(checksum);
    return {
      checksum,
      size,
      commit: async () => {
        await mkdir(dirname(target), { recursive: true });
        await rename(tmp, target);
        const dir = await open(dirname(target), 'r');
        await dir.sync();
        await dir.close();
      },
      discard: () => rm(tmp, { force: true }),
    };
  }

  get(checksum: string): Readable {
    const hash = createHash('sha256');
    const verifier = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
      flush(done) {
        const actual = hash.digest('hex');
        done(actual === checksum ? null : new ChecksumMismatchError(`stored file ${checksum} is damaged (its bytes hash to ${actual})`));
      },
    });
    const source = createReadStream(this.pathOf(checksum));
    source.on('error', (error) => verifier.destroy(error));
    return source.pipe(verifier);
  }

  async read(checksum: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.get(checksum)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async *list(): AsyncIterable<string> {
    const hex2 = /^[0-9a-f]{2}$/;
    const names = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).sort();
    for (const a of await names(this.root)) {
      if (!hex2.test(a)) continue; // tmp/ holds staged files that no row names yet
      for (const b of await names(join(this.root, a))) {
        if (!hex2.test(b)) continue;
        for (const file of await names(join(this.root, a, b))) if (/^[0-9a-f]{64}$/.test(file) && file.startsWith(a + b)) yield file;
      }
    }
  }
}
