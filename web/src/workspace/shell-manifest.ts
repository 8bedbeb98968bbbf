// SPDX-License-Identifier: EUPL-1.2
// What the service worker keeps for a reload without network (sw.js): index.html and the build's
// scripts, styles, the Latin font files and the icon — not source maps, not the Cyrillic, Greek or
// Vietnamese fonts nobody here reads. The version is a hash of all of it and of the worker itself,
// so every build that changes anything is a new worker that replaces the old shell cache.
// Run by the build (web/vite.config.ts) on the files in web/dist.
import { createHash } from 'node:crypto';

export interface ShellManifest { version: string; entry: string; files: string[] }

const KEPT = [/^assets\/[^/]+\.(js|css)$/, /^assets\/inter-latin(-ext)?-\d+-normal-[^/]+\.woff2$/, /^favicon\.svg$/];

/** `files`: paths relative to web/dist ('/'-separated); `indexHtml`: the built index.html. */
export function shellManifest(files: readonly string[], indexHtml: string, workerSource: string): ShellManifest {
  const entry = /<script type="module"[^>]*\ssrc="(\/app\/assets\/[^"]+\.js)"/.exec(indexHtml)?.[1];
  if (!entry) throw new Error('web/dist/index.html has no module script under /app/assets/: the service worker cannot tell its build');
  const kept = files.filter((f) => KEPT.some((re) => re.test(f))).sort().map((f) => `/app/${f}`);
  if (!kept.includes(entry)) throw new Error(`the entry script ${entry} is not among the built files`);
  const version = createHash('sha256').update(workerSource).update('\0').update(indexHtml).update('\0').update(kept.join('\n')).digest('hex').slice(0, 16);
  return { version, entry, files: kept };
}

/** web/dist/sw.js: the manifest in front of the worker's source. */
export function workerScript(manifest: ShellManifest, workerSource: string): string {
  return `// SPDX-License-Identifier: EUPL-1.2\n// Built by web/vite.config.ts from web/src/workspace/sw.js.\nself.RADHUS_SHELL = ${JSON.stringify(manifest)};\n${workerSource}`;
}
