// SPDX-License-Identifier: EUPL-1.2
// What every module is handed: configuration, the database, the clock, the file store.
import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/database.ts';
import type { FileStore } from './files/store.ts';

export interface AppContext {
  config: Config;
  db: Database;
  clock: Clock;
  files: FileStore;
}
