// SPDX-License-Identifier: EUPL-1.2
// `npm run api-types` (also after `npm install` and before every typecheck): generates the web UI's
// API types, web/src/api/schema.d.ts, from docs/openapi.json with openapi-typescript. The file is
// build output, like web/dist: 22 000 lines that no one edits, so it is not committed (.gitignore).
// docs/openapi.json is the reviewed contract (src/conformance/openapi.test.ts keeps it in step with
// the server); regenerating from it before each typecheck shows every place in the UI an API change
// touches. An install without devDependencies (a production server) has no openapi-typescript and no
// typecheck to feed: it is told so and goes on. `--output FILE` writes elsewhere (the test compares).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'node_modules/openapi-typescript/bin/cli.js');
const at = process.argv.indexOf('--output');
const output = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : join(root, 'web/src/api/schema.d.ts');

if (!existsSync(cli)) {
  console.log('api-types: openapi-typescript is not installed (no devDependencies), so web/src/api/schema.d.ts is not generated; the server does not need it');
} else {
  // Its progress lines say nothing a typecheck needs; its errors do. The file is replaced only when
  // its text changes: a new modification time alone would make build-web-if-stale build the UI again.
  // The fresh copy is written beside the output, so the rename never crosses file systems.
  const fresh = `${output}.${process.pid}.tmp`;
  try {
    execFileSync(process.execPath, [cli, join(root, 'docs/openapi.json'), '--output', fresh], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (!existsSync(output) || readFileSync(output, 'utf8') !== readFileSync(fresh, 'utf8')) renameSync(fresh, output);
  } finally {
    rmSync(fresh, { force: true });
  }
}
