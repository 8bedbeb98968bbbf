// SPDX-License-Identifier: EUPL-1.2
// The staff workspace is built once into web/dist and served by the Fastify server under /app/
// (src/web/routes.ts), so the product stays one process with no separate web server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
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
