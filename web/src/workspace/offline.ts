// SPDX-License-Identifier: EUPL-1.2
// Reading a meeting with a poor connection (issue 11 §3): every time a meeting opens, its agenda
// (the JSON, with my notes) and each of its papers are put in the browser's Cache API, and when the
// network fails the screen and the papers come from there, saying when they were saved. Papers
// already saved are not fetched again; "save again" fetches them all. The cache is the member's own
// browser's (the server answers these requests `private`). The browser's caches and fetch are
// passed in, so the logic is tested without a browser (offline.test.ts).
import { ApiError } from '../api/problem.ts';
import type { Tenant } from '../api/types.ts';
import { documentPath, meetingPath, type WorkspaceMeeting } from '../api/workspace.ts';

export const OFFLINE_CACHE = 'radhus-workspace-v1';
const SAVED_AT = 'x-radhus-saved-at';

interface CacheLike {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
}
export interface OfflineDeps {
  caches: { open(name: string): Promise<CacheLike> };
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  now: () => Date;
}

export const browserDeps = (): OfflineDeps | undefined =>
  typeof caches === 'undefined' ? undefined : { caches, fetch: (url, init) => fetch(url, init), now: () => new Date() };

export interface Loaded { meeting: WorkspaceMeeting; savedAt: string | null; offline: boolean; documentsSaved: number }

export const isNetworkError = (error: unknown) => error instanceof ApiError ? error.status === 0 : error instanceof TypeError;

/** Saves the agenda and its papers; `all` fetches papers saved before again. Returns when and how many papers are saved. */
export async function saveForOffline(deps: OfflineDeps, tenant: string, meeting: WorkspaceMeeting, options: { all?: boolean } = {}): Promise<{ savedAt: string; documentsSaved: number }> {
  const cache = await deps.caches.open(OFFLINE_CACHE);
  const savedAt = deps.now().toISOString();
  let documentsSaved = 0;
  for (const doc of meeting.items.flatMap((i) => i.documents)) {
    const url = documentPath(tenant, doc.id);
    if (!options.all && (await cache.match(url))) {
      documentsSaved += 1;
      continue;
    }
    try {
      const response = await deps.fetch(url, { credentials: 'same-origin' });
      if (response.ok) {
        await cache.put(url, response);
        documentsSaved += 1;
      }
    } catch {
      // The connection went while saving: what is saved stays, the rest is tried on the next open.
    }
  }
  await cache.put(meetingPath(tenant, meeting.id), new Response(JSON.stringify(meeting), { headers: { 'content-type': 'application/json', [SAVED_AT]: savedAt } }));
  return { savedAt, documentsSaved };
}

/** The saved copy of a meeting, if any. */
export async function savedMeeting(deps: OfflineDeps, tenant: string, meetingId: string): Promise<{ meeting: WorkspaceMeeting; savedAt: string } | undefined> {
  const response = await (await deps.caches.open(OFFLINE_CACHE)).match(meetingPath(tenant, meetingId));
  if (!response) return undefined;
  return { meeting: (await response.json()) as WorkspaceMeeting, savedAt: response.headers.get(SAVED_AT) ?? '' };
}

/** The meeting from the server, saved for offline as it comes; without a network, the saved copy. */
export async function loadMeeting(deps: OfflineDeps | undefined, tenant: string, meetingId: string, online: () => Promise<WorkspaceMeeting>): Promise<Loaded> {
  try {
    const meeting = await online();
    if (!deps) return { meeting, savedAt: null, offline: false, documentsSaved: 0 };
    const saved = await saveForOffline(deps, tenant, meeting);
    return { meeting, savedAt: saved.savedAt, offline: false, documentsSaved: saved.documentsSaved };
  } catch (error) {
    const saved = deps && isNetworkError(error) ? await savedMeeting(deps, tenant, meetingId) : undefined;
    if (!saved) throw error;
    return { meeting: saved.meeting, savedAt: saved.savedAt, offline: true, documentsSaved: saved.meeting.items.flatMap((i) => i.documents).length };
  }
}

/** A paper's bytes: from the server (and saved), or without a network from the saved copy. */
export async function documentBlob(deps: OfflineDeps, tenant: string, documentId: string): Promise<Blob> {
  const url = documentPath(tenant, documentId);
  const cache = await deps.caches.open(OFFLINE_CACHE);
  try {
    const response = await deps.fetch(url, { credentials: 'same-origin' });
    if (response.ok) {
      await cache.put(url, response.clone());
      return await response.blob();
    }
    throw new ApiError(response.status, response.status === 404 ? 'notFound' : 'error', url);
  } catch (error) {
    if (!isNetworkError(error)) throw error;
    const saved = await cache.match(url);
    if (!saved) throw new ApiError(0, 'network', url);
    return saved.blob();
  }
}

// The municipality (name, language) is saved with its meetings, so that a reload without network
// (the service worker's app shell, sw.js) can show the saved meeting in the right language. It is
// public data; the key is one the server never answers, so nothing is confused with an API answer.
const tenantKey = (slug: string) => `/api/v1/${encodeURIComponent(slug)}/workspace/offline-tenant`;

export async function saveTenant(deps: OfflineDeps, tenant: Tenant): Promise<void> {
  await (await deps.caches.open(OFFLINE_CACHE)).put(tenantKey(tenant.slug), new Response(JSON.stringify(tenant), { headers: { 'content-type': 'application/json' } }));
}

/** The municipality from the server; without a network, the copy saved with a meeting, if any. */
export async function tenantOrSaved(deps: OfflineDeps | undefined, slug: string, online: () => Promise<Tenant>): Promise<Tenant> {
  try {
    return await online();
  } catch (error) {
    const saved = deps && isNetworkError(error) ? await (await deps.caches.open(OFFLINE_CACHE)).match(tenantKey(slug)) : undefined;
    if (!saved) throw error;
    return (await saved.json()) as Tenant;
  }
}
