// SPDX-License-Identifier: EUPL-1.2
// The web UI's API types (web/src/api/schema.d.ts) are generated from docs/openapi.json by
// scripts/api-types.mjs: after `npm install`, before every `npm run typecheck`, and by
// `npm run api-types`. They are build output, not committed. This test fails when the file in the
// working tree differs from a fresh generation (docs/openapi.json changed and the types were not
// regenerated, so the typecheck judged the UI against an old API), and when it is committed again.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const inTree = 'web/src/api/schema.d.ts';

describe('the web UI’s generated API types', () => {
  it('are identical to a fresh generation from docs/openapi.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'radhus-api-types-'));
    try {
      const fresh = join(dir, 'schema.d.ts');
      execFileSync(process.execPath, [join(root, 'scripts/api-types.mjs'), '--output', fresh], { cwd: root, stdio: 'pipe' });
      const present = readFileSync(join(root, inTree), 'utf8');
      expect(present === readFileSync(fresh, 'utf8'), `${inTree} is stale: run \`npm run api-types\``).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Outside a git checkout (an unpacked release) there is no commit to keep it out of.
  it.skipIf(!existsSync(join(root, '.git')))('are build output: ignored by git, not committed', () => {
    expect(execFileSync('git', ['check-ignore', inTree], { cwd: root, encoding: 'utf8' }).trim()).toBe(inTree);
    expect(execFileSync('git', ['ls-files', '--', inTree], { cwd: root, encoding: 'utf8' })).toBe('');
  });
});
