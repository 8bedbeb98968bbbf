// SPDX-License-Identifier: EUPL-1.2
// The command socket speaks newline-delimited JSON: one request, then output lines and an exit code.
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CommandRequest {
  /** The key from the lock file: only someone who can read DATA_DIR/radhus.lock may send commands. */
  key: string;
  argv: string[];
  operator: string;
}

export type CommandReply = { out: string } | { err: string } | { exit: number };

// sun_path holds 108 bytes on Linux and 104 on macOS, including the terminating zero.
const MAX_SOCKET_PATH = 100;

/** DATA_DIR/radhus.sock, or a name in the temp folder derived from DATA_DIR when that is too long. */
export function commandSocketPath(dataDir: string): string {
  const inside = join(dataDir, 'radhus.sock');
  return Buffer.byteLength(inside) <= MAX_SOCKET_PATH && process.platform !== 'win32' ? inside : fallbackSocketPath(dataDir);
}

/** For folders too deep for a socket path, or on file systems without sockets (some network mounts). */
export function fallbackSocketPath(dataDir: string): string {
  const digest = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  return process.platform === 'win32' ? `\\\\.\\pipe\\radhus-${digest}` : join(tmpdir(), `radhus-${digest}.sock`);
}

/** Splits a byte stream into JSON lines; refuses lines longer than `limit`. */
export function lineReader(onLine: (line: string) => void, limit = 1 << 20): (chunk: Buffer) => void {
  let pending = '';
  return (chunk) => {
    pending += chunk.toString('utf8');
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line.trim()) onLine(line);
    }
    if (pending.length > limit) throw new Error('line too long on the command socket');
  };
}
