// SPDX-License-Identifier: EUPL-1.2
// `radhus open311 key create --tenant <slug>`: the key printed once on the last line, only its hash stored.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/db/database.ts';
import { freshDatabaseUrl } from '../test-support/app.ts';
import { captureOutput } from '../cli/io.ts';
import { main } from '../cli/main.ts';

let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'radhus-open311-cli-'));
  const databaseUrl = await freshDatabaseUrl();
  env = { NODE_ENV: 'test', DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
});

async function radhus(...argv: string[]) {
  const io = captureOutput();
  const code = await main(argv, io, env);
  return { code, stdout: io.stdout, stderr: io.stderr, last: io.stdout.at(-1) ?? '' };
}

describe('radhus open311 key create', () => {
  it('prints the key once and stores its hash; an unknown municipality is refused', async () => {
    expect((await radhus('tenant', 'add', '--slug', 'balsfjord', '--number', '5532', '--name', 'Balsfjord kommune', '--country', 'NO')).code).toBe(0);
    const created = await radhus('open311', 'key', 'create', '--tenant', 'balsfjord', '--name', 'FiksGataMi');
    expect(created.code, created.stderr.join('\n')).toBe(0);
    expect(created.last).toMatch(/^o311_[A-Za-z0-9_-]{43}$/);
    const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      const rows = (await sql<{ name: string; key_hash: string }>`select name, key_hash from open311_keys`.execute(db.kysely)).rows;
      expect(rows).toEqual([{ name: 'FiksGataMi', key_hash: createHash('sha256').update(created.last).digest('hex') }]);
    } finally {
      await db.close();
    }
    const unknown = await radhus('open311', 'key', 'create', '--tenant', 'nowhere');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr.join('\n')).toContain('no municipality with slug "nowhere"');
  });
});
