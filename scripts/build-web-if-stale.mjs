#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// Builds the staff web UI (web/dist) before `npm start` and `npm run test:e2e`, but only when it is
// missing or older than its sources, so a start after a fresh clone works and later starts are quick.
// Usage: node scripts/build-web-if-stale.mjs [project root]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newest } from './newest-file.mjs';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const config = join(root, 'web', 'vite.config.ts');
const built = join(root, 'web', 'dist', 'index.html');
const sources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts'].map((p) => join(root, p));

const say = (line) => console.log(`build-web-if-stale: ${line}`);

if (!existsSync(config)) {
  say('web/vite.config.ts does not exist, so there is no web UI to build; skipping');
  process.exit(0);
}

const [sourceTime, sourcePath] = newest(sources);
let reason;
if (!existsSync(built)) reason = 'web/dist is missing';
else if (sourceTime > statSync(built).mtimeMs) reason = `${relative(root, sourcePath)} is newer than web/dist`;

if (!reason) {
  say('web/dist is up to date');
  process.exit(0);
}

say(`${reason}; running vite build --config web/vite.config.ts`);
const require = createRequire(join(root, 'package.json'));
const vitePackage = require.resolve('vite/package.json');
const bin = JSON.parse(readFileSync(vitePackage, 'utf8')).bin;
const vite = join(dirname(vitePackage), typeof bin === 'string' ? bin : bin.vite);
const result = spawnSync(process.execPath, [vite, 'build', '--config', config], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  say(`vite build failed (exit code ${result.status ?? result.signal})`);
  process.exit(result.status || 1);
}
say('built web/dist');
