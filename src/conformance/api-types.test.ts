// SPDX-License-Identifier: EUPL-1.2
// The web UI's API types (web/src/api/schema.d.ts) are generated from docs/openapi.json by
// `npm run api-types`, and committed. This test generates them afresh and fails when the committed
// file differs: after the API changes, regenerate docs/openapi.json (npm run openapi) and then the
// types, and the typecheck shows every place in the UI that the change touches.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('the web UI’s generated API types', () => {
  it('are committed as web/src/api/schema.d.ts, identical to a fresh generation from docs/openapi.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'radhus-api-types-'));
    try {
      const fresh = join(dir, 'schema.d.ts');
      execFileSync(process.execPath, [join(root, 'node_modules/openapi-typescript/bin/cli.js'), join(root, 'docs/openapi.json'), '--output', fresh], { cwd: root, stdio: 'pipe' });
      const committed = readFileSync(join(root, 'web/src/api/schema.d.ts'), 'utf8');
      expect(committed === readFileSync(fresh, 'utf8'), 'web/src/api/schema.d.ts is stale: run `npm run api-types` and commit it').toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
