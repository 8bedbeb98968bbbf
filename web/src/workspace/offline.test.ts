// SPDX-License-Identifier: EUPL-1.2
// The workspace's offline copy: opening a meeting saves its agenda and papers (each paper fetched
// once), and with the network gone the agenda and papers come from the saved copy, with the time
// they were saved; a meeting never saved still fails, and a paper the server refuses is not
// served from an old copy.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem.ts';
import { documentPath, meetingPath, type WorkspaceMeeting } from '../api/workspace.ts';
import type { Tenant } from '../api/types.ts';
import { documentBlob, loadMeeting, saveForOffline, savedMeeting, saveTenant, tenantOrSaved, type OfflineDeps } from './offline.ts';

function fakeBrowser() {
  const store = new Map<string, Response>();
  let online = true;
  const fetched: string[] = [];
  let clock = Date.parse('2026-12-01T10:00:00Z');
  const deps: OfflineDeps = {
    caches: { open: async () => ({ match: async (k: string) => store.get(k)?.clone(), put: async (k: string, r: Response) => void store.set(k, r) }) },
    fetch: async (url: string) => {
      if (!online) throw new TypeError('Failed to fetch');
      fetched.push(url);
      if (url.endsWith('/gone')) return new Response('', { status: 404 });
      return new Response(`PDF of ${url}`, { headers: { 'content-type': 'application/pdf' } });
    },
    now: () => new Date((clock += 60_000)),
  };
  return { deps, store, fetched, goOffline: () => void (online = false) };
}

const doc = (id: string) => ({ id, number: 1, title: id, fileName: `${id}.pdf`, mimeType: 'application/pdf', size: 10 });
const meeting = (): WorkspaceMeeting => ({
  id: 'm1', bodyId: 'b', bodyName: 'Kommunestyret', startsAt: '2026-12-10T17:00:00Z', endsAt: null, location: null, status: 'summoned', agendaSent: true,
  currentItemId: null, role: 'member', myAttendance: null, substituteCalls: [], myPersonIds: ['p'], canReportAbsence: true,
  items: [
    { id: 'i1', position: 1, itemNumber: 'PS 1/26', title: 'Budsjett', publicTitle: 'Budsjett', caseFileId: null, presentationEntryId: 'e1', late: false, closed: false, closedLegalBasis: null, decisionText: null, documents: [doc('d1')], proposals: [], notes: [] },
    { id: 'i2', position: 2, itemNumber: 'PS 2/26', title: 'Lukket', publicTitle: 'Lukket', caseFileId: null, presentationEntryId: 'e2', late: false, closed: true, closedLegalBasis: 'kl. § 11-5', decisionText: null, documents: [doc('d2')], proposals: [], notes: [{ id: 'n', agendaItemId: 'i2', presentationEntryId: null, text: 'mitt notat', createdAt: '', updatedAt: '' }] },
  ],
});

describe('the workspace offline copy', () => {
  it('opening saves the agenda and each paper once; offline the saved copy is served with its time', async () => {
    const b = fakeBrowser();
    const first = await loadMeeting(b.deps, 'balsfjord', 'm1', async () => meeting());
    expect(first).toMatchObject({ offline: false, documentsSaved: 2 });
    expect(b.fetched).toEqual([documentPath('balsfjord', 'd1'), documentPath('balsfjord', 'd2')]);
    await loadMeeting(b.deps, 'balsfjord', 'm1', async () => meeting());
    expect(b.fetched).toHaveLength(2); // not fetched again
    await saveForOffline(b.deps, 'balsfjord', meeting(), { all: true });
    expect(b.fetched).toHaveLength(4); // "save again" fetches all
    b.goOffline();
    const offline = await loadMeeting(b.deps, 'balsfjord', 'm1', async () => { throw new ApiError(0, 'network', 'Failed to fetch'); });
    expect(offline.offline).toBe(true);
    expect(offline.savedAt).toMatch(/^2026-12-01T10:0\d:00.000Z$/);
    expect(offline.meeting.items[1]!.notes[0]!.text).toBe('mitt notat');
    expect(await (await documentBlob(b.deps, 'balsfjord', 'd2')).text()).toBe(`PDF of ${documentPath('balsfjord', 'd2')}`);
  });

  it('without a saved copy, or when the server refuses, the error stands', async () => {
    const b = fakeBrowser();
    b.goOffline();
    await expect(loadMeeting(b.deps, 'balsfjord', 'm1', async () => { throw new ApiError(0, 'network', 'x'); })).rejects.toMatchObject({ status: 0 });
    await expect(documentBlob(b.deps, 'balsfjord', 'd1')).rejects.toMatchObject({ status: 0 });
    const c = fakeBrowser();
    await loadMeeting(c.deps, 'balsfjord', 'm1', async () => meeting());
    // The server says 404 (no longer mine): no saved copy is shown instead.
    await expect(loadMeeting(c.deps, 'balsfjord', 'm1', async () => { throw new ApiError(404, 'notFound', 'x'); })).rejects.toMatchObject({ status: 404 });
    await expect(documentBlob(c.deps, 'balsfjord', 'gone')).rejects.toMatchObject({ status: 404 });
    expect(await savedMeeting(c.deps, 'balsfjord', 'm1')).toMatchObject({ meeting: { id: 'm1' } });
    expect(c.store.has(meetingPath('balsfjord', 'm1'))).toBe(true);
  });

  it('keeps the municipality for a reload without network, and only then uses it', async () => {
    const b = fakeBrowser();
    const tenant = { id: 't', slug: 'balsfjord', name: 'Balsfjord kommune', language: 'nb' } as Tenant;
    const fromServer = { ...tenant, name: 'Balsfjord kommune (server)' };
    await expect(tenantOrSaved(b.deps, 'balsfjord', async () => { throw new ApiError(0, 'network', 'x'); })).rejects.toMatchObject({ status: 0 });
    await saveTenant(b.deps, tenant);
    expect(await tenantOrSaved(b.deps, 'balsfjord', async () => fromServer)).toEqual(fromServer);
    expect(await tenantOrSaved(b.deps, 'balsfjord', async () => { throw new ApiError(0, 'network', 'x'); })).toEqual(tenant);
    await expect(tenantOrSaved(b.deps, 'balsfjord', async () => { throw new ApiError(404, 'notFound', 'x'); })).rejects.toMatchObject({ status: 404 });
    await expect(tenantOrSaved(b.deps, 'aneby', async () => { throw new ApiError(0, 'network', 'x'); })).rejects.toMatchObject({ status: 0 });
  });
});
