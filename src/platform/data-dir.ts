// SPDX-License-Identifier: EUPL-1.2
// DATA_DIR belongs to the server's user alone: the database files and the documents beneath it must
// not be readable or writable by other local accounts, which could otherwise read the archive or
// rewrite it beneath row-level security. New files get 0600 and folders 0700 (umask 077); what an
// older version or a copy left open is closed at start, and logged.
import { lstat, readdir, chmod } from 'node:fs/promises';
import { join } from 'node:path';

/** Files and folders created by this process from now on are for its user only. */
export function restrictUmask(): void {
  if (process.platform !== 'win32') process.umask(0o077);
}

/**
 * Removes group and other permissions from DATA_DIR and everything below it (chmod -R go-rwx),
 * without following symbolic links. Returns the paths it changed, for the log.
 */
export async function secureDataDir(dataDir: string): Promise<string[]> {
  if (process.platform === 'win32') return [];
  const fixed: string[] = [];
  const visit = async (path: string): Promise<void> => {
    let stat;
    try {
      stat = await lstat(path);
    } catch {
      return; // gone meanwhile
    }
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) {
      await chmod(path, stat.mode & 0o7700);
      fixed.push(path);
    }
    if (!stat.isDirectory()) return;
    for (const name of await readdir(path).catch(() => [] as string[])) await visit(join(path, name));
  };
  await visit(dataDir);
  return fixed;
}
