// SPDX-License-Identifier: EUPL-1.2
// The requester's secret link and confirmation token. Both are derived from the order id with an
// installation secret (HMAC), so every later mail (the decision, a reminder of it) can carry the
// link, while the database keeps only their SHA-256: a copy of the database opens no request.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../platform/config.ts';

const secrets = new Map<string, Promise<string>>();

/** SESSION_SECRET when set, else a secret made on first use and kept in DATA_DIR (0600), as for sessions. */
function installationSecret(config: Config): Promise<string> {
  if (config.sessionSecret) return Promise.resolve(`access-requests:${config.sessionSecret}`);
  const file = join(config.dataDir, 'access-request-secret');
  let secret = secrets.get(file);
  if (!secret) {
    secret = (async () => {
      try {
        return (await readFile(file, 'utf8')).trim();
      } catch {
        await mkdir(config.dataDir, { recursive: true });
        await writeFile(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        });
        return (await readFile(file, 'utf8')).trim();
      }
    })();
    secrets.set(file, secret);
  }
  return secret;
}

const derive = async (config: Config, purpose: string, orderId: string): Promise<string> =>
  createHmac('sha256', await installationSecret(config)).update(`${purpose}:${orderId}`).digest('base64url').slice(0, 32);

export const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const statusKey = (config: Config, orderId: string): Promise<string> => derive(config, 'status', orderId);
export const confirmToken = (config: Config, orderId: string): Promise<string> => derive(config, 'confirm', orderId);

/** Compares in constant time, so the answer's timing does not tell how much of a guess was right. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(hashOf(a));
  const y = Buffer.from(hashOf(b));
  return timingSafeEqual(x, y);
}

/** The status page of an order (what the requester bookmarks). */
export const statusUrl = (config: Config, orderId: string, key: string): string => `${config.publicUrl}/innsyn/${orderId}?key=${key}`;
export const confirmUrl = (config: Config, orderId: string, key: string, token: string): string => `${config.publicUrl}/innsyn/${orderId}?key=${key}&confirm=${token}`;
