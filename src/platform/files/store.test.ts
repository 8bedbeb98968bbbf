// SPDX-License-Identifier: EUPL-1.2
// A refused upload leaves nothing behind in the store's tmp/: an upload that breaks or passes its
// limit at once — before the file's asynchronous open has finished — is removed after the open,
// not before it (the conformance walk once found such a file left by a hostile upload).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { FileTooLargeError, LocalFileStore } from './store.ts';

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('LocalFileStore.stage', () => {
  it('removes the staged file of an upload that fails at once, however early', async () => {
    root = await mkdtemp(join(tmpdir(), 'radhus-store-'));
    const store = new LocalFileStore(root);
    // Many at once keep the file system's thread pool busy, so the opens lag behind the failures.
    await Promise.all(Array.from({ length: 200 }, async () => {
      const broken = new Readable({ read() { this.destroy(new Error('broken upload')); } });
      await expect(store.stage(broken)).rejects.toThrow('broken upload');
      await expect(store.stage(Readable.from([Buffer.alloc(64)]), { maxBytes: 8 })).rejects.toBeInstanceOf(FileTooLargeError);
    }));
    // Give any late open a moment: nothing may appear after the promise has settled either.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  it('keeps a good upload staged until it is committed or discarded', async () => {
    root = await mkdtemp(join(tmpdir(), 'radhus-store-'));
    const store = new LocalFileStore(root);
    const staged = await store.stage(Readable.from([Buffer.from('hello')]));
    expect(await readdir(join(root, 'tmp'))).toHaveLength(1);
    await staged.discard();
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });
});
