// SPDX-License-Identifier: EUPL-1.2
import type { ContextCommand } from '../command.ts';

export const migrateCommand: ContextCommand = {
  kind: 'context',
  name: 'migrate',
  summary: 'Bring the database schema up to date (serve does this at start too)',
  description: ['Migrations are forward-only and numbered (migrations/NNNN_name.sql).'],
  // A running server has migrated at its start; new code means restarting it, not migrating under it.
  remote: false,
  reportsMigrations: true,
  options: {},
  async run({ ctx, io, migrated }) {
    const engine = ctx.db.engine === 'pglite' ? `PGlite in ${ctx.config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
    io.out(migrated.length ? `Applied ${migrated.length} migration(s) to ${engine}.` : `${engine} is up to date.`);
    return 0;
  },
};
