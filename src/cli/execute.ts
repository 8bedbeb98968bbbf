// SPDX-License-Identifier: EUPL-1.2
// Runs a command on an open context and turns domain errors into their detail, every failing
// field, and exit code 1. Shared by the local runner and the server's command socket.
import { ProblemError } from '../platform/http/problem.ts';
import type { CommandEnv, ContextCommand } from './command.ts';
import type { Output } from './io.ts';

export async function execute(command: ContextCommand, env: CommandEnv): Promise<number> {
  try {
    return await command.run(env);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    reportProblem(command, error, env.io);
    return 1;
  }
}

function reportProblem(command: ContextCommand, problem: ProblemError, io: Output): void {
  io.err(`radhus ${command.name}: ${problem.detail}`);
  for (const field of problem.errors) io.err(`  ${flagFor(command, field.field)}: ${field.message}`);
}

/** Domain errors name fields (officialNumber); the user typed flags (--number). */
function flagFor(command: ContextCommand, field: string): string {
  const flag = command.fieldFlags?.[field] ?? (field in command.options ? field : undefined);
  return flag ? `--${flag}` : field;
}
