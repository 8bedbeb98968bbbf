// SPDX-License-Identifier: EUPL-1.2
// A deadline spike cut short (issue 9 §4): citizens submit a form at once, over and over, to the real
// server (a child process), which is killed with SIGKILL in the same tick as the Nth 201 arrives, with
// other submissions still in flight. Opened again as a restarting server opens it, every submission that
// was answered 201 is there with its case file, its registry entry, its three documents (answers as
// PDF and JSON, the receipt) and their files, and the receipt is the one acknowledged; and nothing
// half-made is left by the ones cut off: no case file without its entry, no entry without its
// documents, no document without its file, no submission without its case. On PGlite (a data
// folder) by default; on PostgreSQL with RADHUS_TEST_DATABASE_URL.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createRadhus, openContext } from '../radhus.ts';
import { withoutTenant, withTenant } from '../platform/db/transaction.ts';
import { createSession, CSRF_HEADER, SESSION_COOKIE } from '../identity/sessions.ts';
import { grantLocalRole, upsertUser } from '../identity/users.ts';
import { syntheticNorwegianNumber } from '../common/idnumbers.ts';
import { createFormDefinition, publishFormDefinition } from '../forms/definitions.ts';
import { problemReport } from '../forms/demo-forms.ts';
import { freshDatabaseUrl, testEngine } from '../test-support/app.ts';
import { PGLITE_TEMPLATE_ENV } from '../test-support/global-setup.ts';
import { durablePgliteOptions } from '../platform/db/durable-pglite.ts';
import { sha256 } from './api-client.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { addTenantWithToken, testConfig } from './tenant-setup.ts';

const SLUG = 'fristkommune';
/** Citizens submitting at once, each with a session of their own. */
const CITIZENS = 16;
/** The kill comes with this many 201s in hand. */
const ACKNOWLEDGED = 24;

interface Receipt {
  submissionId: string;
  caseFileId: string;
  caseNumber: string;
  registryNumber: string;
  receiptChecksum: string;
  answersChecksum: string;
  details: string;
  citizen: number;
}

const running: ServerProcess[] = [];
let dataDir: string | undefined;

afterAll(async () => {
  for (const server of running) await server.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe(`a deadline spike killed mid-way (${testEngine()})`, () => {
  it('keeps every submission answered 201, whole, and leaves no half case', { timeout: 120_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'radhus-spike-kill-'));
    const databaseUrl = await freshDatabaseUrl({ migrated: true });
    if (!databaseUrl) await migratedDataFolder(dataDir);
    const { formId, version, citizens } = await prepare(testConfig(dataDir, databaseUrl));

    const first = await startServer({ dataDir, databaseUrl });
    running.push(first);
    const acknowledged: Receipt[] = [];
    const refused: string[] = [];
    let killed = false;
    let inFlight = 0;
    let inFlightAtKill = 0;
    const submitter = async (citizen: number) => {
      for (let n = 0; !killed; n++) {
        const details = `Hull i veien, melding ${citizen}-${n}`;
        inFlight += 1;
        const answer = await fetch(`${first.url}/api/v1/${SLUG}/submissions`, {
          method: 'POST',
          headers: { ...citizens[citizen]!, 'content-type': 'application/json' },
          body: JSON.stringify({ formId, version, answers: { what: 'road', position: { lat: 69.24, lon: 19.4 }, details } }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, string> }), () => undefined);
        inFlight -= 1;
        if (killed) {
          // Answered in the tick of the kill but after it: it may or may not be filed; only a
          // 201 counted before the kill is a promise.
          return;
        }
        if (answer?.status !== 201) {
          refused.push(`${citizen}-${n}: ${answer?.status ?? 'no answer'} ${JSON.stringify(answer?.body)}`);
          return;
        }
        const b = answer.body;
        acknowledged.push({ submissionId: b.submissionId!, caseFileId: b.caseFileId!, caseNumber: b.caseNumber!, registryNumber: b.registryNumber!, receiptChecksum: b.receiptChecksum!, answersChecksum: b.answersChecksum!, details, citizen });
        if (acknowledged.length === ACKNOWLEDGED) {
          first.killHard();
          killed = true;
          inFlightAtKill = inFlight;
        }
      }
    };
    await Promise.all(Array.from({ length: CITIZENS }, (_, c) => submitter(c)));
    expect(refused).toEqual([]);
    expect((await first.exited).signal).toBe('SIGKILL');
    // The kill cut submissions off mid-way: the rest of the spike was still in flight.
    expect(inFlightAtKill).toBe(CITIZENS - 1);

    // Opened again as a restarting server opens it (files left staged are swept, migrations
    // checked): each acknowledged submission whole, nothing half-made by the ones cut off.
    const ctx = await openContext(testConfig(dataDir, databaseUrl));
    try {
      const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(ctx.db.kysely)).rows;
      expect(await q(sql`select c.id from case_files c where not exists (select 1 from registry_entries e where e.case_file_id = c.id)`), 'a case file without its entry').toEqual([]);
      expect(await q(sql`select e.id from registry_entries e where not exists (select 1 from documents d where d.registry_entry_id = e.id)`), 'an entry without documents').toEqual([]);
      expect(await q(sql`select s.id from form_submissions s where not exists (select 1 from case_files c where c.id = s.case_file_id)
        or not exists (select 1 from registry_entries e where e.id = s.registry_entry_id and e.case_file_id = s.case_file_id)`), 'a submission without its case').toEqual([]);
      expect(await q(sql`select c.id from case_files c where not exists (select 1 from form_submissions s where s.case_file_id = c.id)`), 'a case without its submission').toEqual([]);

      const submissions = await q<{ id: string; details: string; case_file_id: string; case_number: string; registry_number: string; registry_entry_id: string; answers_checksum: string; receipt_checksum: string }>(sql`
        select s.id, s.answers->>'details' as details, s.case_file_id, s.case_number, s.registry_number, s.registry_entry_id, s.answers_checksum, s.receipt_checksum,
          c.case_year || '/' || c.case_sequence as filed_case, e.entry_year || '/' || e.entry_sequence as filed_entry
        from form_submissions s join case_files c on c.id = s.case_file_id join registry_entries e on e.id = s.registry_entry_id`);
      const byId = new Map(submissions.map((s) => [s.id, s]));
      for (const a of acknowledged)
        expect(byId.get(a.submissionId), `acknowledged ${a.caseNumber}`).toMatchObject({ details: a.details, case_file_id: a.caseFileId, filed_case: a.caseNumber, filed_entry: a.registryNumber,
          answers_checksum: a.answersChecksum, receipt_checksum: a.receiptChecksum });
      expect(submissions.length).toBeGreaterThanOrEqual(ACKNOWLEDGED);

      // Every filed submission, acknowledged or not: its entry holds the answers PDF, the JSON and
      // the receipt, each with its file in the store, whose bytes are the checksum recorded.
      const documents = await q<{ entry: string; type: string; checksum: string | null }>(sql`
        select d.registry_entry_id as entry, d.document_type as type, o.checksum
        from documents d left join document_objects o on o.document_id = d.id order by d.registry_entry_id, d.document_number`);
      for (const s of submissions) {
        const mine = documents.filter((d) => d.entry === s.registry_entry_id);
        expect(mine.map((d) => d.type), s.case_number).toEqual(['form', 'form-data', 'receipt']);
        expect([mine[0]!.checksum, mine[2]!.checksum]).toEqual([s.answers_checksum, s.receipt_checksum]);
        for (const d of mine) expect(sha256(await bytesOf(await ctx.files.open(d.checksum!))), `${s.case_number} ${d.type}`).toBe(d.checksum);
      }
      // The numbers handed out are all there: 1…n, none lost to a transaction cut off.
      const caseSequences = (await q<{ n: number }>(sql`select case_sequence as n from case_files order by case_sequence`)).map((r) => Number(r.n));
      const entrySequences = (await q<{ n: number }>(sql`select entry_sequence as n from registry_entries order by entry_sequence`)).map((r) => Number(r.n));
      const oneToN = Array.from({ length: submissions.length }, (_, i) => i + 1);
      expect({ caseSequences, entrySequences }).toEqual({ caseSequences: oneToN, entrySequences: oneToN });
    } finally {
      await ctx.db.close();
    }
  });
});

