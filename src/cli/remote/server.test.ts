// SPDX-License-Identifier: EUPL-1.2
import { statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';
import { commands } from '../commands/index.ts';
import { captureOutput } from '../io.ts';
import { runRemote, SocketUnavailable } from './client.ts';
import { commandSocketPath } from './protocol.ts';
import { startCommandServer, type CommandServer } from './server.ts';

let radhus: TestRadhus;
let server: CommandServer;
const key = 'the-key-from-the-lock-file';
const logged: string[] = [];

beforeAll(async () => {
  radhus = await createTestRadhus();
  await radhus.tenant({ slug: 'sockby' });
  const path = commandSocketPath(await mkdtemp(join(tmpdir(), 'radhus-sock-')));
  server = await startCommandServer({ ctx: radhus.ctx, path, key, commands, log: (line) => logged.push(line) });
});
afterAll(async () => {
  await server.close();
  await radhus.close();
});

async function send(argv: string[], withKey = key) {
  const io = captureOutput();
  const code = await runRemote(server.path, { key: withKey, argv, operator: 'cli:tester' }, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('the command socket', () => {
  it('is readable and writable by its owner only', () => {
    expect(statSync(server.path).mode & 0o777).toBe(0o600);
  });

  it('runs a command on the server and relays its output and exit code', async () => {
    const created = await send(['token', 'create', '--tenant', 'sockby', '--role', 'case-officer']);
    expect(created.code).toBe(0);
    expect(created.stdout.at(-1)).toMatch(/^rdh_/);
    expect(logged).toContain('running "radhus token create" for cli:tester');
    expect(logged.join('\n')).not.toContain('sockby');
    const listed = await send(['token', 'list', '--tenant', 'sockby']);
    expect(listed.stdout.join('\n')).toMatch(/case-officer\s+active/);
  });

  it('relays help, usage errors (2) and domain errors (1)', async () => {
    expect((await send(['token', 'create', '--help'])).stdout[0]).toMatch(/^radhus token create --tenant <slug>/);
    expect(await send(['token', 'create', '--tenant', 'sockby'])).toMatchObject({ code: 2, stderr: ['radhus: missing --role <role>', 'See "radhus token create --help".'] });
    expect(await send(['tenant', 'add', '--slug', 'sockby', '--number', '5601', '--name', 'Again', '--country', 'NO'])).toMatchObject({
      code: 1,
      stderr: ['radhus tenant add: a municipality with slug "sockby" exists already', '  --slug: is taken'],
    });
  });

  it('refuses what may not run inside a server, and anyone without the key', async () => {
    expect(await send(['migrate'])).toMatchObject({ code: 1, stderr: ['radhus migrate: cannot run inside the running server; stop the server first'] });
    expect(await send(['serve'])).toMatchObject({ code: 1 });
    expect(await send(['tenant', 'list'], 'a-guess')).toMatchObject({ code: 1, stdout: [], stderr: ['radhus: the server refused the command: its key does not match the lock file'] });
  });

  it('answers garbage with an error, not a crash', async () => {
    const raw = (request: string) =>
      new Promise<string>((resolve) => {
        let text = '';
        const socket = connect(server.path, () => socket.write(request));
        socket.on('data', (d: Buffer) => (text += d.toString()));
        socket.on('close', () => resolve(text));
      });
    const reply = await raw('not json\n');
    expect(reply).toBe('{"err":"radhus: the request on the command socket is not JSON"}\n{"exit":2}\n');
    expect(await raw('null\n')).toBe('{"err":"radhus: the server refused the command: its key does not match the lock file"}\n{"exit":1}\n');
    expect(await raw(`${JSON.stringify({ key, argv: 'tenant list' })}\n`)).toBe('{"err":"radhus: the request on the command socket has no argv list of strings"}\n{"exit":2}\n');
    expect((await send(['tenant', 'list'])).code).toBe(0);
  });

  it('tells a missing socket apart from a failed command', async () => {
    await expect(runRemote(join(tmpdir(), 'radhus-no-such.sock'), { key, argv: ['tenant', 'list'], operator: 'x' }, captureOutput())).rejects.toBeInstanceOf(SocketUnavailable);
  });
});

describe('the socket path', () => {
  it('is in the data folder, or in the temp folder when that path would be too long for a socket', () => {
    expect(commandSocketPath('/var/lib/radhus')).toBe('/var/lib/radhus/radhus.sock');
    const deep = `/srv/${'municipality-archives/'.repeat(5)}data`;
    const fallback = commandSocketPath(deep);
    expect(fallback.startsWith(tmpdir())).toBe(true);
    expect(fallback).toMatch(/radhus-[0-9a-f]{16}\.sock$/);
    expect(commandSocketPath(deep)).toBe(fallback);
    expect(commandSocketPath(`${deep}2`)).not.toBe(fallback);
  });
});
