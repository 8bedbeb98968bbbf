// SPDX-License-Identifier: EUPL-1.2
// A small history-based router: the workspace has a handful of screens, not worth a dependency.
import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './routes.ts';

const listeners = new Set<() => void>();
let navigated = false;
const notify = () => {
  navigated = true;
  listeners.forEach((l) => l());
};
window.addEventListener('popstate', notify);

/**
 * True once the app has moved between screens itself. On the first load the browser's own focus
 * handling applies (Tab reaches the skip link first); after that, each screen focuses its heading.
 */
export const hasNavigated = (): boolean => navigated;

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

let lastKey = '';
let lastRoute: Route = parseRoute(location.pathname, location.search);

function snapshot(): Route {
  const key = location.pathname + location.search;
  if (key !== lastKey) {
    lastKey = key;
    lastRoute = parseRoute(location.pathname, location.search);
  }
  return lastRoute;
}

export function useRoute(): Route {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot,
  );
}
