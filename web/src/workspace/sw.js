// SPDX-License-Identifier: EUPL-1.2
// The workspace's service worker (issue 11 §3, "usable on a poor connection"): it only makes a
// reload of /app/… work without a network. The build (web/vite.config.ts, shell-manifest.ts) writes
// `self.RADHUS_SHELL = {version, entry, files}` in front of this file as web/dist/sw.js, so every
// build is a new worker with its own shell cache.
//
// Network first, always: a navigation under /app/ and the build's own files go to the network, and
// only when the network fails does the cached copy answer (index.html for any /app/ address). The
// API is never answered or cached here: the workspace page keeps its agenda and papers in
// `radhus-workspace-v1` itself and reads them when the network fails (offline.ts) — answering from
// that cache here would make the page believe it is online and save the old copy as new.
// A new build takes over at once (skipWaiting, clients.claim) and deletes the old shell caches.
// Plain JavaScript, no imports: a classic worker script runs in every browser that has workers.
'use strict';

const SHELL = self.RADHUS_SHELL;
const PREFIX = 'radhus-shell-';
const SHELL_CACHE = PREFIX + SHELL.version;
const INDEX = '/app/';
const FILES = new Set(SHELL.files);

/** A response fit to keep: a whole 200 from this origin, not a redirect, not marked no-store; index.html only if it is this build's. */
async function cacheable(response, path) {
  if (!response || response.status !== 200 || response.redirected || response.type !== 'basic') return false;
  if (/no-store|private/i.test(response.headers.get('cache-control') || '')) return false;
  if (path !== INDEX) return true;
  // During a rolling deploy another build's index.html may answer: its assets are not in this cache.
  return (await response.clone().text()).includes(SHELL.entry);
}

/** Fetches what the shell cache lacks; fails (and so fails the install) if a file cannot be kept. */
async function precache() {
  const cache = await caches.open(SHELL_CACHE);
  const paths = [INDEX, ...SHELL.files];
  const missing = [];
  for (const path of paths) if (!(await cache.match(path))) missing.push(path);
  await Promise.all(
    missing.map(async (path) => {
      const response = await fetch(path, { credentials: 'same-origin', cache: path === INDEX ? 'no-cache' : 'default' });
      if (!(await cacheable(response, path))) throw new Error(`${path} could not be kept for offline use (${response.status})`);
      await cache.put(path, response);
    }),
  );
}

/** Network first; the copy under `key` only when the network fails. A good answer fills a missing copy (after a logout cleared it). */
async function networkFirst(request, key) {
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const cached = await (await caches.open(SHELL_CACHE)).match(key);
    if (cached) return cached;
    throw error;
  }
  try {
    const cache = await caches.open(SHELL_CACHE);
    if (!(await cache.match(key)) && (await cacheable(response, key))) await cache.put(key, response.clone());
  } catch {
    // Keeping a copy is a bonus; the answer is the network's either way.
  }
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== SHELL_CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// The workspace page asks again on every visit: a shell cleared at logout is filled at the next login.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'precache') event.waitUntil(precache().catch(() => undefined));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (url.pathname.startsWith('/app/') && url.pathname !== '/app/sw.js') event.respondWith(networkFirst(request, INDEX));
    return;
  }
  if (FILES.has(url.pathname) && !url.search) event.respondWith(networkFirst(request, url.pathname));
  // Anything else (the API, the public site, uploads) is not answered here and never cached.
});
