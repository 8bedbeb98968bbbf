// SPDX-License-Identifier: EUPL-1.2
// The server's command socket: while `radhus serve` holds a PGlite data folder, other `radhus`
// processes must not open it, so they send their command line here and the server runs it on its
// own database handle. The socket is mode 0600 and each request carries the key from the lock file.
import { timingSafeEqual } from 'node:crypto';
import { chmod, unlink } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import type { AppContext } from '../../platform/context.ts';
import type { Command } from '../command.ts';
import { dispatch } from '../dispatch.ts';
import { execute } from '../execute.ts';
import type { Output } from '../io.ts';
import { lineReader, type CommandReply, type CommandRequest } from './protocol.ts';

export interface CommandServer {
  path: string;
  close(): Promise<void>;
}

export interface CommandServerOptions {
  ctx: AppContext;
  path: string;
  key: string;
  commands: readonly Command[];
  log: (line: string) => void;
}

export async function startCommandServer(options: CommandServerOptions): Promise<CommandServer> {
  const connections = new Set<Socket>();
  const server = createServer((socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    socket.on('error', () => socket.destroy());
    handle(socket, options);
  });
  // We hold the data-folder lock, so a socket file still there was left by a server that died.
  await unlink(options.path).catch(() => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.path, () => resolve());
  });
  // Named pipes on Windows have no file mode; the key still guards them.
  if (process.platform !== 'win32') await chmod(options.path, 0o600);
  return {
    path: options.path,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A command gets a few seconds to finish; the database closes right after.
      const timer = setTimeout(() => connections.forEach((s) => s.destroy()), 10_000);
      await closed;
      clearTimeout(timer);
      await unlink(options.path).catch(() => undefined);
    },
  };
}

function handle(socket: Socket, options: CommandServerOptions): void {
  const send = (reply: CommandReply) => socket.write(`${JSON.stringify(reply)}\n`);
  const io: Output = { out: (line) => send({ out: line }), err: (line) => send({ err: line }) };
  let started = false;
  const read = lineReader((line) => {
    if (started) return;
    started = true;
    void run(line, io, options)
      .catch((error: unknown) => {
        options.log(`a command on the socket failed: ${error instanceof Error ? error.message : String(error)}`);
        io.err('radhus: the command failed inside the server; see its log');
        return 1;
      })
      .then((exit) => {
        send({ exit });
        socket.end();
      });
  }, 64 * 1024);
  socket.on('data', (chunk: Buffer) => {
    try {
      read(chunk);
    } catch {
      socket.destroy();
    }
  });
}

async function run(line: string, io: Output, options: CommandServerOptions): Promise<number> {
  let request: Partial<CommandRequest> | null;
  try {
    request = JSON.parse(line) as Partial<CommandRequest> | null;
  } catch {
    io.err('radhus: the request on the command socket is not JSON');
    return 2;
  }
  if (typeof request !== 'object' || request === null || !sameKey(request.key, options.key)) {
    io.err('radhus: the server refused the command: its key does not match the lock file');
    return 1;
  }
  if (!Array.isArray(request.argv) || !request.argv.every((a) => typeof a === 'string')) {
    io.err('radhus: the request on the command socket has no argv list of strings');
    return 2;
  }
  const operator = typeof request.operator === 'string' ? request.operator.slice(0, 100) : 'cli';
  return dispatch(request.argv, options.commands, io, async (command, values) => {
    if (command.kind !== 'context' || !command.remote) {
      io.err(`radhus ${command.name}: cannot run inside the running server; stop the server first`);
      return 1;
    }
    // Only the command name: arguments may hold a secret (token revoke --token).
    options.log(`running "radhus ${command.name}" for ${operator}`);
    return execute(command, { ctx: options.ctx, values, io, operator, migrated: [] });
  });
}

function sameKey(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
