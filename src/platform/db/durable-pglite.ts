// SPDX-License-Identifier: EUPL-1.2
// PGlite options under which a commit reaches the disk, not only the operating system.
//
// Why this is needed (PGlite 0.5.16): PGlite starts PostgreSQL with `-F` (fsync = off), and even
// with fsync on, Emscripten's NODEFS defines no `stream_ops.fsync` (so fsync() returns 0 without
// doing anything) and its `__syscall_fdatasync` only checks the descriptor. A commit is still
// written with pwrite() before the query returns — it survives the process being killed — but
// nothing asks the kernel to put it on the disk, so a power cut or kernel crash can lose
// acknowledged commits, and a checkpoint can be recorded before the pages it covers are on disk.
//
// The fix: start without `-F`, let PostgreSQL sync the WAL with fsync() (wal_sync_method=fsync, as
// fdatasync() is the no-op), and give NODEFS an fsync that calls the real one on the host file.
import { fsyncSync } from 'node:fs';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type InitResult = Awaited<ReturnType<NodeFS['init']>>;
type EmscriptenOptions = InitResult['emscriptenOpts'];
interface NodefsStream {
  nfd?: number;
}

export const durableStartParams: string[] = [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];

interface NodeOps {
  mknod: (parent: unknown, name: string, mode: number, dev: unknown) => unknown;
  setattr: (node: unknown, attr: { mode?: number | null }) => void;
}

/**
 * The database files are for the server's user alone. PGlite unpacks its initial data folder with
 * the archive's modes (0666) through chmod, which the process umask does not restrict: strip group
 * and other bits from every mode it creates or sets.
 */
function ownerOnly(ops: NodeOps): void {
  const { mknod, setattr } = ops;
  ops.mknod = (parent, name, mode, dev) => mknod(parent, name, mode & ~0o077, dev);
  ops.setattr = (node, attr) => setattr(node, attr.mode != null ? { ...attr, mode: attr.mode & ~0o077 } : attr);
}

/** NODEFS whose fsync() reaches the host file system. `sync` is replaceable so a test can count calls. */
export class SyncingNodeFS extends NodeFS {
  constructor(
    dataDir: string,
    private readonly sync: (fd: number) => void = fsyncSync,
  ) {
    super(dataDir);
  }

  override async init(pg: Parameters<NodeFS['init']>[0], opts: EmscriptenOptions): Promise<InitResult> {
    const { emscriptenOpts } = await super.init(pg, opts);
    const sync = this.sync;
    // Must run before NODEFS is mounted: every stream opened afterwards shares these stream_ops.
    const addFsync = (mod: { NODEFS: { stream_ops: Record<string, unknown>; node_ops: NodeOps } }) => {
      mod.NODEFS.stream_ops.fsync = (stream: NodefsStream) => {
        if (stream.nfd !== undefined) sync(stream.nfd);
        return 0;
      };
      ownerOnly(mod.NODEFS.node_ops);
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [addFsync as never, ...(emscriptenOpts.preRun ?? [])] } };
  }
}

/** Options for PGlite.create(...) on a host folder with commits synced to disk. */
export function durablePgliteOptions(folder: string, sync?: (fd: number) => void): Pick<PGliteOptions, 'fs' | 'startParams'> {
  return { fs: new SyncingNodeFS(folder, sync), startParams: durableStartParams };
}
