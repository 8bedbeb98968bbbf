#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// Bundles the server and CLI (src/cli/main.ts) into ES modules under .build/, which bin/radhus.js
// runs with plain Node: about 100 MB less peak memory per process than running the sources through
// tsx, whose loader thread and transforms stay resident (docs/decisions/0009). The sources stay the
// truth: a build is made again whenever a file under src/ (or the lock file) is newer than it.
// Usage: node scripts/build-server.mjs [--if-stale] [project root]
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { newest } from './newest-file.mjs';

/** Builds kept besides the current one: a running server may still load a lazy part of its own. */
const KEEP = 4;

/** The current build, from .build/current.json: its entry module and when its build started. */
export function currentBuild(root) {
  try {
    const pointer = JSON.parse(readFileSync(join(root, '.build', 'current.json'), 'utf8'));
    const entry = join(root, '.build', pointer.dir, 'radhus.mjs');
    return existsSync(entry) && Number.isFinite(pointer.startedAt) ? { entry, startedAt: pointer.startedAt } : null;
  } catch {
    return null;
  }
}

/** Why the server must be built again, or null when the current build is up to date. */
export function staleReason(root) {
  const build = currentBuild(root);
  if (!build) return 'there is no build in .build/';
  const [time, path] = newest(['src', 'package-lock.json', 'scripts/build-server.mjs'].map((p) => join(root, p)));
  return time > build.startedAt ? `${relative(root, path)} changed after the last build` : null;
}

/**
 * Code that reads files next to itself (XSDs, migrations, fonts) asks import.meta.url for its own
 * place. In a bundle every module would get the bundle's place, so each source file's
 * import.meta.url becomes an expression for its original place, relative to the build (the checkout
 * can move; the build moves with it).
 */
export function ownPlacePlugin(outDir) {
  return {
    name: 'radhus-own-place',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta')) return { contents: source, loader: 'ts' };
        if (/import\.meta\.(dirname|filename|resolve)/.test(source)) {
          return { errors: [{ text: 'write fileURLToPath(new URL(…, import.meta.url)) instead of import.meta.dirname, filename or resolve: the server build rewrites only import.meta.url' }] };
        }
        const fromBuild = relative(outDir, args.path).split(sep).join('/');
        return { contents: source.replaceAll('import.meta.url', `(new URL(${JSON.stringify(fromBuild)}, import.meta.url).href)`), loader: 'ts' };
      });
    },
  };
}

/**
 * Builds into a folder of its own (about a second) and then points .build/current.json at it, so
 * a process starting meanwhile, or a server already running, never sees half a build. Returns the
 * entry module.
 */
export async function buildServer(root) {
  const require = createRequire(join(root, 'package.json'));
  const esbuild = await import(pathToFileURL(require.resolve('esbuild')).href);
  const startedAt = Date.now();
  const dir = `${startedAt.toString(36)}-${process.pid}`;
  const outDir = join(root, '.build', dir);
  mkdirSync(outDir, { recursive: true });
  try {
    await esbuild.build({
      entryPoints: { radhus: join(root, 'src', 'cli', 'main.ts') },
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      // Each lazily imported part (a command, the export, the demo data) is a chunk loaded when used.
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      logLevel: 'silent',
      plugins: [ownPlacePlugin(outDir)],
    });
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  const pointer = join(root, '.build', 'current.json');
  writeFileSync(`${pointer}.${process.pid}`, `${JSON.stringify({ dir, startedAt })}\n`);
  renameSync(`${pointer}.${process.pid}`, pointer);
  prune(join(root, '.build'), dir);
  return join(outDir, 'radhus.mjs');
}

/** Removes all but the newest few builds. */
function prune(buildRoot, current) {
  const builds = readdirSync(buildRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== current)
    .map((e) => ({ name: e.name, time: statSync(join(buildRoot, e.name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of builds.slice(KEEP)) rmSync(join(buildRoot, old.name), { recursive: true, force: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const root = resolve(args.find((a) => !a.startsWith('--')) ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const reason = staleReason(root);
  if (args.includes('--if-stale') && !reason) {
    console.log('build-server: the build in .build/ is up to date');
  } else {
    const entry = await buildServer(root);
    console.log(`build-server: built ${relative(root, entry)}${reason ? ` (${reason})` : ''}`);
  }
}
