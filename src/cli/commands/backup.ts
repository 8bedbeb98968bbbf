// SPDX-License-Identifier: EUPL-1.2
import { resolve } from 'node:path';
import { backup } from '../../platform/backup/dump.ts';
import { text, type ContextCommand } from '../command.ts';

export const backupCommand: ContextCommand = {
  kind: 'context',
  name: 'backup',
  summary: 'Write the database and the stored documents to one file, while the server runs',
  description: [
    'The rows come from one consistent snapshot; the file is a gzipped tar, readable only by you (0600).',
    'On PGlite a running server makes the backup itself; requests wait while the rows are read.',
    'Restore it with `radhus restore <file>` into an empty DATA_DIR or database.',
  ],
  // Inside the running server on PGlite: the folder has one owner, and that owner sees a consistent snapshot.
  remote: true,
  options: {
    out: { type: 'string', required: true, value: 'file', description: 'Where to write the backup, e.g. radhus-2026-11-30.tar.gz', path: true },
  },
  examples: ['radhus backup --out /var/backups/radhus/radhus-$(date +%F).tar.gz'],
  async run({ ctx, values, io }) {
    // Absolute already when it came through the server's socket (local.ts), else from our folder.
    const out = resolve(text(values, 'out'));
    const manifest = await backup(ctx, out, (line) => io.err(`  ${line}`));
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    io.out(`Wrote ${out}: ${rows} row(s) in ${manifest.tables.length} table(s) and ${manifest.files} file(s) (${manifest.bytes} bytes), schema version ${manifest.migrations.at(-1)?.version ?? 0}.`);
    return 0;
  },
};
