// SPDX-License-Identifier: EUPL-1.2
// Counts the SQL statements sent through Kysely (BEGIN/COMMIT excluded), to show how many round
// trips to the database one API call costs next to the raw SQL floor.
import type { Database } from '../src/platform/db/database.ts';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

export class QueryCounter implements KyselyPlugin {
  count = 0;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** Puts the plugins on every handle the app sends statements through: its own and, on PostgreSQL, the public reads' pool. */
export function observeStatements(db: Database, ...plugins: KyselyPlugin[]): void {
  db.kysely = plugins.reduce((handle, plugin) => handle.withPlugin(plugin), db.kysely);
  if (db.publicReads) db.publicReads = plugins.reduce((handle, plugin) => handle.withPlugin(plugin), db.publicReads);
}
