// SPDX-License-Identifier: EUPL-1.2
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./build-web-if-stale.mjs', import.meta.url));
const modules = fileURLToPath(new URL('../node_modules', import.meta.url));

const roots: string[] = [];
/** A temporary project folder, removed after the tests (its node_modules is only a symlink). */
function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'radhus-web-'));
  roots.push(root);
  return root;
}
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function run(root: string) {
  const result = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  return { code: result.status, output: result.stdout + result.stderr };
}

/** A tiny project with a web UI that vite can build in a second. */
function project(): string {
  const root = tempRoot();
  symlinkSync(modules, join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}');
  mkdirSync(join(root, 'web', 'src'), { recursive: true });
  writeFileSync(
    join(root, 'web', 'vite.config.ts'),
    `import { fileURLToPath } from 'node:url';
export default { root: fileURLToPath(new URL('.', import.meta.url)), logLevel: 'silent',
  build: { outDir: fileURLToPath(new URL('./dist', import.meta.url)), emptyOutDir: true } };\n`,
  );
  writeFileSync(join(root, 'web', 'index.html'), '<!doctype html><title>t</title><script type="module" src="/src/main.js"></script>\n');
  writeFileSync(join(root, 'web', 'src', 'main.js'), 'document.title = "built";\n');
  return root;
}

const age = (path: string, secondsAgo: number) => {
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, when, when);
};

describe('build-web-if-stale', { timeout: 120_000 }, () => {
  it('skips with a note while there is no web UI yet', () => {
    const root = tempRoot();
    expect(run(root)).toEqual({ code: 0, output: 'build-web-if-stale: web/vite.config.ts does not exist, so there is no web UI to build; skipping\n' });
  });

  it('builds when web/dist is missing, then not again until a source changes', () => {
    const root = project();
    const first = run(root);
    expect(first.output).toContain('web/dist is missing; running vite build');
    expect(first.code).toBe(0);
    expect(existsSync(join(root, 'web', 'dist', 'index.html'))).toBe(true);

    expect(run(root)).toEqual({ code: 0, output: 'build-web-if-stale: web/dist is up to date\n' });

    age(join(root, 'web', 'dist', 'index.html'), 60);
    const changed = run(root);
    expect(changed.output).toMatch(/web\/(src\/main\.js|index\.html|vite\.config\.ts) is newer than web\/dist; running vite build/);
    expect(changed.code).toBe(0);
  });

  it('fails when the build fails', () => {
    const root = project();
    writeFileSync(join(root, 'web', 'src', 'main.js'), 'import "./does-not-exist.js";\n');
    const result = run(root);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('vite build failed');
  });
});
