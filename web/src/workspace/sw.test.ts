// SPDX-License-Identifier: EUPL-1.2
// The service worker (sw.js), the very file the build ships, run here with a fake browser around it
// (its events, caches and network): network first for the app shell, the cached shell only when the
// network fails, nothing else answered or cached (the API, a POST, another build's index.html, a
// no-store answer), and a new build deleting the old shell cache and taking over.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { shellManifest, workerScript } from './shell-manifest.ts';

const ORIGIN = 'http://localhost:3000';
const source = readFileSync(new URL('./sw.js', import.meta.url), 'utf8');
const INDEX_HTML = '<!doctype html><script type="module" crossorigin src="/app/assets/index-abc.js"></script><div id="root"></div>';
const manifest = shellManifest(['index.html', 'sw.js', 'assets/index-abc.js', 'assets/index-abc.js.map', 'assets/index-def.css', 'assets/inter-latin-400-normal-x1.woff2', 'assets/inter-greek-400-normal-x2.woff2', 'favicon.svg'], INDEX_HTML, source);

type Listener = (event: Record<string, unknown>) => void;
interface Req { method: string; url: string; mode: string }

const keyOf = (key: string | Req) => { const u = new URL(typeof key === 'string' ? key : key.url, ORIGIN); return u.pathname + u.search; };
const basic = (body: string, headers: Record<string, string> = {}, status = 200) => Object.defineProperty(new Response(body, { status, headers }), 'type', { value: 'basic' });

