// SPDX-License-Identifier: EUPL-1.2
// Starts `radhus serve` for the browser tests: a throw-away data folder, the demo municipalities
// seeded on first start, and a fresh PostgreSQL database when RADHUS_TEST_DATABASE_URL names a
// server. Removes the folder when Playwright stops it.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDatabaseUrl } from '../src/test-support/app.ts';

const port = process.env.PORT;
if (!port) throw new Error('e2e/serve.ts needs PORT');
const dataDir = await mkdtemp(join(tmpdir(), 'radhus-e2e-'));
const databaseUrl = await freshDatabaseUrl();
const bin = fileURLToPath(new URL('../bin/radhus.js', import.meta.url));

const child = spawn(process.execPath, [bin, 'serve'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL: `http://localhost:${port}`,
    NODE_ENV: 'development',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  },
});

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

child.on('exit', async (code) => {
  await rm(dataDir, { recursive: true, force: true });
  process.exit(stopping ? 0 : (code ?? 1));
});
