// SPDX-License-Identifier: EUPL-1.2
// bin/radhus.js runs a build of the sources (scripts/build-server.mjs): made when missing or older
// than a source, never half-read, the same files found next to each module as from the sources,
// and the sources through tsx when a build cannot be made.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JavaScript module without types
import { buildServer, currentBuild, staleReason } from './build-server.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const write = (root: string, path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

/** A tiny project with the real bin/radhus.js and build script: main reads a file next to a lazily imported module. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'radhus-build-'));
  roots.push(root);
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  write(root, 'package.json', '{"type":"module"}');
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'scripts'));
  copyFileSync(join(repo, 'bin', 'radhus.js'), join(root, 'bin', 'radhus.js'));
  for (const script of ['build-server.mjs', 'newest-file.mjs']) copyFileSync(join(repo, 'scripts', script), join(root, 'scripts', script));
  write(root, 'src/cli/main.ts', `export async function main(argv: string[]): Promise<number> {
  const { greeting } = await import('../words/deep/read.ts');
  process.stdout.write(greeting() + ' ' + argv.join(' ') + '\\n');
  return 3;
}\n`);
  // Deeper than .build/<id>/: read from the build's own place it would miss the file.
  write(root, 'src/words/deep/read.ts', `import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
export const greeting = (): string => readFileSync(fileURLToPath(new URL('../../../standards/greeting.txt', import.meta.url)), 'utf8').trim();\n`);
  write(root, 'standards/greeting.txt', 'hei\n');
  return root;
}

function run(root: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'radhus.js'), 'a', 'b'], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const builds = (root: string) => readdirSync(join(root, '.build'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const age = (path: string, secondsAgo: number) => {
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, when, when);
};

describe('the server build', { timeout: 120_000 }, () => {
  it('is made on the first run and finds files next to each module as the sources do', () => {
    const root = project();
    expect(staleReason(root)).toBe('there is no build in .build/');
    expect(run(root)).toEqual({ code: 3, out: 'hei a b\n', err: '' });
    expect(staleReason(root)).toBeNull();
    // The lazily imported module is a chunk of its own, loaded when used.
    expect(readdirSync(dirname(currentBuild(root).entry)).filter((f: string) => f.endsWith('.mjs')).length).toBeGreaterThan(1);
  });

  it('is used again until a source changes, then made again', () => {
    const root = project();
    run(root);
    const first = currentBuild(root);
    expect(run(root).out).toBe('hei a b\n');
    expect(currentBuild(root)).toEqual(first);

    write(root, 'standards/greeting.txt', 'hej\n'); // not a source: read at run time
    expect(run(root).out).toBe('hej a b\n');
    expect(currentBuild(root)).toEqual(first);

    write(root, 'src/words/deep/read.ts', readFileSync(join(root, 'src/words/deep/read.ts'), 'utf8').replace('.trim()', ".trim().toUpperCase()"));
    expect(staleReason(root)).toBe('src/words/deep/read.ts changed after the last build');
    expect(run(root)).toEqual({ code: 3, out: 'HEJ a b\n', err: '' });
    expect(currentBuild(root).entry).not.toBe(first.entry);
  });

  it('keeps the newest few builds for servers still running from them', async () => {
    const root = project();
    for (let i = 0; i < 7; i++) {
      await buildServer(root);
      for (const name of builds(root)) age(join(root, '.build', name), 60 - i); // an older build each round
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(builds(root)).toHaveLength(5);
    expect(builds(root)).toContain(dirname(currentBuild(root).entry).split('/').pop());
  });

  it('falls back to the sources through tsx, saying why, when the build fails; nothing half-made is left', () => {
    const root = project();
    write(root, 'src/words/deep/read.ts', `export const greeting = (): string => import.meta.dirname.length > 0 ? 'hallo' : '';\n`);
    const result = run(root);
    expect(result.code).toBe(3);
    expect(result.out).toBe('hallo a b\n');
    expect(result.err).toContain('radhus: running the sources through tsx, since the build in .build/ could not be made');
    expect(currentBuild(root)).toBeNull();
    expect(existsSync(join(root, '.build')) ? builds(root) : []).toEqual([]);
  });

  it('is not made with RADHUS_RUN_SOURCES=1', () => {
    const root = project();
    expect(run(root, { RADHUS_RUN_SOURCES: '1' })).toEqual({ code: 3, out: 'hei a b\n', err: '' });
    expect(existsSync(join(root, '.build'))).toBe(false);
  });

  it("of Rådhus itself points every module's own place at a file or folder that exists", async () => {
    const entry: string = staleReason(repo) ? await buildServer(repo) : currentBuild(repo).entry;
    const dir = dirname(entry);
    const places = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.mjs'))) {
      const code = readFileSync(join(dir, file), 'utf8');
      for (const m of code.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)) places.add(m[1]!);
      // Every import.meta.url left in the build is one the plugin wrote.
      expect(code.split('import.meta.url').length - 1).toBe([...code.matchAll(/new URL\("[^"]+", import\.meta\.url\)/g)].length);
    }
    expect([...places].some((p) => p.endsWith('src/platform/db/migrate.ts'))).toBe(true);
    for (const place of places) expect(existsSync(fileURLToPath(new URL(place, `file://${dir}/`))), place).toBe(true);
  });
});
