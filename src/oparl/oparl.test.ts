// SPDX-License-Identifier: EUPL-1.2
// OParl 1.1 (issue 10 §4): a walk from the system object that follows every URL it finds and holds
// every object (and every object embedded in one) to the OParl JSON schemas; the lists' paging and
// filters; deleted objects; votes per party and member; one municipality's body shows nothing of
// another's; hostile query values answer 400, never 500.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { oparlErrors, oparlTypes } from './schema-check.ts';
import { reprojectMeeting, seedCouncil, unpublishMeeting, type SeededCouncil } from './test-support.ts';

let radhus: TestRadhus;
let a: Tenant;
let b: Tenant;
let seedA: SeededCouncil;
let seedB: SeededCouncil;
let base: string;

type Json = Record<string, unknown>;
const path = (url: string) => (url.startsWith(base) ? url.slice(base.length) : url);
async function get(url: string) {
  const res = await radhus.app.inject({ method: 'GET', url: path(url) });
  return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? (res.json() as Json) : undefined, res };
}

/** Every string in a value that is one of our URLs. */
function urlsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string' && value.startsWith(`${base}/`)) found.add(value);
  else if (Array.isArray(value)) for (const v of value) urlsIn(v, found);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) urlsIn(v, found);
  return found;
}

/** Walks from the system object; returns every object met (at its URL, in a list, or embedded) and every answer's text. */
async function walk(start: string, only?: string) {
  const objects = new Map<string, Json>();
  const texts: string[] = [];
  const queue = [start];
  const seen = new Set<string>();
  const problems: string[] = [];
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const { status, body, res } = await get(url);
    if (status !== 200) {
      problems.push(`${url}: ${status}`);
      continue;
    }
    texts.push(res.body);
    if (!body) continue; // a file's bytes
    const found: Json[] = Array.isArray(body.data) ? (body.data as Json[]) : [body];
    if (Array.isArray(body.data)) expect(body.links, url).toBeTypeOf('object');
    for (const o of found) {
      for (const error of oparlErrors(o)) problems.push(`${url} ${String(o.id)}: ${error}`);
      objects.set(String(o.id), o);
    }
    for (const next of urlsIn(body)) if (!seen.has(next) && (!only || next.includes(only))) queue.push(next);
  }
  return { objects, texts, problems, seen };
}

beforeAll(async () => {
  radhus = await createTestRadhus();
  base = radhus.config.publicUrl;
  a = await radhus.tenant();
  b = await radhus.tenant({ country: 'SE' });
  seedA = await seedCouncil(radhus, a);
  seedB = await seedCouncil(radhus, b);
}, 120_000);
afterAll(async () => radhus?.close());

