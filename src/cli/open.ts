// SPDX-License-Identifier: EUPL-1.2
// Opens the context for a command or the server. The database is opened here, not inside
// openContext, so that a failed migration still closes it: an open PGlite keeps the process alive.
import type { Config } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import { openDatabase } from '../platform/db/database.ts';

export async function openWithMigrations(config: Config, log: (line: string) => void): Promise<AppContext> {
  const { openContext } = await import('../radhus.ts');
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await openContext(config, { db, log });
  } catch (error) {
    await db.close();
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
