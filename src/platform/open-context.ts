// SPDX-License-Identifier: EUPL-1.2
// Opens what every command and the server work on: the data folder (closed to other users, a
// crash's staged uploads swept), the file store, and the migrated database. The capabilities come
// from the caller (src/radhus.ts passes src/modules.ts): a command that needs none of them opens
// without loading them (`withoutModules`): the Noark 5 export's process peaked 40 MB lower for the
// demo and 71 MB lower at a million entries (BENCHMARKS.md), since every capability's routes, pages
// and PDF fonts were most of a command's memory.
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { systemClock, type Clock } from './clock.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { LocalFileStore } from './files/store.ts';
import { restrictUmask, secureDataDir } from './data-dir.ts';
import type { Module } from './modules.ts';

/** On a shared files folder (PostgreSQL: several servers), a staged file this old is a crash's. */
const STAGED_FILE_GRACE_MS = 60 * 60 * 1000;

export interface OpenContextOptions {
  clock?: Clock;
  db?: Database;
  log?: (line: string) => void;
}

export async function openContextWith(config: Config, modules: readonly Module[], options: OpenContextOptions = {}): Promise<AppContext> {
  const log = options.log ?? (() => {});
  restrictUmask();
  for (const path of await secureDataDir(config.dataDir)) log(`closed group/other access to ${path} (DATA_DIR is for the server's user alone)`);
  const files = new LocalFileStore(join(config.dataDir, 'files'));
  // PGlite: we hold the folder's lock, so any staged file written before this process started was
  // left by a crash. PostgreSQL: other servers may share files/, so only old ones are swept.
  const sweepBefore = config.databaseUrl ? Date.now() - STAGED_FILE_GRACE_MS : performance.timeOrigin;
  for (const name of await files.sweepStaged(sweepBefore)) log(`removed files/tmp/${name}, an upload left unfinished by a crash`);
  const db = options.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: options.log }));
  try {
    await migrate(db, log);
  } catch (error) {
    // An open PGlite keeps the process alive; a failed start must not hang.
    if (!options.db) await db.close();
    throw error;
  }
  return { config, db, clock: options.clock ?? systemClock, files, modules };
}

/**
 * The module list of a context opened without the capabilities: any walk of it (a consumer, a
 * job, a municipality's set-up) is a mistake in the command's declaration, so it throws and says
 * so instead of finding nothing.
 */
export function noModules(command: string): readonly Module[] {
  return new Proxy([], {
    get() {
      throw new Error(`radhus ${command} opened the database without the capabilities (withoutModules), but its work walks them: remove withoutModules from the command`);
    },
  });
}
