// SPDX-License-Identifier: EUPL-1.2
// `radhus import noark5`, the checking half, on packages built by the verifier's fixtures: a valid
// v5.0 package and the same package declared v4.0 pass every check; a package with a wrong checksum,
// an unknown version, a wrong namespace or a case number used twice in one series is refused with
// file, element and line; and in every case nothing is written (rows, outbox, number series).
import { spawnSync } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNoark5Command } from '../../cli/commands/import-noark5.ts';
import { captureOutput } from '../../cli/io.ts';
import { withoutTenant, withTenant } from '../../platform/db/transaction.ts';
import type { Tenant } from '../../tenants/service.ts';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';
import { buildPackage, sid, type FixtureOptions } from '../verify/test-fixtures.ts';

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint) console.error('SKIPPED src/deposit/import/import.test.ts: xmllint is not installed (apt-get install libxml2-utils)');

const tables = ['series', 'case_files', 'registry_entries', 'outbox', 'number_series', 'public_case_files', 'public_registry_entries'];

describe.skipIf(!hasXmllint)('radhus import noark5: checks before anything is written', { timeout: 120_000 }, () => {
  let radhus: TestRadhus;
  let before: Record<string, number>;
  let tenant: Tenant;

  const counts = () =>
    withoutTenant(radhus.ctx.db, async (tx) => {
      const out: Record<string, number> = {};
      for (const t of tables) out[t] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(tx)).rows[0]!.n);
      return out;
    });

  async function importPackage(options: FixtureOptions = {}, breakIt?: (dir: string) => Promise<void>) {
    const dir = await buildPackage(options);
    await breakIt?.(dir);
    const io = captureOutput();
    const code = await importNoark5Command.run({ ctx: radhus.ctx, values: { tenant: 'tomby', dir, lang: 'en' }, io, operator: 'cli:test', migrated: [] });
    // The promise kept in every case: a package that is not loaded leaves everything as it was.
    expect(await counts()).toEqual(before);
    return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
  }

  beforeAll(async () => {
    radhus = await createTestRadhus();
    tenant = await radhus.tenant({ slug: 'tomby' });
    before = await counts();
  }, 120_000);
  afterAll(async () => {
    await radhus?.close();
  });

  it('passes a valid v5.0 package and reports what it holds and what it would not map', async () => {
    const result = await importPackage();
    expect(result.stdout).toMatch(/Noark 5 5\.0, 2 series, 4 class\(es\), 4 case file\(s\), 6 registry entr\(ies\), 6 document file\(s\)/);
    expect(result.stderr).toContain('passed every check');
    expect(result.stderr).toContain('nothing was written');
    expect(result.code).toBe(3);
  });

  it('takes an earlier Noark 5 version (v4.0) the same way', async () => {
    const result = await importPackage({ editAddml: (xml) => xml.replace('<value>5.0</value>', '<value>4.0</value>') });
    expect(result.stdout).toContain('Noark 5 4.0,');
    expect(result.code).toBe(3);
  });

  it('refuses a version it does not know, naming arkivuttrekk.xml and the element', async () => {
    const result = await importPackage({ editAddml: (xml) => xml.replace('<value>5.0</value>', '<value>2.0</value>') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused: unsupportedVersion 2\.0 .*\[file arkivuttrekk\.xml, element version\]/);
  });

  it('refuses a wrong checksum with the verification report naming the file and element', async () => {
    const result = await importPackage({}, (dir) => appendFile(join(dir, 'endringslogg.xml'), '<!-- changed after packing -->\n'));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('XX N5.02');
    expect(result.stdout).toMatch(/The checksum of endringslogg\.xml does not match.*\[file arkivuttrekk\.xml, element checksum, line \d+\]/);
    expect(result.stderr).toContain('failed verification');
  });

  it('refuses a wrong namespace', async () => {
    const result = await importPackage({
      edit: (files) => files.set('arkivstruktur.xml', files.get('arkivstruktur.xml')!.toString().replace('noark5/arkivstruktur"', 'noark4/arkivstruktur"')),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/XX /);
    expect(result.stdout).toContain('arkivstruktur.xml');
  });

  it('refuses a case number used twice in one series, naming the mappe and its line', async () => {
    const result = await importPackage({
      edit: (files) => files.set('arkivstruktur.xml', files.get('arkivstruktur.xml')!.toString().replace('<sakssekvensnummer>2</sakssekvensnummer>', '<sakssekvensnummer>1</sakssekvensnummer>')),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused: duplicateCaseNumber 2024\/1 \[file arkivstruktur\.xml, element mappe, line \d+, systemID /);
  });

  it('refuses a series whose systemID this municipality already has (loaded before), naming it', async () => {
    const existing = await withTenant(radhus.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) =>
      (await sql<{ system_id: string }>`select system_id from series limit 1`.execute(tx)).rows[0]!.system_id);
    const result = await importPackage({
      edit: (files) => files.set('arkivstruktur.xml', files.get('arkivstruktur.xml')!.toString().replace(`<systemID>${sid(1000)}</systemID>`, `<systemID>${existing}</systemID>`)),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`refused: alreadyLoaded "`);
    expect(result.stderr).toContain(`[file arkivstruktur.xml, element arkivdel, systemID ${existing}]`);
  });
});
