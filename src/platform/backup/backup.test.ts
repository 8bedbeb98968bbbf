// SPDX-License-Identifier: EUPL-1.2
// The promise of `radhus backup` / `radhus restore`, with the real server and CLI in child
// processes: a backup taken while writes go on, restored into a fresh folder or database, serves
// every write acknowledged before the backup began, every document with its checksum.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ArchiveClient, sha256 } from '../../durability/api-client.ts';
import { startServer } from '../../durability/server-process.ts';
import { prepareDataDir, testConfig } from '../../durability/tenant-setup.ts';
import { freshDatabaseUrl } from '../../test-support/app.ts';

const bin = fileURLToPath(new URL('../../../bin/radhus.js', import.meta.url));

function radhus(cwd: string, dataDir: string, databaseUrl: string | undefined, ...argv: string[]) {
  const { DATABASE_URL: _u, DATA_DIR: _d, ...inherited } = process.env;
  const env = { ...inherited, NODE_ENV: 'test', DATA_DIR: dataDir, RADHUS_SEED_DEMO: 'false', LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...argv], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Written {
  caseId: string;
  documentId: string;
  checksum: string;
}

async function writeOne(client: ArchiveClient, n: number): Promise<Written> {
  const created = await client.createCaseFile(`Sak ${n} om backup`);
  expect(created.status).toBe(201);
  const entry = await client.createRegistryEntry(created.body.id, { type: 'incoming', title: `Brev ${n}`, correspondents: [{ name: `Avsender ${n}`, kind: 'person', role: 'sender' }] });
  expect(entry.status).toBe(201);
  const content = Buffer.from(`%PDF-1.4\n% brev ${n} ${'x'.repeat(n * 37)}\n%%EOF\n`);
  const document = await client.uploadDocument(entry.body.id, { name: `brev-${n}.pdf`, type: 'application/pdf', content });
  expect(document.status).toBe(201);
  return { caseId: created.body.id, documentId: document.body.id, checksum: sha256(content) };
}

describe('backup and restore', { timeout: 600_000 }, () => {
  it('restores every acknowledged write and file from a backup taken under load', async () => {
    const work = await mkdtemp(join(tmpdir(), 'radhus-backup-'));
    const dataDir = join(work, 'data');
    const databaseUrl = await freshDatabaseUrl();
    const { token } = await prepareDataDir(testConfig(dataDir, databaseUrl), 'backupby');
    const server = await startServer({ dataDir, databaseUrl });
    const client = new ArchiveClient(server.url, 'backupby', token);
    const before: Written[] = [];
    for (let n = 1; n <= 8; n++) before.push(await writeOne(client, n));

    // Writes go on while the backup runs; those may or may not be in it.
    let loading = true;
    const during: Written[] = [];
    const load = (async () => {
      for (let n = 100; loading; n++) during.push(await writeOne(client, n));
    })();
    // A relative --out: the server (which makes it on PGlite) must write where the caller meant.
    const made = await radhus(work, dataDir, databaseUrl, 'backup', '--out', 'saved/radhus.tar.gz');
    loading = false;
    await load;
    await server.stop();
    expect(made.stderr).not.toMatch(/Error/);
    expect(made.code).toBe(0);
    const file = join(work, 'saved', 'radhus.tar.gz');
    expect(made.stdout).toContain(`Wrote ${file}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const restoredDir = join(work, 'restored');
    const restoredUrl = await freshDatabaseUrl();
    const restored = await radhus(work, restoredDir, restoredUrl, 'restore', file);
    expect(restored.stderr).not.toMatch(/Error/);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^Restored the backup of/);

    // A second restore into the now full target is refused and changes nothing.
    const again = await radhus(work, restoredDir, restoredUrl, 'restore', file);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('the target is not empty') });

    const copy = await startServer({ dataDir: restoredDir, databaseUrl: restoredUrl });
    try {
      const reader = new ArchiveClient(copy.url, 'backupby', token);
      for (const w of before) {
        expect((await reader.getCaseFile(w.caseId)).status).toBe(200);
        const download = await reader.downloadDocument(w.documentId);
        expect(download.status).toBe(200);
        expect(sha256(download.bytes)).toBe(w.checksum);
      }
      // The copy is a working archive: numbering goes on after the restored cases, without duplicates.
      const next = await reader.createCaseFile('Etter gjenoppretting');
      expect(next.status).toBe(201);
      const listed = await reader.listCaseFiles({ limit: 200 });
      const numbers = listed.body.items.map((c) => c.caseNumber);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers.length).toBeGreaterThanOrEqual(before.length + 1);
    } finally {
      await copy.stop();
    }
    expect(during.length).toBeGreaterThan(0);
  });

  it('refuses a file that is not a backup, with the reason', async () => {
    const work = await mkdtemp(join(tmpdir(), 'radhus-backup-'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(work, 'not-a-backup.tar.gz'), 'hello');
    const refused = await radhus(work, join(work, 'data'), await freshDatabaseUrl(), 'restore', 'not-a-backup.tar.gz');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not a Rådhus backup');
    expect((await radhus(work, join(work, 'data'), undefined, 'restore')).code).toBe(2);
  });
});
