// SPDX-License-Identifier: EUPL-1.2
// The staff workspace is built once into web/dist and served by the Fastify server under /app/
// (src/web/routes.ts), so the product stays one process with no separate web server.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { shellManifest, workerScript } from './src/workspace/shell-manifest.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('./dist', import.meta.url));

/** Every file under `dir`, as full paths. */
const listFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));

// The workspace's service worker (web/src/workspace/sw.js) is written after the build as dist/sw.js,
// with the list of this build's files and a version made from them: a new build is a new worker.
function serviceWorker(): Plugin {
  return {
    name: 'radhus-service-worker',
    apply: 'build',
    closeBundle() {
      const index = join(outDir, 'index.html');
      if (!existsSync(index)) return;
      const source = readFileSync(fileURLToPath(new URL('./src/workspace/sw.js', import.meta.url)), 'utf8');
      const files = listFiles(outDir).map((f) => relative(outDir, f).split(sep).join('/'));
      writeFileSync(join(outDir, 'sw.js'), workerScript(shellManifest(files, readFileSync(index, 'utf8'), source), source));
    },
  };
}

export default defineConfig({
  root,
  base: '/app/',
  plugins: [react(), serviceWorker()],
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    // React, Designsystemet and the app are one ~150 kB (gzip) download for staff, cached forever.
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `vite --config web/vite.config.ts` during development: the API is the real server.
    proxy: { '/api': 'http://localhost:3000', '/auth': 'http://localhost:3000', '/demo-idp': 'http://localhost:3000' },
  },
});
