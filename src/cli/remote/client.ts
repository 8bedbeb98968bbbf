// SPDX-License-Identifier: EUPL-1.2
// Sends a command line to the server that holds the data folder and relays its output.
import { connect } from 'node:net';
import type { Output } from '../io.ts';
import { lineReader, type CommandReply, type CommandRequest } from './protocol.ts';

export class SocketUnavailable extends Error {}

export function runRemote(path: string, request: CommandRequest, io: Output): Promise<number> {
  return new Promise((resolve, reject) => {
    let connected = false;
    let exit: number | undefined;
    const socket = connect(path, () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    const read = lineReader((line) => {
      const reply = JSON.parse(line) as CommandReply;
      if ('out' in reply) io.out(reply.out);
      else if ('err' in reply) io.err(reply.err);
      else exit = reply.exit;
    });
    socket.on('data', (chunk: Buffer) => read(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected) reject(new SocketUnavailable(`${error.code ?? error.message} on ${path}`));
      else reject(new Error(`lost the connection to the server on ${path}: ${error.message}`));
    });
    socket.on('close', () => {
      if (!connected) return;
      if (exit === undefined) reject(new Error('the server closed the connection before the command finished; see its log'));
      else resolve(exit);
    });
  });
}
