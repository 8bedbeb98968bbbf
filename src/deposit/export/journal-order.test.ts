// SPDX-License-Identifier: EUPL-1.2
// The export's journals are written a page at a time in registry-number order. Registry numbers are
// unique per series, not per municipality: two imported series (or an imported one beside our own)
// can both have 2024/5. The page key therefore ends with the entry's id, or an entry numbered like
// the last one of a page would be skipped. Two copies of one package, with other systemIDs, are
// loaded into one municipality and exported a page of one entry at a time: every post is there once.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNoark5Command } from '../../cli/commands/import-noark5.ts';
import { captureOutput } from '../../cli/io.ts';
import { withTenant } from '../../platform/db/transaction.ts';
import type { Tenant } from '../../tenants/service.ts';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';
import { buildPackage } from '../verify/test-fixtures.ts';
import { exportNoark5 } from './package.ts';
import { progress } from './progress.ts';

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint) console.error('SKIPPED src/deposit/export/journal-order.test.ts: xmllint is not installed (apt-get install libxml2-utils)');

/** The fixture's systemIDs all start so; the second copy gets another prefix and so other ids. */
const prefix = '00000000-0000-4000-8000-';
const otherPrefix = '00000000-0000-4000-9000-';

describe.skipIf(!hasXmllint)('the export journals of two series numbered alike', { timeout: 180_000 }, () => {
  let radhus: TestRadhus;
  let tenant: Tenant;
  let out: string;

  beforeAll(async () => {
    radhus = await createTestRadhus();
    tenant = await radhus.tenant({ slug: 'tvilling' });
    for (const swap of [false, true]) {
      const dir = await buildPackage({
        edit: (files) => {
          if (!swap) return;
          for (const [name, content] of files) if (name.endsWith('.xml')) files.set(name, content.toString().replaceAll(prefix, otherPrefix));
        },
      });
      const io = captureOutput();
      const code = await importNoark5Command.run({ ctx: radhus.ctx, values: { tenant: 'tvilling', dir, lang: 'en' }, io, operator: 'cli:test', migrated: [] });
      await rm(dir, { recursive: true, force: true });
      expect(code, io.stderr.join('\n')).toBe(0);
    }
    out = await mkdtemp(join(tmpdir(), 'radhus-journal-order-'));
  }, 180_000);
  afterAll(async () => {
    await radhus?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('writes every registry entry once, also where a page ends between two entries with the same number', async () => {
    const entries = await withTenant(radhus.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) =>
      (await sql<{ system_id: string; entry_year: number; entry_sequence: number }>`select coalesce(system_id, id::text) as system_id, entry_year, entry_sequence from registry_entries`.execute(tx)).rows);
    // The premise: the same numbers twice.
    const numbers = entries.map((e) => `${e.entry_year}/${e.entry_sequence}`);
    expect(new Set(numbers).size).toBeLessThan(numbers.length);

    const result = await exportNoark5(radhus.ctx, { tenant, series: 'all', out, actor: 'cli:test', progress: progress(() => {}), warn: () => {}, soffice: null, batchSize: 1 });
    expect(result.counts.journalposter).toBe(entries.length);
    for (const name of ['loependeJournal.xml', 'offentligJournal.xml']) {
      const journal = await readFile(join(out, name), 'utf8');
      const written = [...journal.matchAll(/<journalpost>\s*<systemID>([^<]+)<\/systemID>/g)].map((m) => m[1]);
      expect(written.sort(), name).toEqual(entries.map((e) => e.system_id).sort());
    }
  });
});
