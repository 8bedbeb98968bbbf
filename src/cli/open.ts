// SPDX-License-Identifier: EUPL-1.2
// Opens the context for a command or the server, explaining the one set-up error people meet.
import type { Config } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';

/** `withoutModules`: the command's name, for a context without the capabilities (ContextCommand.withoutModules). */
export async function openWithMigrations(config: Config, log: (line: string) => void, withoutModules?: string): Promise<AppContext> {
  try {
    if (withoutModules) {
      const { openContextWith, noModules } = await import('../platform/open-context.ts');
      return await openContextWith(config, noModules(withoutModules), { log });
    }
    const { openContext } = await import('../radhus.ts');
    return await openContext(config, { log });
  } catch (error) {
    throw explain(error);
  }
}

/** The first migration creates the role radhus_app: say how to give the database user that right. */
function explain(error: unknown): unknown {
  const message = error instanceof Error ? error.message : '';
  if (!/permission denied to create role|must have admin option on role "radhus_app"/.test(message)) return error;
  return new Error(
    `${message}: the first migration creates the role radhus_app, so the user in DATABASE_URL needs CREATEROLE (or superuser) ` +
      'that first time; or a DBA runs "CREATE ROLE radhus_app NOLOGIN; GRANT radhus_app TO <user> WITH ADMIN OPTION" (see docs/operations.md)',
  );
}