describe('the schema check itself', () => {
  it('passes the specification’s own examples and fails a broken object', () => {
    const dir = join(import.meta.dirname, '..', '..', 'standards', 'oparl', 'examples');
    // Meeting-01 predates OParl 1.1's required AgendaItem.order: held to the embedded schema, it fails on exactly that.
    for (const file of readdirSync(dir)) {
      const errors = oparlErrors(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (file === 'Meeting-01.json') expect(errors.join('\n')).toMatch(/embedded AgendaItem.json: .*order/);
      else expect(errors, file).toEqual([]);
    }
    expect(oparlTypes).toHaveLength(12);
    expect(oparlErrors({ id: 'x', type: 'https://schema.oparl.org/1.1/AgendaItem' }).length).toBeGreaterThan(0);
    // An embedded object is held to its own schema too.
    expect(oparlErrors({ id: `${base}/m`, type: 'https://schema.oparl.org/1.1/Meeting', agendaItem: [{ id: `${base}/i`, type: 'https://schema.oparl.org/1.1/AgendaItem' }] })).not.toEqual([]);
  });
});

describe('the walk from /oparl/v1/system', () => {
  it('finds every object type, each valid against the OParl schemas, and the files’ bytes', async () => {
    const { objects, problems, seen } = await walk(`${base}/oparl/v1/system`);
    expect(problems).toEqual([]);
    const types = new Set([...objects.values()].map((o) => String(o.type).split('/').pop()));
    expect([...types].sort()).toEqual(['AgendaItem', 'Body', 'Consultation', 'File', 'LegislativeTerm', 'Location', 'Meeting', 'Membership', 'Organization', 'Paper', 'Person', 'System']);
    // Both municipalities are bodies of the one system.
    expect(objects.get(`${base}/oparl/v1/body/${a.slug}`)).toMatchObject({ name: a.name });
    expect(objects.get(`${base}/oparl/v1/body/${b.slug}`)).toMatchObject({ name: b.name, classification: 'kommun' });
    // The file in full: shown at accessUrl, saved at downloadUrl; the other only by title, its accessUrl the journal entry.
    const file = objects.get(`${base}/oparl/v1/body/${a.slug}/file/${seedA.documentId}`)!;
    expect(file).toMatchObject({ fileName: 'saksframlegg.pdf', mimeType: 'application/pdf', size: seedA.fileBytes.length });
    expect(seen.has(String(file.downloadUrl))).toBe(true);
    const download = await get(String(file.downloadUrl));
    expect(download.status).toBe(200);
    expect(download.res.rawPayload.equals(seedA.fileBytes)).toBe(true);
    expect(download.res.headers['content-disposition']).toMatch(/^attachment; filename="saksframlegg.pdf"/);
    expect((await get(String(file.accessUrl))).res.headers['content-disposition']).toMatch(/^inline/);
    const hidden = objects.get(`${base}/oparl/v1/body/${a.slug}/file/${seedA.hiddenDocumentId}`)!;
    expect(hidden.accessUrl).toBe(`${base}/${a.slug}/postliste/${seedA.entryId}`);
    expect(hidden).not.toHaveProperty('downloadUrl');
    expect((await get(`${base}/oparl/v1/body/${a.slug}/file/${seedA.hiddenDocumentId}/download`)).status).toBe(404);
  }, 120_000);

  it('under one municipality’s body, nothing of another municipality appears', async () => {
    const { texts, problems } = await walk(`${base}/oparl/v1/body/${a.slug}`, `/body/${a.slug}`);
    expect(problems).toEqual([]);
    const all = texts.join('\n');
    for (const id of [seedB.bodyId, seedB.meetingId, seedB.itemId, seedB.documentId, ...seedB.personIds, ...seedB.partyIds, seedB.termId, seedB.caseFileId]) expect(all).not.toContain(id);
    expect(all).toContain(seedA.meetingId);
    // B's objects asked for under A's body are not found, though their ids are real.
    expect((await get(`/oparl/v1/body/${a.slug}/meeting/${seedB.meetingId}`)).status).toBe(404);
    expect((await get(`/oparl/v1/body/${a.slug}/person/${seedB.personIds[0]}`)).status).toBe(404);
    expect((await get(`/oparl/v1/body/${a.slug}/file/${seedB.documentId}/download`)).status).toBe(404);
  }, 120_000);
});

describe('the council’s data', () => {
  it('publishes the vote per option, per party and per member as radhus:votes on the agenda item and the consultation', async () => {
    const item = (await get(`/oparl/v1/body/${a.slug}/agendaItem/${seedA.itemId}`)).body!;
    const org = (id: string) => `${base}/oparl/v1/body/${a.slug}/organization/${id}`;
    const person = (id: string) => `${base}/oparl/v1/body/${a.slug}/person/${id}`;
    expect(item).toMatchObject({ number: 'PS 1/26', order: 0, public: true, resolutionText: 'Skolen bygges.', result: 'adopted', 'radhus:videoOffsetSeconds': 95 });
    const [vote, secret] = item['radhus:votes'] as Json[];
    expect(secret).toMatchObject({ method: 'secret', counts: [{ option: 'a', count: 2 }, { option: 'b', count: 1 }], parties: [], ballots: [] });
    expect(vote).toMatchObject({ outcome: 'adopted', counts: [{ option: 'for', count: 2 }, { option: 'against', count: 1 }] });
    expect(vote!.parties).toContainEqual({ organization: org(seedA.partyIds[1]), option: 'against', count: 1 });
    expect(vote!.ballots).toContainEqual({ person: person(seedA.personIds[2]), organization: org(seedA.partyIds[1]), option: 'against' });
    const consultation = (await get(`/oparl/v1/body/${a.slug}/consultation/${seedA.itemId}`)).body!;
    expect(consultation).toMatchObject({ paper: `${base}/oparl/v1/body/${a.slug}/paper/${seedA.caseFileId}`, authoritative: true, 'radhus:votes': item['radhus:votes'] });
    const paper = (await get(`/oparl/v1/body/${a.slug}/paper/${seedA.caseFileId}`)).body!;
    expect(paper).toMatchObject({ reference: '2026/7', name: 'Ny skole', mainFile: { id: `${base}/oparl/v1/body/${a.slug}/file/${seedA.documentId}` } });
  });

  it('shows a closed item as closed, with its legal basis and nothing of its decision', async () => {
    const item = (await get(`/oparl/v1/body/${a.slug}/agendaItem/${seedA.closedItemId}`)).body!;
    expect(item).toMatchObject({ public: false, 'radhus:closedLegalBasis': 'Offl. § 13, fvl. § 13' });
    for (const key of ['resolutionText', 'result', 'radhus:votes', 'consultation', 'auxiliaryFile']) expect(item).not.toHaveProperty(key);
  });

  it('embeds agenda items, location and minutes in a meeting, and leaves them out with omit_internal', async () => {
    const meeting = (await get(`/oparl/v1/body/${a.slug}/meeting/${seedA.meetingId}`)).body!;
    expect(meeting).toMatchObject({ meetingState: 'held', cancelled: false, location: { description: 'Kommunestyresalen' }, resultsProtocol: { fileName: 'motebok.pdf' } });
    expect((meeting.agendaItem as Json[]).map((i) => i.order)).toEqual([0, 1]);
    const page = (await get(`/oparl/v1/body/${a.slug}/meetings?omit_internal=true`)).body!;
    for (const m of page.data as Json[]) for (const key of ['agendaItem', 'location', 'resultsProtocol']) expect(m).not.toHaveProperty(key);
  });
});

describe('lists', () => {
  it('page with links.next, every object once, in a stable order, the filters kept', async () => {
    const ids: string[] = [];
    let url: string | undefined = `/oparl/v1/body/${a.slug}/memberships?elementsPerPage=1&modified_since=2000-01-01T00:00:00Z`;
    let pages = 0;
    while (url) {
      const page = (await get(url)).body! as { data: Json[]; links: { next?: string }; pagination: Json };
      expect(page.pagination).toEqual({ elementsPerPage: 1 });
      ids.push(...page.data.map((o) => String(o.id)));
      if (page.links.next) expect(page.links.next).toContain('modified_since=2000-01-01T00%3A00%3A00Z');
      url = page.links.next;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(ids).toEqual([...seedA.membershipIds].sort().map((id) => `${base}/oparl/v1/body/${a.slug}/membership/${id}`));
  });

  it('filter by created and modified', async () => {
    const at = radhus.clock.now();
    const later = new Date(at.getTime() + 1000).toISOString();
    const earlier = new Date(at.getTime() - 1000).toISOString();
    const count = async (q: string) => ((await get(`/oparl/v1/body/${a.slug}/persons?${q}`)).body!.data as unknown[]).length;
    expect(await count(`modified_since=${encodeURIComponent(earlier)}`)).toBe(3);
    expect(await count(`modified_since=${encodeURIComponent(later)}`)).toBe(0);
    expect(await count(`created_until=${encodeURIComponent(earlier)}`)).toBe(0);
    expect(await count(`created_since=${encodeURIComponent(earlier)}&created_until=${encodeURIComponent(later)}`)).toBe(3);
  });

  it('answer hostile or malformed query values with 400 and a field list, never 500', async () => {
    const list = `/oparl/v1/body/${a.slug}/meetings`;
    const bad: Array<[string, string]> = [
      ['created_since=yesterday', 'created_since'],
      ['modified_since=2026-02-30T00:00:00Z', 'modified_since'],
      ['modified_until=2026-01-01', 'modified_until'],
      ['created_since=0001-01-01T00:00:00Z', 'created_since'],
      ["created_since=2026-01-01T00:00:00Z'%20or%201=1--", 'created_since'],
      ['elementsPerPage=0', 'elementsPerPage'],
      ['elementsPerPage=-1', 'elementsPerPage'],
      ['elementsPerPage=1e9', 'elementsPerPage'],
      ['after=ikke-en-id', 'after'],
      ['after=%27%3B%20drop%20table%20x', 'after'],
      ['omit_internal=kanskje', 'omit_internal'],
      ['created_since=2026-01-01T00:00:00Z&created_since=2026-01-02T00:00:00Z', 'created_since'],
    ];
    for (const [q, field] of bad) {
      const res = await radhus.app.inject({ method: 'GET', url: `${list}?${q}` });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field), q).toContain(field);
    }
    for (const url of ['/oparl/v1/body/ingen-slik/meetings', `/oparl/v1/body/${a.slug}/ukjent`, `/oparl/v1/body/${a.slug}/meeting/ikke-en-id`, `/oparl/v1/body/%27or/meeting/x`, `/oparl/v1/body/${a.slug}/ukjent/${seedA.meetingId}`])
      expect((await radhus.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    for (const url of [`${list}?created_since=%00`, `${list}?after=%ff`])
      expect((await radhus.app.inject({ method: 'GET', url })).statusCode, url).toBe(400);
  });
});

describe('deleted objects', () => {
  it('stay at their URL as deleted, are listed among changes, and a re-projection deletes nothing', async () => {
    const since = new Date(radhus.clock.now().getTime() - 1000).toISOString();
    await reprojectMeeting(radhus, a, seedA.meetingId);
    const changed = (await get(`/oparl/v1/body/${a.slug}/agendaItems?modified_since=${encodeURIComponent(since)}`)).body!.data as Json[];
    expect(changed.filter((o) => o.deleted)).toEqual([]);

    await unpublishMeeting(radhus, a, seedA.meetingId);
    const meeting = (await get(`/oparl/v1/body/${a.slug}/meeting/${seedA.meetingId}`)).body!;
    expect(meeting).toMatchObject({ id: `${base}/oparl/v1/body/${a.slug}/meeting/${seedA.meetingId}`, type: 'https://schema.oparl.org/1.1/Meeting', deleted: true });
    expect(oparlErrors(meeting)).toEqual([]);
    const items = (await get(`/oparl/v1/body/${a.slug}/agendaItems?modified_since=${encodeURIComponent(since)}`)).body!.data as Json[];
    expect(items.filter((o) => o.deleted).map((o) => o.id).sort()).toEqual([seedA.itemId, seedA.closedItemId].map((id) => `${base}/oparl/v1/body/${a.slug}/agendaItem/${id}`).sort());
    // A list without a filter holds what is public now; another municipality sees none of it.
    expect(((await get(`/oparl/v1/body/${a.slug}/meetings`)).body!.data as Json[]).map((o) => o.id)).toEqual([`${base}/oparl/v1/body/${a.slug}/meeting/${seedA.plannedMeetingId}`]);
    expect((await get(`/oparl/v1/body/${b.slug}/meeting/${seedA.meetingId}`)).status).toBe(404);
  });
});
