// SPDX-License-Identifier: EUPL-1.2
// The newest file under some paths, for the scripts that rebuild when a source changed
// (build-web-if-stale.mjs, build-server.mjs).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest file under the given paths (files or folders, missing ones skipped), as [mtime in ms, path]. */
export function newest(paths) {
  let best = [0, ''];
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if (stat.mtimeMs > best[0]) {
      best = [stat.mtimeMs, path];
    }
  };
  paths.forEach(visit);
  return best;
}
