// SPDX-License-Identifier: EUPL-1.2
// The cookie-signing secret: SESSION_SECRET, or one generated on first start and kept in DATA_DIR
// (mode 0600) so sessions survive restarts without the IT department having to invent a secret.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../platform/config.ts';

export async function cookieSecret(config: Config): Promise<string> {
  if (config.sessionSecret) return config.sessionSecret;
  const file = join(config.dataDir, 'session-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(config.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    // 'wx': of two processes starting at once, one writes and both read what it wrote.
    await writeFile(file, secret + '\n', { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    return (await readFile(file, 'utf8')).trim();
  }
}
