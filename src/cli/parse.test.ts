// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { UsageError } from './command.ts';
import { commands } from './commands/index.ts';
import { parseCommandLine } from './parse.ts';

const parse = (...argv: string[]) => parseCommandLine(argv, commands);
const usage = (...argv: string[]): string => {
  try {
    parse(...argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
};

describe('command line parsing', () => {
  it('finds one- and two-word commands with their options', () => {
    expect(parse('migrate')).toMatchObject({ kind: 'run', command: { name: 'migrate' } });
    expect(parse('token', 'create', '--tenant', 'balsfjord', '--role', 'system', '--name', 'Sak/arkiv')).toMatchObject({
      kind: 'run',
      command: { name: 'token create' },
      values: { tenant: 'balsfjord', role: 'system', name: 'Sak/arkiv' },
    });
    expect(parse('tenant', 'add', '--slug=eksjo', '--number', '0686', '--name', 'Eksjö kommun', '--country', 'se')).toMatchObject({
      values: { slug: 'eksjo', number: '0686', country: 'SE', language: undefined },
    });
  });

  it('offers help for everything, in every spelling', () => {
    expect(parse('--help')).toEqual({ kind: 'help' });
    expect(parse('help')).toEqual({ kind: 'help' });
    expect(parse('help', 'token', 'create')).toMatchObject({ kind: 'help', command: { name: 'token create' } });
    expect(parse('token', 'create', '--help')).toMatchObject({ kind: 'help', command: { name: 'token create' } });
    expect(parse('token', 'revoke', '-h')).toMatchObject({ kind: 'help', command: { name: 'token revoke' } });
    expect(parse('token', '--help')).toEqual({ kind: 'help', group: 'token' });
    expect(parse('help', 'tenant')).toEqual({ kind: 'help', group: 'tenant' });
    for (const command of commands) expect(parse(...command.name.split(' '), '--help')).toMatchObject({ kind: 'help', command: { name: command.name } });
  });

  it('says exactly what to fix', () => {
    expect(usage('frobnicate')).toBe(`unknown command "frobnicate"; the commands are: ${commands.map((c) => c.name).join(', ')}`);
    expect(usage('frobnicate')).toContain('serve, migrate, seed-demo, tenant add, tenant list, token create, token revoke, token list');
    expect(usage('token')).toBe('"token" needs a subcommand: token create, token revoke, token list');
    expect(usage('token', 'burn')).toContain('unknown command "token burn"; the token commands are');
    expect(usage('migrate', '--force')).toBe('unknown option --force for "migrate"; it takes no options');
    expect(usage('migrate', 'now')).toContain('unexpected argument "now"');
    expect(usage('token', 'create', '--tenant', 'balsfjord')).toBe('missing --role <role>');
    expect(usage('token', 'create')).toBe('missing --tenant <slug>, --role <role>');
    expect(usage('token', 'create', '--tenant')).toBe('--tenant needs a value: --tenant <slug>');
    expect(usage('token', 'create', '--tenant', '--role', 'system')).toBe('--tenant needs a value: --tenant <slug>');
    expect(usage('token', 'create', '--tenant', 'x', '--role', 'admin')).toBe(
      '--role must be one of citizen, case-officer, archivist, politician, secretariat, tenant-admin, system (got "admin")',
    );
    expect(usage('tenant', 'add', '--slug', 'x', '--number', '1', '--name', 'X', '--country', 'DK', '--language', 'de')).toBe(
      '--country must be one of NO, SE (got "DK"); --language must be one of nb, nn, sv, en (got "de")',
    );
    expect(usage('token', 'revoke', '--tenant', 'x')).toBe('say which token: --id <token id> or --token <token>');
    expect(usage('token', 'revoke', '--tenant', 'x', '--id', 'a', '--token', 'b')).toBe('give either --id or --token, not both');
    expect(usage('--tenant', 'x')).toBe('a command comes first, before --tenant');
    expect(usage('restore')).toBe('missing <file>');
    expect(usage('restore', 'a.tar.gz', 'b.tar.gz')).toBe('unexpected argument "b.tar.gz"; restore takes <file> only');
    expect(parse('restore', 'a.tar.gz')).toMatchObject({ kind: 'run', values: { file: expect.stringMatching(/^\/.*\/a\.tar\.gz$/) } });
  });
});