function browser() {
  const stores = new Map<string, Map<string, Response>>();
  const listeners = new Map<string, Listener>();
  const server = new Map<string, () => Response>();
  const fetched: string[] = [];
  const state = { online: true, skipped: false, claimed: false };
  const open = async (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name)!;
    return { match: async (k: string | Req) => store.get(keyOf(k))?.clone(), put: async (k: string | Req, r: Response) => void store.set(keyOf(k), r) };
  };
  const self = {
    RADHUS_SHELL: manifest,
    location: { origin: ORIGIN },
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
    skipWaiting: async () => void (state.skipped = true),
    clients: { claim: async () => void (state.claimed = true) },
  };
  const fetch = async (input: string | Req) => {
    if (!state.online) throw new TypeError('Failed to fetch');
    const key = keyOf(input);
    fetched.push(key);
    const reply = server.get(key) ?? (key.startsWith('/app/') && !key.startsWith('/app/assets/') ? server.get('/app/') : undefined);
    return reply ? reply() : basic('not found', {}, 404);
  };
  runInNewContext(source, { self, caches: { open, keys: async () => [...stores.keys()], delete: async (n: string) => stores.delete(n) }, fetch, URL, Response, console });
  // This build on the server: index.html (revalidated) and its files.
  server.set('/app/', () => basic(INDEX_HTML, { 'content-type': 'text/html', 'cache-control': 'no-cache' }));
  for (const f of manifest.files) server.set(f, () => basic(`contents of ${f}`, { 'cache-control': 'public, max-age=31536000, immutable' }));

  async function lifecycle(type: 'install' | 'activate' | 'message', data?: unknown) {
    const waits: Promise<unknown>[] = [];
    listeners.get(type)!({ data, waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
  }
  /** What the worker answers: undefined when it leaves the request to the browser. */
  async function request(url: string, init: { method?: string; mode?: string } = {}): Promise<Response | undefined> {
    let answer: Promise<Response> | undefined;
    listeners.get('fetch')!({ request: { method: init.method ?? 'GET', url: new URL(url, ORIGIN).href, mode: init.mode ?? 'cors' }, respondWith: (p: Promise<Response>) => (answer = p) });
    return answer ? await answer : undefined;
  }
  const navigate = (url: string) => request(url, { mode: 'navigate' });
  return { stores, server, fetched, state, lifecycle, request, navigate, shell: `radhus-shell-${manifest.version}` };
}

describe('the workspace service worker', () => {
  it('is built from this build: its entry, its scripts, styles, Latin fonts and icon, never source maps', () => {
    expect(manifest.entry).toBe('/app/assets/index-abc.js');
    expect(manifest.files).toEqual(['/app/assets/index-abc.js', '/app/assets/index-def.css', '/app/assets/inter-latin-400-normal-x1.woff2', '/app/favicon.svg']);
    expect(shellManifest(['assets/index-xyz.js'], INDEX_HTML.replace('abc', 'xyz'), source).version).not.toBe(manifest.version);
    expect(() => shellManifest([], '<html></html>', source)).toThrow(/no module script/);
    expect(workerScript(manifest, source)).toMatch(/^\/\/ SPDX-License-Identifier: EUPL-1\.2\n[^]*self\.RADHUS_SHELL = \{"version":"[0-9a-f]{16}"/);
  });

  it('installs by keeping the shell, and takes over at once; another build\'s index.html fails the install', async () => {
    const b = browser();
    await b.lifecycle('install');
    expect([...b.stores.get(b.shell)!.keys()].sort()).toEqual(['/app/', ...manifest.files].sort());
    expect(b.state.skipped).toBe(true);

    const c = browser();
    c.server.set('/app/', () => basic(INDEX_HTML.replace('index-abc', 'index-new'), { 'content-type': 'text/html' }));
    await expect(c.lifecycle('install')).rejects.toThrow(/could not be kept/);
    expect(c.state.skipped).toBe(false);
  });

  it('deletes older shells on activation, never the saved meetings or anything else', async () => {
    const b = browser();
    for (const name of ['radhus-shell-0123456789abcdef', 'radhus-workspace-v1', 'someone-else']) b.stores.set(name, new Map());
    await b.lifecycle('install');
    await b.lifecycle('activate');
    expect([...b.stores.keys()].sort()).toEqual([b.shell, 'radhus-workspace-v1', 'someone-else'].sort());
    expect(b.state.claimed).toBe(true);
  });

  it('answers a navigation from the network while there is one, and with the kept shell only when there is not', async () => {
    const b = browser();
    await b.lifecycle('install');
    b.server.set('/app/', () => basic('<p>a newer page</p>', { 'content-type': 'text/html', 'cache-control': 'no-cache' }));
    expect(await (await b.navigate('/app/balsfjord/workspace/meetings/m1'))!.text()).toBe('<p>a newer page</p>');
    expect(await (await b.request('/app/assets/index-abc.js'))!.text()).toBe('contents of /app/assets/index-abc.js');
    const before = b.fetched.length;
    b.state.online = false;
    expect(await (await b.navigate('/app/balsfjord/workspace/meetings/m1'))!.text()).toBe(INDEX_HTML);
    expect(await (await b.request('/app/assets/index-abc.js'))!.text()).toBe('contents of /app/assets/index-abc.js');
    expect(b.fetched).toHaveLength(before);
    // Nothing kept for it: the browser's own offline error.
    await expect(b.request('/app/assets/inter-greek-400-normal-x2.woff2')).resolves.toBeUndefined();
  });

  it('leaves the API, writes, other pages and unknown files to the browser, online or not', async () => {
    const b = browser();
    await b.lifecycle('install');
    b.stores.set('radhus-workspace-v1', new Map([['/api/v1/balsfjord/workspace/meetings/m1', basic('{}')]]));
    for (const online of [true, false]) {
      b.state.online = online;
      expect(await b.request('/api/v1/balsfjord/workspace/meetings/m1')).toBeUndefined();
      expect(await b.request('/api/v1/balsfjord/workspace/documents/d1')).toBeUndefined();
      expect(await b.request('/api/v1/session')).toBeUndefined();
      expect(await b.request('/app/balsfjord/x', { method: 'POST', mode: 'navigate' })).toBeUndefined();
      expect(await b.request('/app/assets/index-abc.js?v=2')).toBeUndefined();
      expect(await b.request('/app/assets/other-123.js')).toBeUndefined();
      expect(await b.navigate('/balsfjord/politikk')).toBeUndefined();
      expect(await b.navigate('http://elsewhere.example/app/')).toBeUndefined();
      expect(await b.navigate('/app/sw.js')).toBeUndefined();
    }
    expect([...b.stores.get(b.shell)!.keys()].sort()).toEqual(['/app/', ...manifest.files].sort());
  });

  it('after a logout emptied it, fills the shell again from good answers only, or when the page asks', async () => {
    const b = browser();
    await b.lifecycle('install');
    b.stores.delete(b.shell);
    // A no-store answer, an error page and another build's page are not kept.
    b.server.set('/app/', () => basic(INDEX_HTML, { 'content-type': 'text/html', 'cache-control': 'no-store' }));
    await b.navigate('/app/balsfjord/workspace');
    b.server.set('/app/', () => basic('The staff web UI has not been built yet.', {}, 503));
    expect((await b.navigate('/app/balsfjord/workspace'))!.status).toBe(503);
    b.server.set('/app/', () => basic(INDEX_HTML.replace('index-abc', 'index-new'), { 'content-type': 'text/html' }));
    await b.navigate('/app/balsfjord/workspace');
    expect(b.stores.get(b.shell)?.has('/app/') ?? false).toBe(false);
    b.server.set('/app/', () => basic(INDEX_HTML, { 'content-type': 'text/html', 'cache-control': 'no-cache' }));
    await b.navigate('/app/balsfjord/workspace');
    expect(b.stores.get(b.shell)!.has('/app/')).toBe(true);
    await b.lifecycle('message', { type: 'precache' });
    expect([...b.stores.get(b.shell)!.keys()].sort()).toEqual(['/app/', ...manifest.files].sort());
  });
});
