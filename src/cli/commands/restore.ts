// SPDX-License-Identifier: EUPL-1.2
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../platform/db/database.ts';
import { LocalFileStore } from '../../platform/files/store.ts';
import type { DataLock } from '../../platform/lock.ts';
import { openBackup, restore, RestoreError, type OpenedBackup } from '../../platform/backup/restore.ts';
import { claimDataDir, inUseMessage } from '../claim.ts';
import { text, type ProcessCommand } from '../command.ts';
import type { Config } from '../../platform/config.ts';
import type { Output } from '../io.ts';

export const restoreCommand: ProcessCommand = {
  kind: 'process',
  name: 'restore',
  summary: 'Restore a backup into an empty DATA_DIR or an empty database',
  description: [
    'Refuses a folder or database that holds anything, and a backup made by a newer version of Rådhus.',
    'A backup from an older version is restored as it was and then migrated. Start the server afterwards.',
  ],
  arguments: [{ name: 'file', description: 'a file written by `radhus backup`', normalise: (value) => resolve(value) }],
  options: {},
  examples: ['DATA_DIR=/var/lib/radhus-new radhus restore /var/backups/radhus/radhus-2026-11-30.tar.gz'],
  async run({ config, values, io }) {
    const file = text(values, 'file');
    if (!existsSync(file)) {
      io.err(`radhus restore: there is no file ${file}`);
      return 1;
    }
    let backup: OpenedBackup;
    try {
      backup = await openBackup(file);
    } catch (error) {
      if (!(error instanceof RestoreError)) throw error;
      io.err(`radhus restore: ${error.message}`);
      return 1;
    }
    try {
      return await restoreInto(config, backup, io);
    } finally {
      await backup.close();
    }
  },
};

async function restoreInto(config: Config, backup: OpenedBackup, io: Output): Promise<number> {
  let lock: DataLock | undefined;
  if (!config.databaseUrl) {
    const claim = await claimDataDir(config.dataDir, { kind: 'command', command: 'restore' }, io);
    if (!claim.lock) {
      io.err(`radhus restore: ${inUseMessage(claim.holder, config.dataDir)}`);
      return 1;
    }
    lock = claim.lock;
  }
  try {
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const manifest = await restore(db, new LocalFileStore(join(config.dataDir, 'files')), backup, (line) => io.err(`  ${line}`));
      const target = config.databaseUrl ? 'the database in DATABASE_URL' : config.dataDir;
      io.out(`Restored the backup of ${manifest.createdAt} (made on ${manifest.engine}) into ${target}: ${manifest.tables.reduce((s, t) => s + t.rows, 0)} row(s), ${manifest.files} file(s).`);
      return 0;
    } catch (error) {
      if (!(error instanceof RestoreError)) throw error;
      io.err(`radhus restore: ${error.message}`);
      return 1;
    } finally {
      await db.close();
    }
  } finally {
    lock?.release();
  }
}
