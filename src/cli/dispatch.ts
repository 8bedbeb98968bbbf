// SPDX-License-Identifier: EUPL-1.2
// Parse, print help, or run; and map every kind of failure to its message and exit code:
// 2 for what the user typed (or the environment), 1 for everything refused or failed.
import { ConfigError } from '../platform/config.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { UsageError, type Command, type Values } from './command.ts';
import { commandHelp, generalHelp, groupHelp } from './help.ts';
import type { Output } from './io.ts';
import { parseCommandLine } from './parse.ts';

export type Runner = (command: Command, values: Values) => Promise<number>;

export async function dispatch(argv: string[], commands: readonly Command[], io: Output, run: Runner): Promise<number> {
  if (argv.length === 0) {
    for (const line of generalHelp(commands)) io.err(line);
    return 2;
  }
  try {
    const parsed = parseCommandLine(argv, commands);
    if (parsed.kind === 'run') return await run(parsed.command, parsed.values);
    const lines = parsed.command ? commandHelp(parsed.command) : parsed.group ? groupHelp(parsed.group, commands) : generalHelp(commands);
    for (const line of lines) io.out(line);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`radhus: ${error.message}`);
      io.err(`See "radhus ${error.command ? `${error.command} ` : ''}--help".`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.err(`radhus: fix the environment: ${error.message}`);
      return 2;
    }
    io.err(`radhus: ${error instanceof ProblemError ? error.detail : error instanceof Error ? error.message : String(error)}`);
    if (process.env.RADHUS_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}
