// SPDX-License-Identifier: EUPL-1.2
// Entry point of the `radhus` command (bin/radhus.js). Returns the exit code: 0 done, 1 refused or
// failed, 2 a mistake on the command line or in the environment.
import { loadConfig } from '../platform/config.ts';
import { restrictUmask } from '../platform/data-dir.ts';
import { commands } from './commands/index.ts';
import { dispatch } from './dispatch.ts';
import { processOutput, type Output } from './io.ts';
import { runContextCommand } from './local.ts';

export async function main(argv: string[], io: Output = processOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Before anything touches DATA_DIR (the lock file, PGlite, documents): for this user alone.
  restrictUmask();
  return dispatch(argv, commands, io, async (command, values) => {
    const config = loadConfig(env);
    if (command.kind === 'process') return command.run({ config, values, io });
    return runContextCommand(command, values, argv, config, io);
  });
}