/**
 * On PGlite: the data folder starts as a copy of the run's migrated template (global-setup.ts), as
 * the PostgreSQL run's database does, written through the same durable file system the server uses.
 * initdb and every migration with fsync on took 15-20 s of the test's 45; what is tested is the
 * server killed mid-spike and the folder opened again, not how the folder was first made (the
 * migrations on an empty data folder are the CLI's and sigkill.test.ts's).
 */
async function migratedDataFolder(dataDir: string): Promise<void> {
  const template = process.env[PGLITE_TEMPLATE_ENV];
  if (!template) return;
  const pglite = await PGlite.create({ ...durablePgliteOptions(join(dataDir, 'pglite')), extensions: { btree_gin }, loadDataDir: new Blob([await readFile(template)]) });
  await pglite.close();
}

/** The municipality, the published demo form and the citizens' sessions; then closes the database. */
async function prepare(config: ReturnType<typeof testConfig>) {
  const ctx = await openContext(config);
  const radhus = await createRadhus(ctx, { logger: false, background: false });
  try {
    const { tenant } = await addTenantWithToken(ctx, SLUG);
    const actor = { kind: 'cli', id: 'test', name: 'test' } as const;
    const form = await withTenant(ctx.db, { tenantId: tenant.id, actor }, async (tx) => {
      const c = { tenantId: tenant.id, actor: 'cli:test:test', at: ctx.clock.now() };
      return publishFormDefinition(tx, c, (await createFormDefinition(tx, c, problemReport)).form.id, true);
    });
    const citizens: Record<string, string>[] = [];
    for (let i = 0; i < CITIZENS; i++) {
      const identityNumber = syntheticNorwegianNumber(new Date(Date.UTC(1960, 0, 1) + i * 86_400_000 * 97).toISOString().slice(0, 10), i % 20);
      citizens.push(await withoutTenant(ctx.db, async (tx) => {
        const id = await upsertUser(tx, { issuer: 'https://idporten.test', subject: `frist-${i}`, name: `Innbygger ${i}`, email: `innbygger${i}@example.no`, emailVerified: true, identityNumber }, ctx.clock.now());
        await grantLocalRole(tx, tenant.id, id, 'citizen', ctx.clock.now());
        const { sessionId, csrfToken } = await createSession(tx, id, ctx.clock.now());
        // Signed with the session secret kept in the data folder, which the server process reads too.
        return { cookie: `${SESSION_COOKIE}=${radhus.app.signCookie(sessionId)}`, [CSRF_HEADER]: csrfToken };
      }));
    }
    return { formId: form.form.id, version: form.version, citizens };
  } finally {
    await radhus.close();
  }
}

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
