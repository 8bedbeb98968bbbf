#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// The `radhus` command. It runs the build in .build/, ES modules bundled from the TypeScript
// sources with esbuild, and builds first (about a second) when a source is newer, so a clone needs
// no build step and an edit never runs stale (docs/decisions/0009). RADHUS_RUN_SOURCES=1 runs the
// sources through tsx instead, as does a failed build, with a line saying why.
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

async function loadMain() {
  if (process.env.RADHUS_RUN_SOURCES !== '1') {
    try {
      const { buildServer, currentBuild, staleReason } = await import('../scripts/build-server.mjs');
      const entry = staleReason(root) ? await buildServer(root) : currentBuild(root).entry;
      // Source maps are written beside the build but not loaded: parsed they cost ~65 MB for every
      // process. NODE_OPTIONS=--enable-source-maps makes stack traces name the TypeScript files.
      return (await import(pathToFileURL(entry).href)).main;
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      console.error(`radhus: running the sources through tsx, since the build in .build/ could not be made (${reason}); "node scripts/build-server.mjs" as the checkout's owner makes it`);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
