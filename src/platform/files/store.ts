// SPDX-License-Identifier: EUPL-1.2
// Content-addressed file storage: each file is kept once under its SHA-256, and its checksum is
// verified whenever it is read back. The interface is small so an object store can replace the
// local folder later without touching the archive.
import { once } from 'node:events';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
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
  /**
   * A stream of the file, returned only after all its bytes were hashed and matched the checksum
   * (else ChecksumMismatchError, or ENOENT), so nothing of a damaged file is ever sent.
   */
  open(checksum: string): Promise<Readable>;
}

export class ChecksumMismatchError extends Error {}
export class FileTooLargeError extends Error {}

export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  /**
   * Removes staged files last written before `before` (ms since the epoch): left by a process that
   * crashed mid-upload, since a live upload writes its file continuously and a request commits or
   * discards it when it ends. Returns the names removed.
   */
  async sweepStaged(before: number): Promise<string[]> {
    const tmpDir = join(this.root, 'tmp');
    const removed: string[] = [];
    for (const name of await readdir(tmpDir).catch(() => [] as string[])) {
      const path = join(tmpDir, name);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile() || info.mtimeMs >= before) continue;
      await rm(path, { force: true });
      removed.push(name);
    }
    return removed;
  }

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
    const sink = createWriteStream(tmp);
    try {
      await pipeline(content, counter, sink);
      // Acknowledged means durable: the bytes reach the disk before the archive row commits.
      const handle = await open(tmp, 'r');
      await handle.sync();
      await handle.close();
    } catch (error) {
      // The file is opened asynchronously: after an early error (a limit, a broken upload) the open
      // may still be under way and would create the file after it was removed. Wait for the stream
      // to close, then remove, so a refused upload leaves nothing in tmp/.
      if (!sink.closed) await once(sink, 'close').catch(() => undefined);
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
    const verifier = this.verifier(checksum);
    const source = createReadStream(this.pathOf(checksum));
    source.on('error', (error) => verifier.destroy(error));
    return source.pipe(verifier);
  }

  async open(checksum: string): Promise<Readable> {
    // Hash and stream from one file descriptor: a file swapped by rename after the check is not the
    // one sent. The cost is reading the file twice; the second read mostly comes from the page
    // cache. A "verified" marker would save that, but a byte flipped later (disk, or someone with
    // write access) would then go out unnoticed; streaming alone notices only after the last byte.
    const handle = await open(this.pathOf(checksum), 'r');
    try {
      const hash = createHash('sha256');
      for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) hash.update(chunk as Buffer);
      const actual = hash.digest('hex');
      if (actual !== checksum) throw new ChecksumMismatchError(`stored file ${checksum} is damaged (its bytes hash to ${actual})`);
    } catch (error) {
      await handle.close();
      throw error;
    }
    // Still verified while it streams: a change in place after the check cuts the download off.
    return handle.createReadStream({ start: 0 }).pipe(this.verifier(checksum));
  }

  private verifier(checksum: string): Transform {
    const hash = createHash('sha256');
    return new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
      flush(done) {
        const actual = hash.digest('hex');
        done(actual === checksum ? null : new ChecksumMismatchError(`stored file ${checksum} is damaged (its bytes hash to ${actual})`));
      },
    });
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
