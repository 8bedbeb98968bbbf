// SPDX-License-Identifier: EUPL-1.2
// The workspace's service worker (sw.js) is registered by the workspace pages only: a member who
// opens a meeting can reload it without a network; nobody else gets a worker. Logging out deletes
// the saved agenda and papers (closed items' papers are screened: a shared tablet must not keep
// them) and the shell the worker keeps.
import { OFFLINE_CACHE } from './offline.ts';

export const WORKER_URL = '/app/sw.js';
export const SHELL_CACHE_PREFIX = 'radhus-shell-';

/** Registers the worker (scope /app/) and asks it to fill its shell if a logout emptied it. Never throws. */
export function registerWorkspaceWorker(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    // updateViaCache 'none': the browser asks the server for sw.js on every check, never its HTTP cache.
    .register(WORKER_URL, { scope: '/app/', updateViaCache: 'none' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active?.postMessage({ type: 'precache' }))
    // No worker (a development server without the build, a browser that refuses it): the page works as before.
    .catch(() => undefined);
}

/** Deletes the workspace's saved copies and the worker's shell. Never throws. */
export async function clearOfflineCopies(): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n === OFFLINE_CACHE || n.startsWith(SHELL_CACHE_PREFIX)).map((n) => caches.delete(n)));
  } catch {
    // A browser that refuses storage has nothing saved either.
  }
}
