// SPDX-License-Identifier: EUPL-1.2
// Serves the staff workspace (web/dist, built by `npm run build:web`) under /app/; `/` belongs to
// the public site (src/site). Every /app/* address that is not a file gets index.html, so the
// browser's router can take over. Hashed assets never change and are cached for good; index.html
// is revalidated so a new build shows up. The workspace's service worker (/app/sw.js, written by the
// build from web/src/workspace/sw.js) is revalidated too, so a new build's worker is found at once;
// its scope is /app/ because it lives there (no Service-Worker-Allowed header needed).
import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { App, Module } from '../platform/http/app.ts';

export const defaultDistDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const SHORT = 'public, max-age=3600';
const WORKER = 'sw.js';

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file under `root` that a request path names, or undefined if it would leave the folder. */
export function resolveInside(root: string, requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const full = normalize(join(root, decoded));
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : undefined;
}

export function cacheControlFor(relativePath: string): string {
  if (relativePath === 'index.html' || relativePath === WORKER) return REVALIDATE;
  if (relativePath.startsWith('assets/')) return IMMUTABLE;
  return SHORT;
}

export function createWebModule(distDir: string = defaultDistDir): Module {
  const root = normalize(distDir);
  const indexFile = join(root, 'index.html');

  async function sendIndex(reply: FastifyReply) {
    if (!(await isFile(indexFile)))
      return reply
        .status(503)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send('The staff web UI has not been built yet. Run `npm run build:web` (or `npm start`, which builds it when needed) and reload this page.\n');
    return reply.header('cache-control', REVALIDATE).sendFile('index.html', root, { cacheControl: false });
  }

  return {
    name: 'web',
    async register(app: App) {
      // serve: false — the routes below decide per request, so a build made after start is served.
      await app.register(fastifyStatic, { root, serve: false });

      // Static files need no one's identity: no session lookup, no database work per asset.
      const open = { schema: { hide: true }, config: { authentication: false, access: 'public' as const } };
      app.get('/app', open, async (_request, reply) => reply.redirect('/app/', 301));
      app.get('/app/', open, async (_request, reply) => sendIndex(reply));
      app.get('/app/*', open, async (request, reply) => {
        const rest = (request.params as { '*': string })['*'];
        const file = resolveInside(root, rest);
        if (file && file !== indexFile && (await isFile(file))) {
          const relative = file.slice(root.length + 1).split(sep).join('/');
          return reply.header('cache-control', cacheControlFor(relative)).sendFile(relative, root, { cacheControl: false });
        }
        // A missing hashed asset is a stale page asking for an old build: a 404, not the app shell.
        // So is a missing worker: index.html in its place would only make its registration fail.
        if (rest.startsWith('assets/') || rest === WORKER) return reply.status(404).type('text/plain; charset=utf-8').send('not found\n');
        return sendIndex(reply);
      });
    },
  };
}

export const webModule: Module = createWebModule();
