// SPDX-License-Identifier: EUPL-1.2
// What every module is handed: configuration, the database, the clock, the file store.
import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/database.ts';
import type { FileStore } from './files/store.ts';
import type { Module } from './modules.ts';

export interface AppContext {
  config: Config;
  db: Database;
  clock: Clock;
  files: FileStore;
  /** The capabilities of this installation (src/modules.ts), for platform code that walks them. */
  modules: readonly Module[];
}
