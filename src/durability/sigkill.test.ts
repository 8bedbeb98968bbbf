// SPDX-License-Identifier: EUPL-1.2
// "201 means it is on disk": the real server (a child process) takes a concurrent batch of writes
// over HTTP and is killed with SIGKILL the moment the last 201 arrives. Restarted on the same data
// folder or database, it must hold every acknowledged case file, entry and document, and its
// numbering must go on without gaps or duplicates. On PGlite by default; on PostgreSQL when
// RADHUS_TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl, testEngine } from '../test-support/app.ts';
import { ArchiveClient, sequenceOf, sha256 } from './api-client.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { prepareDataDir, testConfig } from './tenant-setup.ts';

const CASE_FILES = 40;
const ENTRIES = 12;
const DOCUMENTS = 8;
/** Writers that keep creating case files from mid-batch on, so the server dies with work in hand. */
const TRAILING_WRITERS = 4;

const sender = [{ name: 'Kari Nordmann', kind: 'person' as const, role: 'sender' as const }];
const running: ServerProcess[] = [];
let dataDir: string | undefined;

afterAll(async () => {
  for (const server of running) await server.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe(`acknowledged means durable (${testEngine()})`, () => {
  it('finds every 201 after SIGKILL and a restart, and numbering goes on', { timeout: 240_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'radhus-sigkill-'));
    const databaseUrl = await freshDatabaseUrl();
    const { token } = await prepareDataDir(testConfig(dataDir, databaseUrl), 'kraskommune');

    const first = await startServer({ dataDir, databaseUrl });
    running.push(first);
    const api = new ArchiveClient(first.url, 'kraskommune', token);
    const base = await api.createCaseFile('Grunnlag for krasjtest');
    expect(base.status).toBe(201);
    const baseEntry = await api.createRegistryEntry(base.body.id, { type: 'incoming', title: 'Første brev', correspondents: sender });
    expect(baseEntry.status).toBe(201);

    // The batch: every request must be acknowledged; the kill follows the last one synchronously.
    const caseFiles: { id: string; caseNumber: string; title: string }[] = [{ id: base.body.id, caseNumber: base.body.caseNumber, title: base.body.title }];
    const entries: { id: string; registryNumber: string; title: string }[] = [{ id: baseEntry.body.id, registryNumber: baseEntry.body.registryNumber, title: baseEntry.body.title }];
    const documents: { id: string; checksum: string; bytes: Buffer }[] = [];
    const refused: string[] = [];
    const total = CASE_FILES + ENTRIES + DOCUMENTS;
    let answered = 0;
    let killed = false;
    let inFlight = 0;
    let inFlightAtKill = 0;
    const trailing: Promise<void>[] = [];
    // Keeps writing until the kill; what was acknowledged before it must survive like the rest.
    const keepWriting = async (writer: number) => {
      for (let i = 0; !killed; i++) {
        inFlight += 1;
        const answer = await api.createCaseFile(`Etterslep ${writer}-${i}`).catch(() => undefined);
        inFlight -= 1;
        if (answer?.status === 201) caseFiles.push({ id: answer.body.id, caseNumber: answer.body.caseNumber, title: answer.body.title });
        else if (!killed) refused.push(`trailing case file: ${answer?.status ?? 'no answer'}`);
      }
    };
    const settle = <T extends { status: number }>(kind: string, answer: T, keep: (a: T) => void) => {
      if (answer.status === 201) keep(answer);
      else refused.push(`${kind}: ${answer.status} ${JSON.stringify((answer as { body?: unknown }).body)}`);
      answered += 1;
      if (answered === Math.floor(total / 2)) for (let w = 0; w < TRAILING_WRITERS; w++) trailing.push(keepWriting(w));
      if (answered === total) {
        first.killHard();
        killed = true;
        inFlightAtKill = inFlight;
      }
    };
    await Promise.all([
      ...Array.from({ length: CASE_FILES }, (_, i) =>
        api.createCaseFile(`Sak ${i} før krasj`).then((a) => settle('case file', a, (x) => caseFiles.push({ id: x.body.id, caseNumber: x.body.caseNumber, title: x.body.title }))),
      ),
      ...Array.from({ length: ENTRIES }, (_, i) =>
        api
          .createRegistryEntry(base.body.id, { type: 'incoming', title: `Brev ${i} før krasj`, correspondents: sender })
          .then((a) => settle('entry', a, (x) => entries.push({ id: x.body.id, registryNumber: x.body.registryNumber, title: x.body.title }))),
      ),
      ...Array.from({ length: DOCUMENTS }, (_, i) => {
        const bytes = Buffer.concat([Buffer.from(`%PDF-1.7 document ${i}\n`), randomBytes(20_000 + i * 1000)]);
        return api.uploadDocument(baseEntry.body.id, { name: `vedlegg-${i}.pdf`, type: 'application/pdf', content: bytes }).then((a) => settle('document', a, (x) => documents.push({ id: x.body.id, checksum: x.body.checksum, bytes })));
      }),
    ]);
    await Promise.all(trailing);
    const death = await first.exited;
    expect(refused).toEqual([]);
    // The kill found writes under way: it did not merely stop an idle server.
    expect(inFlightAtKill).toBe(TRAILING_WRITERS);
    expect(death.signal).toBe('SIGKILL');
    expect(documents.every((d) => d.checksum === sha256(d.bytes))).toBe(true);

    // Restart on the same folder/database: a PGlite folder's lock is left by the dead process.
    const second = await startServer({ dataDir, databaseUrl });
    running.push(second);
    const after = new ArchiveClient(second.url, 'kraskommune', token);

    for (const c of caseFiles) {
      const found = await after.getCaseFile(c.id);
      expect({ status: found.status, caseNumber: found.body.caseNumber, title: found.body.title }, c.caseNumber).toEqual({ status: 200, caseNumber: c.caseNumber, title: c.title });
    }
    for (const e of entries) {
      const found = await after.getRegistryEntry(e.id);
      expect({ status: found.status, registryNumber: found.body.registryNumber, title: found.body.title, parties: found.body.correspondents?.map((p) => p.name) }, e.registryNumber).toEqual({
        status: 200,
        registryNumber: e.registryNumber,
        title: e.title,
        parties: ['Kari Nordmann'],
      });
    }
    for (const d of documents) {
      const content = await after.downloadDocument(d.id);
      expect(content.status).toBe(200);
      expect(sha256(content.bytes)).toBe(d.checksum);
      expect(content.bytes.equals(d.bytes)).toBe(true);
    }

    // Numbering: what survived is 1..n with no gap and no duplicate; the next number is n + 1.
    const caseSequences = (await allCaseFiles(after)).map((c) => sequenceOf(c.caseNumber)).sort((a, b) => a - b);
    expect(caseSequences).toEqual(Array.from({ length: caseSequences.length }, (_, i) => i + 1));
    expect(caseSequences.length).toBeGreaterThanOrEqual(caseFiles.length);
    const entrySequences = (await after.getCaseFile(base.body.id)).body.registryEntries.map((e) => sequenceOf(e.registryNumber)).sort((a, b) => a - b);
    expect(entrySequences).toEqual(Array.from({ length: ENTRIES + 1 }, (_, i) => i + 1));

    const nextCase = await after.createCaseFile('Første sak etter krasj');
    expect(nextCase.status).toBe(201);
    expect(sequenceOf(nextCase.body.caseNumber)).toBe(caseSequences.length + 1);
    const nextEntry = await after.createRegistryEntry(base.body.id, { type: 'incoming', title: 'Første brev etter krasj', correspondents: sender });
    expect(nextEntry.status).toBe(201);
    expect(sequenceOf(nextEntry.body.registryNumber)).toBe(ENTRIES + 2);
    await second.stop();
    expect((await second.exited).code).toBe(0);
  });
});

async function allCaseFiles(api: ArchiveClient) {
  const all: { id: string; caseNumber: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listCaseFiles({ limit: 200, ...(cursor ? { cursor } : {}) });
    expect(page.status).toBe(200);
    all.push(...page.body.items);
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
